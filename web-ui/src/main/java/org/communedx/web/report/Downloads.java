package org.communedx.web.report;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Download headers. {@code filename*} (RFC 6266 and 5987) carries the Vietnamese name, e.g. "Bảng điểm Xã Yên
 * Phú Năm 2026.xlsx"; {@code filename} has an ASCII fallback ("Bang-diem-Xa-Yen-Phu-Nam-2026.xlsx") for clients
 * that ignore it. Neither holds anything that could end the header or name a path.
 */
public final class Downloads {

    private static final String ATTR_CHAR = "!#$&+-.^_`|~";

    private Downloads() {
    }

    static ResponseEntity.BodyBuilder attachment(String name, String extension, String contentType) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(name + "." + extension))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(contentType));
    }

    /** A file saved, not shown. */
    public static String disposition(String fileName) {
        return disposition("attachment", fileName);
    }

    /** A file the browser may show itself, saved under the same names. */
    public static String inline(String fileName) {
        return disposition("inline", fileName);
    }

    private static String disposition(String type, String fileName) {
        String plain = fileName.replaceAll("[\\p{Cntrl}/\\\\]+", " ").replaceAll("\\.{2,}", ".");
        return type + "; filename=\"" + ascii(plain) + "\"; filename*=UTF-8''" + encoded(plain);
    }

    /**
     * Letters without their marks, đ as d, every run of anything else but digits, '.' and '_' as one '-', no '..',
     * and no '-' or '.' at either end; a name of which nothing is left before its extension is "export" with it, not
     * the bare extension ("😀.pdf" was saved as a file named "pdf").
     */
    static String ascii(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : safe(fileName.substring(dot + 1));
        String base = safe(dot < 0 ? fileName : fileName.substring(0, dot));
        return (base.isEmpty() ? "export" : base) + (extension.isEmpty() ? "" : "." + extension);
    }

    private static String safe(String text) {
        String bare = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return bare.replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("\\.{2,}", ".").replaceAll("-+(?=\\.)", "")
                .replaceAll("^[-.]+|[-.]+$", "");
    }

    /** RFC 5987 value: UTF-8 bytes, percent-encoded except for its attr-chars. */
    static String encoded(String fileName) {
        StringBuilder out = new StringBuilder();
        for (byte b : Normalizer.normalize(fileName, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ATTR_CHAR.indexOf(c) >= 0) {
                out.append(c);
            }
            else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
