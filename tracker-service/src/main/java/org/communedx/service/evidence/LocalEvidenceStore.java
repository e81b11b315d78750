package org.communedx.service.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Evidence on the local file system: {@code <root>/ab/cd/<sha256>}, with uploads staged in {@code <root>/.tmp} on
 * the same file system, so that the final move is atomic. A file under its hash is therefore always complete: a
 * crash mid-upload leaves only a temporary file, which the sweep removes. The file's bytes, then its name, are forced
 * to the disk before {@link #store} returns, and so before the row that refers to it commits. Copies made from a file (thumbnails) lie
 * beside it as {@code <sha256>.<kind>} and go with it.
 */
public class LocalEvidenceStore implements EvidenceStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private static final Pattern KIND = Pattern.compile("[a-z0-9]+");

    /** A copy made from stored content: {@code <sha256>.<kind>}, beside the content. */
    private static final Pattern DERIVED = Pattern.compile("([0-9a-f]{64})\\.[a-z0-9]+");

    private final Path root;

    private final Path temporary;

    public LocalEvidenceStore(Path root) {
        try {
            this.root = Files.createDirectories(root).toRealPath();
            this.temporary = Files.createDirectories(this.root.resolve(".tmp"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the evidence directory " + root, ex);
        }
    }

    @Override
    public Staged stage(InputStream content, long maxBytes) throws IOException {
        return Staging.stage(temporary, content, maxBytes, this::force);
    }

    /**
     * Moves the staged file, whose bytes {@link #stage} already forced to the disk, under its hash, then forces
     * the directory that now names it: the database row that refers to the file commits only after this returns,
     * so that after a power cut a committed row never points to a missing or empty file.
     */
    @Override
    public boolean store(Staged staged) throws IOException {
        Path target = path(staged.sha256());
        if (Files.exists(target)) {
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            Files.deleteIfExists(staged.file());
            return false;
        }
        createDirectoriesDurably(target.getParent());
        try {
            // Without REPLACE_EXISTING: if the same content arrived meanwhile, that complete file stays.
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (FileAlreadyExistsException sameContentMeanwhile) {
            Files.deleteIfExists(staged.file());
            return false;
        }
        forceDirectory(target.getParent());
        return true;
    }

    /** Creates the directory and any missing parent, each new one made durable in the directory that holds it. */
    private void createDirectoriesDurably(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        createDirectoriesDurably(directory.getParent());
        try {
            Files.createDirectory(directory);
        }
        catch (FileAlreadyExistsException createdMeanwhile) {
            // Another upload made it, and forces its parent too.
        }
        forceDirectory(directory.getParent());
    }

    /** Forces a file's bytes to the disk (fdatasync or fsync); a test overrides it to see the order of the steps. */
    void force(FileChannel file) throws IOException {
        file.force(true);
    }

    /**
     * Forces a directory's entries to the disk, so that a file moved or created in it survives a power cut. Where a
     * directory cannot be opened for this (Windows), the file system's own journal is all there is.
     */
    void forceDirectory(Path directory) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        }
        catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
        catch (IOException notOnThisPlatform) {
            // Some platforms open a directory but refuse to sync it: as above.
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
        deleteDerived(sha256);
    }

    @Override
    public Optional<byte[]> readDerived(String sha256, String kind) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(derivedPath(sha256, kind)));
        }
        catch (NoSuchFileException notMadeYet) {
            return Optional.empty();
        }
    }

    /** Not forced to the disk: a copy lost in a power cut is made again at the next request. */
    @Override
    public void storeDerived(String sha256, String kind, byte[] content) throws IOException {
        Path target = derivedPath(sha256, kind);
        Files.createDirectories(target.getParent());
        Path file = Files.createTempFile(temporary, "derived-", Staging.TEMPORARY_SUFFIX);
        try {
            Files.write(file, content);
            // Replacing is safe: a copy made meanwhile from the same content is the same copy.
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public int sweep(Predicate<String> referenced, Instant usedBefore) throws IOException {
        int removed = Staging.sweep(temporary, usedBefore);
        List<Path> stored;
        List<Path> derived;
        try (Stream<Path> files = Files.walk(root, 3)) {
            List<Path> all = files.filter(file -> !file.startsWith(temporary)).filter(Files::isRegularFile).toList();
            stored = all.stream().filter(file -> SHA256.matcher(file.getFileName().toString()).matches()).toList();
            derived = all.stream().filter(file -> DERIVED.matcher(file.getFileName().toString()).matches()).toList();
        }
        for (Path file : stored) {
            String sha256 = file.getFileName().toString();
            if (olderThan(file, usedBefore) && !referenced.test(sha256) && Files.deleteIfExists(file)) {
                removed++;
            }
        }
        // Copies whose content is gone, whether just now or by a copy stored while its content was being removed.
        for (Path file : derived) {
            Matcher name = DERIVED.matcher(file.getFileName().toString());
            if (name.matches() && !Files.exists(path(name.group(1))) && Files.deleteIfExists(file)) {
                removed++;
            }
        }
        return removed;
    }

    /** Removes every temporary file: at startup, when no upload can be running, all of them are stale. */
    void sweepTemporaryFiles() throws IOException {
        Staging.sweepAll(temporary);
    }

    Path root() {
        return root;
    }

    Path temporaryDirectory() {
        return temporary;
    }

    Path derivedPath(String sha256, String kind) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Not a kind of copy: " + kind);
        }
        return path(sha256).resolveSibling(sha256 + "." + kind);
    }

    private void deleteDerived(String sha256) throws IOException {
        Path directory = path(sha256).getParent();
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(directory, sha256 + ".*")) {
            for (Path copy : copies) {
                Files.deleteIfExists(copy);
            }
        }
    }

    Path path(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static boolean olderThan(Path file, Instant instant) {
        return Staging.olderThan(file, instant);
    }
}
