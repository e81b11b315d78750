package org.communedx.model.unit;

import java.util.regex.Pattern;

/** The three levels of the GSO tree; the district level is empty after the 2025 reform. */
public enum UnitLevel {

    PROVINCE("[0-9]{2}"), DISTRICT("[0-9]{3}"), COMMUNE("[0-9]{5}");

    private final Pattern codeShape;

    UnitLevel(String codeShape) {
        this.codeShape = Pattern.compile(codeShape);
    }

    /** GSO codes are strings of fixed length per level; their leading zeros matter ("04789"). */
    public boolean acceptsCode(String code) {
        return code != null && codeShape.matcher(code).matches();
    }

    public int codeLength() {
        return switch (this) {
            case PROVINCE -> 2;
            case DISTRICT -> 3;
            case COMMUNE -> 5;
        };
    }
}
