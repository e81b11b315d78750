package org.communedx.service.token;

import org.communedx.service.NotFoundException;

/** No such token, or one the caller may not see. */
public class TokenNotFoundException extends NotFoundException {

    TokenNotFoundException(long id) {
        super("No API token " + id);
    }
}
