package org.communedx.service.importing;

import org.springframework.util.unit.DataSize;

/**
 * The bounds of one kind of import (from {@code communedx.imports}), checked while the file is read.
 *
 * @param maxBytes the most bytes of the file, as uploaded and, for an XLSX, also unpacked
 * @param maxRows the most rows below the header
 * @param maxCellLength the most characters in one cell
 */
public record ImportLimits(long maxBytes, int maxRows, int maxCellLength) {

    public static ImportLimits of(DataSize maxFileSize, int maxRows, int maxCellLength) {
        return new ImportLimits(maxFileSize.toBytes(), maxRows, maxCellLength);
    }

    /** The byte limit as the pages and messages say it, e.g. "16 MB". */
    public String maxSize() {
        return size(maxBytes);
    }

    /** A size as people write it: 16 MB, 512 KB, 100 B. */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " B";
    }
}
