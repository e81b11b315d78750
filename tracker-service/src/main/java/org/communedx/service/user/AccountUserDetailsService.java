package org.communedx.service.user;

import java.util.ArrayList;
import java.util.List;

import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Officials log in with the accounts stored in PostgreSQL. */
@Service
@Transactional(readOnly = true)
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    AccountUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The longest username an account can have (user_account.username). */
    private static final int MAX_USERNAME = 64;

    @Override
    public UserDetails loadUserByUsername(String username) {
        String name = username.strip();
        // What cannot be a username is not looked up: no 10,000-character query, and no NUL that PostgreSQL refuses.
        if (name.length() > MAX_USERNAME || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new UsernameNotFoundException("No such user");
        }
        UserAccount account = accounts.findByUsername(name)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + account.getRole().name()));
        if (account.isMustChangePassword()) {
            authorities.add(new SimpleGrantedAuthority(AccountAuthorities.PASSWORD_CHANGE_REQUIRED));
        }
        return new SignedInAccount(account.getUsername(), account.getPasswordHash(), account.isEnabled(), authorities,
                account.getDisplayName());
    }
}
