package org.communedx.service.job;

import java.util.UUID;

import org.communedx.service.NotFoundException;

/** No such job, or not the caller's, or forgotten since: all three answer 404 alike. */
public class JobNotFoundException extends NotFoundException {

    JobNotFoundException(UUID id) {
        super("No background job " + id + " for this user");
    }
}
