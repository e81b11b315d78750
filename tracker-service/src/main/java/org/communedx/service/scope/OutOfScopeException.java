package org.communedx.service.scope;

import org.communedx.service.NotFoundException;

/** Outside the user's scope: shown exactly like something that does not exist. */
public class OutOfScopeException extends NotFoundException {

    public OutOfScopeException(String unitCode) {
        super("Unit " + unitCode + " is not in scope");
    }
}
