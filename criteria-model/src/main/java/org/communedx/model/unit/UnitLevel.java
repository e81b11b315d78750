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

    /**
     * A code of this level as a file means it when a spreadsheet dropped its leading zeros (04789 typed as the number
     * 4789, and saved so in a CSV too): digits fewer than the level's get them back; anything else stays as it is,
     * for the level's shape check to judge.
     */
    public String withLeadingZeros(String code) {
        if (code != null && code.matches("[0-9]{1," + (codeLength() - 1) + "}")) {
            return "0".repeat(codeLength() - code.length()) + code;
        }
        return code;
    }
}
