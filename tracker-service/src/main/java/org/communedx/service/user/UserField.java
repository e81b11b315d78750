package org.communedx.service.user;

/** What an administrator gives about a user: the form field and the column of the CSV import that hold it. */
public enum UserField {

    USERNAME("username", "username"),
    DISPLAY_NAME("displayName", "display_name"),
    ROLE("role", "role"),
    UNIT("unitCode", "unit_code"),
    EMAIL("email", "email"),
    ENABLED("enabled", null);

    private final String formField;

    private final String column;

    UserField(String formField, String column) {
        this.formField = formField;
        this.column = column;
    }

    public String formField() {
        return formField;
    }

    /** The column of the import file; null for what the file does not hold. */
    public String column() {
        return column;
    }
}
