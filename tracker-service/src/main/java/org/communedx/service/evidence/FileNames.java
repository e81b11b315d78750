package org.communedx.service.evidence;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.communedx.model.RuleViolation;
import org.communedx.model.evidence.EvidenceType;

/**
 * The two names of an evidence file. The display name is what the user gave, kept for people to read: a name
 * with control characters is refused ({@link #requireNoControlCharacters}), bidirectional-format characters are
 * removed (so that "‮fdp.exe" cannot pose as a PDF), at most 255 characters are kept, and it is escaped wherever
 * it is shown. The stored name is safe anywhere: the last path segment only, in ASCII letters,
 * digits, dot, dash and underscore, with the extension of the detected type. A download is saved under the display
 * name with the detected type's extension ({@link #download}), the stored name being its ASCII fallback.
 */
public final class FileNames {

    static final int MAX_LENGTH = 255;

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private FileNames() {
    }

    /**
     * A name with a control character (a NUL, a line break) is refused rather than cleaned: no file manager makes
     * one, so the upload is not what the user meant to send. Tomcat itself refuses a NUL before this is reached.
     */
    static void requireNoControlCharacters(String original) {
        if (original != null && CONTROL.matcher(original).find()) {
            throw new RuleViolation("evidence.refused.fileName");
        }
    }

    static String display(String original) {
        String name = original == null ? "" : INVISIBLE.matcher(Normalizer.normalize(original, Normalizer.Form.NFC))
                .replaceAll("").strip();
        if (name.isEmpty()) {
            return "evidence";
        }
        return truncateKeepingExtension(name, MAX_LENGTH);
    }

    static String stored(String original, EvidenceType type) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        base = Normalizer.normalize(base.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        base = UNSAFE.matcher(MARKS.matcher(base).replaceAll("")).replaceAll("_");
        base = base.replaceAll("^[._-]+", "").replaceAll("[._-]+$", "");
        if (base.isEmpty()) {
            base = "evidence";
        }
        String extension = "." + type.extension();
        if (base.length() > MAX_LENGTH - extension.length()) {
            base = base.substring(0, MAX_LENGTH - extension.length());
        }
        return base + extension;
    }

    /**
     * The display name as a download is saved: with the detected type's extension, so that PDF content uploaded as
     * "bao-cao.html" never lands on the user's disk as an HTML page (or "qdfdp.exe" as a program) to be opened as
     * one. A name that already ends in a matching extension is kept; any other gets the extension appended
     * ("bao-cao.html.pdf"), so that nothing the user typed is lost and the name still ends as the content is.
     */
    public static String download(String display, EvidenceType type) {
        int dot = display.lastIndexOf('.');
        String extension = dot >= 0 ? display.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (extension.equals(type.extension()) || type == EvidenceType.JPEG && extension.equals("jpeg")) {
            return display;
        }
        String suffix = "." + type.extension();
        int keep = Math.min(display.length(), MAX_LENGTH - suffix.length());
        if (keep > 0 && keep < display.length() && Character.isHighSurrogate(display.charAt(keep - 1))) {
            keep--;
        }
        return display.substring(0, keep) + suffix;
    }

    private static String truncateKeepingExtension(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        int keep = max - extension.length();
        if (Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--;
        }
        return name.substring(0, keep) + extension;
    }
}
