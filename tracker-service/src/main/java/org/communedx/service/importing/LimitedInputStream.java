package org.communedx.service.importing;

import java.io.InputStream;

/** A stream that refuses the file once more than the limit has been read from it. */
public final class LimitedInputStream extends CountingInputStream {

    public LimitedInputStream(InputStream in, long maxBytes) {
        super(in, count -> {
            if (count > maxBytes) {
                throw ImportFileRefused.fileTooLarge(maxBytes);
            }
        });
    }
}
