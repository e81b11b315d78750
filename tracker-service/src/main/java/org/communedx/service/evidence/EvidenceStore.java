package org.communedx.service.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where evidence bytes live, addressed by their SHA-256: the local file system ({@link LocalEvidenceStore}) or an
 * S3-compatible bucket ({@link S3EvidenceStore}), as {@code communedx.evidence.store} says. Either way an upload is
 * staged in full (hashed and counted) before anything is visible under its hash, and only complete files are ever
 * stored.
 */
public interface EvidenceStore {

    /**
     * Streams the content to a temporary file, hashing and counting as it goes, without holding it in memory.
     * @throws org.communedx.model.RuleViolation {@code evidence.refused.tooLarge} past {@code maxBytes} (the
     * temporary file is then already deleted)
     */
    Staged stage(InputStream content, long maxBytes) throws IOException;

    /**
     * Makes a staged file visible under its hash, atomically. Storing content that is already there keeps the
     * existing file (and marks it recently used, so that the sweep leaves it alone).
     * @return whether this call created the file, so that a rolled-back upload knows to remove it again
     */
    boolean store(Staged staged) throws IOException;

    InputStream open(String sha256) throws IOException;

    boolean exists(String sha256);

    /** Removes the content and every copy made from it. */
    void delete(String sha256) throws IOException;

    /**
     * A copy made from stored content, such as a thumbnail, kept under the content's hash. Content never changes
     * under its hash, so neither does a copy made from it: it cannot go stale, and it goes when the content goes.
     * @param kind what the copy is, e.g. {@code thumb192}: lower-case letters and digits
     * @return empty until such a copy is stored
     */
    Optional<byte[]> readDerived(String sha256, String kind) throws IOException;

    /** Keeps a copy made from stored content, whole or not at all; two requests making it at once store equal ones. */
    void storeDerived(String sha256, String kind, byte[] content) throws IOException;

    /**
     * Removes stored files that {@code referenced} does not know and that were last used before
     * {@code usedBefore}, with the copies made from them, and temporary files older than {@code usedBefore}: what a
     * crash or a lost race left.
     * @return how many files were removed
     */
    int sweep(Predicate<String> referenced, Instant usedBefore) throws IOException;

    /**
     * A complete upload in a temporary file. Closing it deletes the temporary file unless it was stored.
     * @param file where the staged bytes are, to inspect them (e.g. detect their type) before storing
     */
    record Staged(Path file, String sha256, long size) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
