package org.communedx.model.evidence;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of evidence file the tracker accepts, as detected from their content. Everything else (executables,
 * HTML, SVG, scripts, other archives) is refused. Only images and PDFs may be shown inline in the browser.
 */
public enum EvidenceType {

    PDF("application/pdf", "pdf", true),
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    WEBP("image/webp", "webp", true),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false),
    ODT("application/vnd.oasis.opendocument.text", "odt", false),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods", false);

    private final String mediaType;

    private final String extension;

    private final boolean inline;

    EvidenceType(String mediaType, String extension, boolean inline) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.inline = inline;
    }

    public static Optional<EvidenceType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Whether a browser may render it in the page: images and PDFs, never active content. */
    public boolean isInline() {
        return inline;
    }

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }
}
