package org.communedx.service.user;

import org.communedx.service.NotFoundException;

class AccountNotFoundException extends NotFoundException {

    AccountNotFoundException(String username) {
        super("No account " + username);
    }
}
