package org.communedx.service.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.communedx.model.evidence.EvidenceType;

/**
 * Tells what a staged file is from its bytes alone, never from its name or the browser's Content-Type. Tika's
 * magic detection (tika-core) recognises PDF, JPEG, PNG and WebP, and refuses executables, HTML and SVG by
 * seeing what they are. It sees DOCX, XLSX, ODT and ODS only as zip containers; for those this class reads the
 * zip's central directory: an OOXML package names its main part's type in {@code [Content_Types].xml}, an ODF
 * package its type in the {@code mimetype} entry. A macro-enabled document has another main part type and is
 * refused with the other archives. (Tika's full container detectors would pull in its POI-based parser modules,
 * many megabytes for these two small checks.)
 */
final class ContentTypes {

    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();

    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");

    /** Only a few small entries are read, and never more than this of them (a zip bomb stays unread). */
    private static final int MAX_ENTRY_BYTES = 512 * 1024;

    private ContentTypes() {
    }

    static Optional<EvidenceType> detect(Path file) throws IOException {
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            // An empty Metadata: no file name, so the name can never decide the type.
            detected = MIME_TYPES.detect(in, new Metadata());
        }
        MediaTypeRegistry registry = MIME_TYPES.getMediaTypeRegistry();
        if (detected.equals(OOXML) || registry.isInstanceOf(detected, MediaType.APPLICATION_ZIP)) {
            return zipContainer(file);
        }
        return EvidenceType.ofMediaType(detected.getBaseType().toString()).filter(type -> !isContainer(type));
    }

    private static boolean isContainer(EvidenceType type) {
        return switch (type) {
            case DOCX, XLSX, ODT, ODS -> true;
            default -> false;
        };
    }

    private static Optional<EvidenceType> zipContainer(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                String odf = read(zip, mimetype).strip();
                return odf.equals(EvidenceType.ODT.mediaType()) ? Optional.of(EvidenceType.ODT)
                        : odf.equals(EvidenceType.ODS.mediaType()) ? Optional.of(EvidenceType.ODS) : Optional.empty();
            }
            ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
            if (contentTypes != null) {
                String types = read(zip, contentTypes);
                if (types.contains("\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"")) {
                    return Optional.of(EvidenceType.DOCX);
                }
                if (types.contains("\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"")) {
                    return Optional.of(EvidenceType.XLSX);
                }
            }
            return Optional.empty();
        }
        catch (IOException notAReadableZip) {
            return Optional.empty();
        }
    }

    private static String read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(MAX_ENTRY_BYTES), StandardCharsets.UTF_8);
        }
    }
}
