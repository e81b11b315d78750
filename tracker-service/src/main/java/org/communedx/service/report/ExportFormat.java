package org.communedx.service.report;

/** The two file formats every export comes in. */
public enum ExportFormat {

    /** UTF-8 with a byte order mark, so that Excel shows the diacritics; RFC 4180 quoting. */
    CSV("text/csv;charset=UTF-8", "csv"),

    /** Office Open XML, written row by row (POI SXSSF), so that a national file never sits whole in the heap. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;

    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** {@code csv} or {@code xlsx}, as a route's suffix names the format. */
    public static ExportFormat ofExtension(String extension) {
        for (ExportFormat format : values()) {
            if (format.extension.equalsIgnoreCase(extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException("No export format " + extension);
    }
}
