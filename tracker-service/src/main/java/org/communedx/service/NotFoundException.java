package org.communedx.service;

/**
 * The thing asked for does not exist, or lies outside the user's scope: the web answers 404 for both, so
 * that an answer never confirms that an id exists.
 */
public abstract class NotFoundException extends RuntimeException {

    protected NotFoundException(String message) {
        super(message);
    }
}
