package org.communedx.service.evidence;

import org.communedx.service.NotFoundException;

/** No such evidence file, or one outside the user's scope: a 404 either way. */
public class EvidenceNotFoundException extends NotFoundException {

    EvidenceNotFoundException(long id) {
        super("Evidence " + id);
    }
}
