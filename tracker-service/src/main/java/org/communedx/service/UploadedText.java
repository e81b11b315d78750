package org.communedx.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of an uploaded file, read strictly as UTF-8, for every import: a file saved as Windows-1258 or TCVN3
 * would otherwise import garbled Vietnamese names without a word of warning.
 */
public final class UploadedText {

    private UploadedText() {
    }

    /** The text without the byte order mark that spreadsheet programs write; empty when it is not UTF-8. */
    public static Optional<String> utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
        catch (CharacterCodingException ex) {
            return Optional.empty();
        }
    }
}
