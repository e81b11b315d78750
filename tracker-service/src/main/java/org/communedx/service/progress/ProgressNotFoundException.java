package org.communedx.service.progress;

import org.communedx.service.NotFoundException;

/** No such period or plan, or no rollup for such a unit (a commune has a scorecard instead). */
public class ProgressNotFoundException extends NotFoundException {

    ProgressNotFoundException(String what) {
        super("No " + what);
    }
}
