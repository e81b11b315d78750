package org.communedx.service.notification;

import org.communedx.service.NotFoundException;

/** No such notice for the current user: another's is not found either, so that an id confirms nothing. */
public class NotificationNotFoundException extends NotFoundException {

    NotificationNotFoundException(long id) {
        super("No notification " + id);
    }
}
