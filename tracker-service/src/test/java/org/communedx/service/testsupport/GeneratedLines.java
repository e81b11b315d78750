package org.communedx.service.testsupport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * A large file made line by line as it is read, for tests of uploads that must not be held whole: a million-row
 * CSV costs the test one line of memory, not 68 MB.
 */
public final class GeneratedLines extends InputStream {

    private final String first;

    private final long lines;

    private final LongFunction<String> line;

    private long next = -1;

    private byte[] current = new byte[0];

    private int position;

    private long bytesRead;

    /**
     * @param first the first line, e.g. a header, without its line break
     * @param lines how many lines follow it
     * @param line the line of each number from 1, without its line break
     */
    public GeneratedLines(String first, long lines, LongFunction<String> line) {
        this.first = first;
        this.lines = lines;
        this.line = line;
    }

    /** How many bytes the reader has taken so far. */
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (next >= lines) {
                return -1;
            }
            next++;
            current = ((next == 0 ? first : line.apply(next)) + "\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, count);
        position += count;
        bytesRead += count;
        return count;
    }
}
