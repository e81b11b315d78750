package org.communedx.service.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.communedx.model.ControlCharacters;

/**
 * The text of an upload, decoded as it is read: strictly UTF-8 (a file saved as Windows-1258 or TCVN3 would
 * otherwise import garbled Vietnamese names without a word of warning), without the byte order mark spreadsheet
 * programs write, and never more than the import's byte limit. It counts lines, so that a refusal names the line.
 * For a CSV it also follows the cells as Commons CSV's default format splits them and stops at the first one over
 * the limit, before the parser has gathered it: a single 50 MB cell would otherwise be built whole in the heap.
 */
public final class UploadReader extends Reader {

    private static final int PLAIN_CELL = 1;

    private static final int QUOTED_CELL = 2;

    private static final int QUOTE_IN_QUOTED_CELL = 3;

    private final InputStream in;

    private final long maxBytes;

    private final int maxCellLength;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();

    private final CharBuffer chars = CharBuffer.allocate(8192).flip();

    private long bytesRead;

    private boolean endOfBytes;

    private boolean finished;

    private boolean malformed;

    private boolean started;

    private int line = 1;

    /** Where the CSV cell being read stands: 0 between cells. */
    private int cellState;

    private int cellLength;

    /** The line the current CSV cell began on, which a refusal names: a quoted cell can run over many lines. */
    private int cellLine = 1;

    private UploadReader(InputStream in, long maxBytes, int maxCellLength) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.maxCellLength = maxCellLength;
    }

    /** A CSV file: cells are followed and held to {@code limits.maxCellLength()}. */
    public static UploadReader csv(InputStream in, ImportLimits limits) {
        return new UploadReader(in, limits.maxBytes(), limits.maxCellLength());
    }

    /** Any other text, e.g. YAML: only its size is held to the limit. */
    public static UploadReader text(InputStream in, long maxBytes) {
        return new UploadReader(in, maxBytes, Integer.MAX_VALUE);
    }

    /** The line the next character belongs to (the first is line 1). */
    public int line() {
        return line;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int count = Math.min(length, chars.remaining());
        chars.get(buffer, offset, count);
        for (int i = offset; i < offset + count; i++) {
            follow(buffer[i]);
        }
        return count;
    }

    /** Decodes the next characters; false at the end of the file. */
    private boolean fill() throws IOException {
        while (true) {
            chars.clear();
            while (chars.position() == 0 && !finished) {
                if (malformed) {
                    // The characters before the bad bytes were handed out first, so the line is the bad one's.
                    throw new ImportFileRefused(ImportFileRefused.Reason.NOT_UTF8, line);
                }
                CoderResult result = decoder.decode(bytes, chars, endOfBytes);
                if (result.isError()) {
                    malformed = true;
                }
                else if (result.isOverflow()) {
                    break;
                }
                else if (endOfBytes) {
                    decoder.flush(chars);
                    finished = true;
                }
                else {
                    readBytes();
                }
            }
            chars.flip();
            if (!started && chars.hasRemaining()) {
                started = true;
                if (chars.get(chars.position()) == '\uFEFF') {
                    chars.get();
                }
            }
            if (chars.hasRemaining() || finished) {
                return chars.hasRemaining();
            }
        }
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (count < 0) {
            endOfBytes = true;
        }
        else {
            bytes.position(bytes.position() + count);
            bytesRead += count;
            if (bytesRead > maxBytes) {
                throw ImportFileRefused.fileTooLarge(maxBytes);
            }
        }
        bytes.flip();
    }

    /**
     * Counts lines, and the characters of the current CSV cell as Commons CSV's default format reads them: a cell
     * in quotes runs to the closing quote, line breaks and commas included, and a doubled quote inside it is one.
     */
    private void follow(char c) {
        if (ControlCharacters.isRefused(c)) {
            throw ImportFileRefused.controlCharacter(line);
        }
        boolean separator = c == ',' || c == '\n' || c == '\r';
        switch (cellState) {
            case PLAIN_CELL -> {
                if (separator) {
                    cellState = 0;
                }
                else {
                    cellLength++;
                }
            }
            case QUOTED_CELL -> {
                if (c == '"') {
                    cellState = QUOTE_IN_QUOTED_CELL;
                }
                else {
                    cellLength++;
                }
            }
            case QUOTE_IN_QUOTED_CELL -> {
                if (separator) {
                    cellState = 0;
                }
                else {
                    cellState = c == '"' ? QUOTED_CELL : PLAIN_CELL;
                    cellLength++;
                }
            }
            default -> {
                cellLength = 0;
                cellLine = line;
                if (c == '"') {
                    cellState = QUOTED_CELL;
                }
                else if (!separator) {
                    cellState = PLAIN_CELL;
                    cellLength = 1;
                }
            }
        }
        if (cellLength > maxCellLength) {
            throw ImportFileRefused.cellTooLong(cellLine, maxCellLength);
        }
        if (c == '\n') {
            line++;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
