package org.communedx.service.period;

import org.communedx.service.NotFoundException;

public class PeriodNotFoundException extends NotFoundException {

    PeriodNotFoundException(Object id) {
        super("No period or plan " + id);
    }
}
