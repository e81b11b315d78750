package org.communedx.service.suggestion;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a value import has come, in its own steps: the bytes of the file (or of its sheet, unpacked) read so far,
 * then the values checked and written, which {@link SuggestedValues} does in one transaction.
 */
public final class ValueImportProgress {

    public enum Stage { QUEUED, READING, CHECKING }

    private volatile Stage stage = Stage.QUEUED;

    private final AtomicLong done = new AtomicLong();

    private volatile long total;

    void reading(long bytes) {
        total = Math.max(0, bytes);
        done.set(0);
        stage = Stage.READING;
    }

    void read(long bytes) {
        done.set(bytes);
    }

    void checking(int values) {
        total = values;
        done.set(0);
        stage = Stage.CHECKING;
    }

    public Stage stage() {
        return stage;
    }

    /** Bytes read, while reading; 0 while checking, which is one step. */
    public long done() {
        return done.get();
    }

    /** Bytes to read (0 while unknown), or values to check and write. */
    public long total() {
        return total;
    }

    /**
     * Whole percent of the way: reading is the first nine tenths, checking and writing the last tenth (a national
     * file reads in some seconds and is checked and written in about as many).
     */
    public int percent() {
        return switch (stage) {
            case QUEUED -> 0;
            case READING -> total == 0 ? 0 : (int) Math.min(90, 90L * done.get() / total);
            case CHECKING -> 90;
        };
    }
}
