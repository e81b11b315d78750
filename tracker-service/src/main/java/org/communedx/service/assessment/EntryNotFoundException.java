package org.communedx.service.assessment;

import org.communedx.service.NotFoundException;

public class EntryNotFoundException extends NotFoundException {

    EntryNotFoundException(Object id) {
        super("No criterion entry or period " + id);
    }
}
