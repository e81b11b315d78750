package org.communedx.service.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Evidence in an S3-compatible bucket: {@code <prefix>evidence/ab/<sha256>}, and copies made from a file
 * (thumbnails) under {@code <prefix>derived/<sha256>/<kind>}. Every instance of the tracker sees the same bucket, so
 * evidence in it is shared by them all.
 * <p>
 * An upload is staged, hashed and counted, in a local temporary directory of this instance first, as in the local
 * store; only then is it sent, whole: one PutObject, or above the part size a multipart upload that is aborted on
 * any failure. S3 makes an object visible only once it is complete, so a key always holds the whole file, and a
 * server that refuses or vanishes mid-upload leaves no object behind. Any failure of the server is an
 * {@link EvidenceStoreUnavailableException}.
 */
public class S3EvidenceStore implements EvidenceStore, AutoCloseable {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private static final Pattern KIND = Pattern.compile("[a-z0-9]+");

    private static final String OCTET_STREAM = "application/octet-stream";

    private final S3Client s3;

    private final String bucket;

    private final String prefix;

    private final Path temporary;

    private final long partSize;

    /**
     * @param temporary this instance's own directory for staged uploads, on a local disk
     * @param partSize the size of the parts of a multipart upload, used for any file larger than one part
     */
    public S3EvidenceStore(S3Client s3, String bucket, String prefix, Path temporary, long partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.partSize = partSize;
        try {
            this.temporary = Files.createDirectories(temporary);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the evidence staging directory " + temporary, ex);
        }
    }

    @Override
    public Staged stage(InputStream content, long maxBytes) throws IOException {
        // Not forced to the disk: the file is sent to the bucket, which keeps it durably, before its row commits.
        return Staging.stage(temporary, content, maxBytes, channel -> { });
    }

    /**
     * Sends the staged file under its hash unless the bucket has it already; then it is copied onto itself, which
     * renews its last-modified time, so that the sweep, which judges age by it, leaves it to the row about to refer
     * to it.
     */
    @Override
    public boolean store(Staged staged) throws IOException {
        String key = key(staged.sha256());
        try {
            if (objectExists(key)) {
                s3.copyObject(copy -> copy.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket)
                        .destinationKey(key).metadataDirective(MetadataDirective.REPLACE).contentType(OCTET_STREAM)
                        .metadata(Map.of("used", Instant.now().toString())));
                return false;
            }
            if (staged.size() <= partSize) {
                s3.putObject(put -> put.bucket(bucket).key(key).contentType(OCTET_STREAM)
                        .contentLength(staged.size()), RequestBody.fromFile(staged.file()));
            }
            else {
                putInParts(key, staged.file(), staged.size());
            }
            return true;
        }
        catch (SdkException ex) {
            throw unavailable("store " + key, ex);
        }
        finally {
            Files.deleteIfExists(staged.file());
        }
    }

    /** A multipart upload, streamed part by part from the file; aborted, so that no part lingers, on any failure. */
    private void putInParts(String key, Path file, long size) {
        String upload = s3.createMultipartUpload(create -> create.bucket(bucket).key(key).contentType(OCTET_STREAM))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += partSize, number++) {
                long length = Math.min(partSize, size - offset);
                int partNumber = number;
                long from = offset;
                // A fresh stream at each try: the SDK retries a part that failed.
                ContentStreamProvider part = () -> slice(file, from, length);
                String eTag = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(upload)
                        .partNumber(partNumber).contentLength(length),
                        RequestBody.fromContentProvider(part, length, OCTET_STREAM)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
            }
            s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(upload)
                    .multipartUpload(done -> done.parts(parts)));
        }
        catch (RuntimeException ex) {
            try {
                s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(upload));
            }
            catch (SdkException alsoFailed) {
                // The server is gone: a bucket lifecycle rule for incomplete uploads removes the parts later.
                ex.addSuppressed(alsoFailed);
            }
            throw ex;
        }
    }

    private static InputStream slice(Path file, long from, long length) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(from);
            return new Bounded(in, length);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        String key = key(sha256);
        try {
            return s3.getObject(get -> get.bucket(bucket).key(key));
        }
        catch (NoSuchKeyException ex) {
            throw new NoSuchFileException(key);
        }
        catch (SdkException ex) {
            throw unavailable("read " + key, ex);
        }
    }

    @Override
    public boolean exists(String sha256) {
        String key = key(sha256);
        try {
            return objectExists(key);
        }
        catch (SdkException ex) {
            throw new UncheckedIOException(unavailable("look up " + key, ex));
        }
    }

    private boolean objectExists(String key) {
        try {
            s3.headObject(head -> head.bucket(bucket).key(key));
            return true;
        }
        catch (NoSuchKeyException notThere) {
            return false;
        }
        catch (S3Exception ex) {
            if (ex.statusCode() == 404) {
                return false;
            }
            throw ex;
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        String key = key(sha256);
        try {
            s3.deleteObject(delete -> delete.bucket(bucket).key(key));
            for (S3Object copy : list(derivedPrefix(sha256))) {
                s3.deleteObject(delete -> delete.bucket(bucket).key(copy.key()));
            }
        }
        catch (SdkException ex) {
            throw unavailable("delete " + key, ex);
        }
    }

    @Override
    public Optional<byte[]> readDerived(String sha256, String kind) throws IOException {
        String key = derivedKey(sha256, kind);
        try {
            return Optional.of(s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray());
        }
        catch (NoSuchKeyException notMadeYet) {
            return Optional.empty();
        }
        catch (SdkException ex) {
            throw unavailable("read " + key, ex);
        }
    }

    /** One PutObject: the copy is stored whole or not at all, and two equal copies may replace each other. */
    @Override
    public void storeDerived(String sha256, String kind, byte[] content) throws IOException {
        String key = derivedKey(sha256, kind);
        try {
            s3.putObject(put -> put.bucket(bucket).key(key).contentType(OCTET_STREAM)
                    .contentLength((long) content.length), RequestBody.fromBytes(content));
        }
        catch (SdkException ex) {
            throw unavailable("store " + key, ex);
        }
    }

    /**
     * Removes this instance's temporary files older than {@code usedBefore}, then the stored files that nothing
     * refers to and that were last modified before it, then the copies whose file is gone. Other instances' staged
     * uploads are on their own disks, and theirs to sweep.
     */
    @Override
    public int sweep(Predicate<String> referenced, Instant usedBefore) throws IOException {
        int removed = Staging.sweep(temporary, usedBefore);
        try {
            Set<String> kept = new HashSet<>();
            for (S3Object object : list(prefix + "evidence/")) {
                String sha256 = object.key().substring(object.key().lastIndexOf('/') + 1);
                if (!SHA256.matcher(sha256).matches()) {
                    continue;
                }
                if (object.lastModified().isBefore(usedBefore) && !referenced.test(sha256)) {
                    s3.deleteObject(delete -> delete.bucket(bucket).key(object.key()));
                    removed++;
                }
                else {
                    kept.add(sha256);
                }
            }
            String derived = prefix + "derived/";
            for (S3Object copy : list(derived)) {
                String rest = copy.key().substring(derived.length());
                int slash = rest.indexOf('/');
                if (slash > 0 && !kept.contains(rest.substring(0, slash))
                        && !objectExists(key(rest.substring(0, slash)))) {
                    s3.deleteObject(delete -> delete.bucket(bucket).key(copy.key()));
                    removed++;
                }
            }
        }
        catch (SdkException ex) {
            throw unavailable("sweep", ex);
        }
        return removed;
    }

    /** The SHA-256 of every stored file, for the migration's and the tests' checks. */
    List<String> storedHashes() throws IOException {
        try {
            return list(prefix + "evidence/").stream()
                    .map(object -> object.key().substring(object.key().lastIndexOf('/') + 1))
                    .filter(name -> SHA256.matcher(name).matches()).toList();
        }
        catch (SdkException ex) {
            throw unavailable("list", ex);
        }
    }

    private List<S3Object> list(String keyPrefix) {
        List<S3Object> objects = new ArrayList<>();
        s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(keyPrefix)).contents().forEach(objects::add);
        return objects;
    }

    String key(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return prefix + "evidence/" + sha256.substring(0, 2) + "/" + sha256;
    }

    String derivedKey(String sha256, String kind) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Not a kind of copy: " + kind);
        }
        key(sha256);
        return derivedPrefix(sha256) + kind;
    }

    private String derivedPrefix(String sha256) {
        return prefix + "derived/" + sha256 + "/";
    }

    Path temporaryDirectory() {
        return temporary;
    }

    private EvidenceStoreUnavailableException unavailable(String what, SdkException ex) {
        return new EvidenceStoreUnavailableException("The S3 evidence store (bucket " + bucket + ") could not "
                + what + ": " + ex.getMessage(), ex);
    }

    @Override
    public void close() {
        s3.close();
    }

    /** The first {@code length} bytes of a stream: one part of a file. */
    private static final class Bounded extends FilterInputStream {

        private long left;

        Bounded(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = super.read();
            if (read >= 0) {
                left--;
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
