package org.communedx.service.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;

import org.springframework.core.io.InputStreamSource;

/**
 * What an upload is, told by its content, never by its file name: spreadsheets exported from office software are
 * often renamed, and a name proves nothing.
 */
public final class UploadContent {

    private static final Tika TIKA = new Tika();

    /** Tika's magic numbers and text statistics look at no more than the start of a file. */
    private static final int PREFIX = 64 * 1024;

    private UploadContent() {
    }

    /** The media type by the file's first bytes; empty when the file has none. */
    public static Optional<String> mediaType(InputStreamSource file) {
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = file.getInputStream()) {
            byte[] prefix = in.readNBytes(PREFIX);
            return prefix.length == 0 ? Optional.empty() : Optional.of(TIKA.detect(prefix));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Whether the type is a ZIP or an Office Open XML file, as an XLSX is. */
    public static boolean isZip(String mediaType) {
        return mediaType.equals("application/zip") || mediaType.startsWith("application/x-tika-ooxml")
                || mediaType.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
    }

    /**
     * Refuses a ZIP (an XLSX) that is larger than the limit as uploaded or once unpacked, by unpacking it once into
     * nothing: a workbook of a few kilobytes can unpack to gigabytes, and POI's own guard against such files
     * allows a hundred times the packed size. What passes can then be opened by POI within the limit.
     */
    public static void requireUnpackedWithin(InputStreamSource file, long maxBytes) {
        byte[] sink = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new LimitedInputStream(file.getInputStream(), maxBytes))) {
            long unpacked = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                for (int count = zip.read(sink); count >= 0; count = zip.read(sink)) {
                    unpacked += count;
                    if (unpacked > maxBytes) {
                        throw ImportFileRefused.fileTooLarge(maxBytes);
                    }
                }
            }
        }
        catch (IOException notAZip) {
            // POI says so when it opens the file; this check is only about its size.
        }
    }
}
