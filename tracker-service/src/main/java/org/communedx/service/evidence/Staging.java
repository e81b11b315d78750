package org.communedx.service.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.communedx.model.RuleViolation;
import org.communedx.service.evidence.EvidenceStore.Staged;

/**
 * Uploads staged in a local temporary directory, hashed and counted as they are written, whatever store then keeps
 * them: the hash names the stored file, and the size must be known before anything is sent to object storage.
 */
final class Staging {

    static final String TEMPORARY_SUFFIX = ".part";

    private Staging() {
    }

    /** How a staged file's bytes reach the disk; the local store forces them, and a test watches the order. */
    @FunctionalInterface
    interface Force {

        void force(FileChannel channel) throws IOException;
    }

    static Staged stage(Path temporary, InputStream content, long maxBytes, Force force) throws IOException {
        Path file = Files.createTempFile(temporary, "upload-", TEMPORARY_SUFFIX);
        try {
            MessageDigest digest = sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (DigestInputStream in = new DigestInputStream(content, digest);
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                int read;
                while ((read = in.read(buffer)) != -1) {
                    size += read;
                    if (size > maxBytes) {
                        throw new RuleViolation("evidence.refused.tooLarge", maxBytes / (1024 * 1024));
                    }
                    out.write(buffer, 0, read);
                }
                force.force(channel);
            }
            return new Staged(file, HexFormat.of().formatHex(digest.digest()), size);
        }
        catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(file);
            throw ex;
        }
    }

    /** Removes the temporary files older than {@code usedBefore}: those of uploads a crash or a kill cut short. */
    static int sweep(Path temporary, Instant usedBefore) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(temporary)) {
            for (Path file : temporaries) {
                if (olderThan(file, usedBefore) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Removes every temporary file: at startup, when no upload of this instance can be running, all are stale. */
    static void sweepAll(Path temporary) throws IOException {
        try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(temporary)) {
            for (Path file : temporaries) {
                Files.deleteIfExists(file);
            }
        }
    }

    static boolean olderThan(Path file, Instant instant) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(instant);
        }
        catch (IOException goneMeanwhile) {
            return false;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
