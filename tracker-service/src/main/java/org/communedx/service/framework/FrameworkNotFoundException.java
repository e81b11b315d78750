package org.communedx.service.framework;

import org.communedx.service.NotFoundException;

public class FrameworkNotFoundException extends NotFoundException {

    FrameworkNotFoundException(String code, String version) {
        super("No framework " + code + " version " + version);
    }
}
