package org.communedx.service.framework;

import org.communedx.service.NotFoundException;

/** A group or criterion id that does not exist, or that belongs to another framework version than the one named. */
public class FrameworkPartNotFoundException extends NotFoundException {

    FrameworkPartNotFoundException(String what, long id, String code, String version) {
        super("No " + what + " " + id + " in framework " + code + " version " + version);
    }
}
