package org.communedx.service.unit;

import org.communedx.service.NotFoundException;

public class UnitNotFoundException extends NotFoundException {

    UnitNotFoundException(String code) {
        super("No unit " + code);
    }
}
