package org.communedx.service.user;

import java.util.Optional;

import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a username is, as the pages name the people who changed something: "UBND xã Yên Phú", as the menu names the
 * account, where an entry's history and its reviewer's heading showed "xa.yenphu". Read when the page is rendered,
 * so a renamed account reads by its name of today, as the audit trail's actors do.
 */
@Service
@Transactional(readOnly = true)
public class AccountNames {

    private final UserAccountRepository accounts;

    AccountNames(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The account's display name; empty for a username no account has (any more), or none. */
    public Optional<String> displayName(@Nullable String username) {
        return username == null ? Optional.empty()
                : accounts.findByUsername(username).map(UserAccount::getDisplayName);
    }
}
