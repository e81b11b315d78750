package org.communedx.service.report;

import org.communedx.service.NotFoundException;

/** No such unit or period, or one outside the caller's scope: the same 404 either way. */
class ExportNotFoundException extends NotFoundException {

    ExportNotFoundException(String what) {
        super("No " + what);
    }
}
