package org.communedx.service.mapping;

import org.communedx.service.NotFoundException;

/** No mapping with that id: a 404. */
public class MappingNotFoundException extends NotFoundException {

    MappingNotFoundException(long id) {
        super("No framework mapping " + id);
    }
}
