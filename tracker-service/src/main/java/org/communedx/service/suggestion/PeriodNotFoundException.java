package org.communedx.service.suggestion;

import org.communedx.service.NotFoundException;

/** A period that does not exist, named by an API call; a 404. */
class PeriodNotFoundException extends NotFoundException {

    PeriodNotFoundException(long periodId) {
        super("No period " + periodId);
    }
}
