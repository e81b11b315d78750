package org.communedx.service.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * A stream that tells how many bytes were read (or skipped) through it, after each read: for an import's progress,
 * or to stop at a limit. It cannot mark and reset, which would count bytes twice.
 */
public class CountingInputStream extends FilterInputStream {

    private final LongConsumer bytesRead;

    private long count;

    public CountingInputStream(InputStream in, LongConsumer bytesRead) {
        super(in);
        this.bytesRead = bytesRead;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }

    @Override
    public final boolean markSupported() {
        return false;
    }

    private void counted(long bytes) {
        count += bytes;
        bytesRead.accept(count);
    }
}
