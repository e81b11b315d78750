package org.communedx.service.user;

import org.communedx.model.Unicode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /** bcrypt today; the {id} prefix lets stored hashes move to a stronger scheme without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new NfcPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * Passwords hashed and compared in Unicode NFC. The password form asks for a short sentence, which in Vietnamese
     * has diacritics, and they arrive precomposed from one keyboard and as base letters with combining marks (NFD) from
     * another (Unikey's "Unicode tổ hợp", macOS): one sentence was two passwords, and its owner was locked out on the
     * other machine. A hash made before this of a password typed in NFD still matches it, typed either way.
     */
    static final class NfcPasswords implements PasswordEncoder {

        private final PasswordEncoder hashes;

        NfcPasswords(PasswordEncoder hashes) {
            this.hashes = hashes;
        }

        @Override
        public String encode(CharSequence password) {
            return hashes.encode(Unicode.nfc(password));
        }

        @Override
        public boolean matches(CharSequence password, String encoded) {
            String nfc = Unicode.nfc(password);
            String nfd = Unicode.nfd(password);
            return hashes.matches(nfc, encoded) || (nfd != null && !nfd.equals(nfc) && hashes.matches(nfd, encoded));
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return hashes.upgradeEncoding(encoded);
        }
    }
}
