package org.communedx.service.token;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSecretsTests {

    @Test
    void aNewTokenHasItsShapeAndAFreshSecret() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = TokenSecrets.newSecret();
            assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(100);
        String token = TokenSecrets.token(42, secrets.iterator().next());
        assertThat(TokenSecrets.parse(token)).isEqualTo(new TokenSecrets.Presented(42, secrets.iterator().next()));
        assertThat(token).hasSizeLessThanOrEqualTo(TokenSecrets.MAX_LENGTH);
    }

    @Test
    void onlyTheSecretThatWasHashedMatches() {
        String secret = TokenSecrets.newSecret();
        byte[] hash = TokenSecrets.hash(secret);
        assertThat(hash).hasSize(32);
        assertThat(TokenSecrets.matches(secret, hash)).isTrue();
        assertThat(TokenSecrets.matches(TokenSecrets.newSecret(), hash)).isFalse();
    }

    @Test
    void whatIsNotATokenIsNotParsed() {
        String secret = "A".repeat(43);
        assertThat(TokenSecrets.parse(null)).isNull();
        assertThat(TokenSecrets.parse("")).isNull();
        assertThat(TokenSecrets.parse("cdx_0_" + secret)).as("no id 0").isNull();
        assertThat(TokenSecrets.parse("cdx_01_" + secret)).as("no leading zero").isNull();
        assertThat(TokenSecrets.parse("cdx_1_" + secret + "A")).as("too long a secret").isNull();
        assertThat(TokenSecrets.parse("cdx_1_" + "A".repeat(42) + "=")).isNull();
        assertThat(TokenSecrets.parse("CDX_1_" + secret)).isNull();
        assertThat(TokenSecrets.parse("cdx_" + "9".repeat(19) + "_" + secret)).as("beyond a bigint").isNull();
        assertThat(TokenSecrets.parse("cdx_1_" + secret + "\n")).isNull();
        assertThat(TokenSecrets.parse("cdx_123_" + secret)).isEqualTo(new TokenSecrets.Presented(123, secret));
    }
}
