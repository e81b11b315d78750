package org.communedx.service.evidence;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.communedx.model.evidence.EvidenceType;

/**
 * The two names of an evidence file. The display name is what the user gave, kept for people to read: control
 * and bidirectional-format characters removed (so that "‮fdp.exe" cannot pose as a PDF), at most 255 characters,
 * escaped wherever it is shown. The stored name is safe anywhere: the last path segment only, in ASCII letters,
 * digits, dot, dash and underscore, with the extension of the detected type.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private FileNames() {
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
