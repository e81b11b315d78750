package org.communedx.service.user;

import org.communedx.service.NotFoundException;

/** No such user, or one the acting administrator may not manage: the two answer alike. */
class UserNotFoundException extends NotFoundException {

    UserNotFoundException(long id) {
        super("No user " + id + " within reach");
    }
}
