package org.communedx.service.user;

/** Changing a password needs the current one, so that an unattended session cannot be taken over for good. */
public class CurrentPasswordIncorrect extends RuntimeException {

    CurrentPasswordIncorrect() {
        super("The current password is not correct");
    }
}
