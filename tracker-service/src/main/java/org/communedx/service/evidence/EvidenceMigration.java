package org.communedx.service.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.communedx.service.evidence.EvidenceStore.Staged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a local evidence directory into an S3 store: every stored file, and every copy made from one (thumbnails).
 * Each file is hashed as it is read, so that a file whose bytes no longer match its name is reported and left
 * behind; each object, whether copied now or already there, is read back and hashed, so that what the bucket holds
 * is known to be the file. It can be run again after any interruption: what is there and verified is skipped.
 */
class EvidenceMigration {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceMigration.class);

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private static final Pattern DERIVED = Pattern.compile("([0-9a-f]{64})\\.([a-z0-9]+)");

    private final Path source;

    private final S3EvidenceStore target;

    /** @param source the local store's root, as {@code communedx.evidence.directory} names it */
    EvidenceMigration(Path source, S3EvidenceStore target) {
        this.source = source;
        this.target = target;
    }

    /**
     * @param copied files sent now and verified
     * @param alreadyThere files that were in the bucket already, verified
     * @param failed files not in the bucket as they should be: unreadable, not matching their name, or read back
     *     wrong; each is logged
     * @param derivedCopied copies (thumbnails) sent now; one already there is kept
     */
    record Result(int copied, int alreadyThere, int failed, int derivedCopied) {
    }

    Result migrate() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source, 3)) {
            files = walk.filter(Files::isRegularFile).filter(file -> !file.startsWith(source.resolve(".tmp")))
                    .sorted().toList();
        }
        int copied = 0;
        int alreadyThere = 0;
        int failed = 0;
        int derivedCopied = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            Matcher derived = DERIVED.matcher(name);
            if (SHA256.matcher(name).matches()) {
                switch (migrate(file, name)) {
                    case COPIED -> copied++;
                    case ALREADY_THERE -> alreadyThere++;
                    case FAILED -> failed++;
                }
            }
            else if (derived.matches()) {
                String sha256 = derived.group(1);
                String kind = derived.group(2);
                Optional<byte[]> there = target.readDerived(sha256, kind);
                if (there.isEmpty()) {
                    target.storeDerived(sha256, kind, Files.readAllBytes(file));
                    derivedCopied++;
                }
            }
        }
        return new Result(copied, alreadyThere, failed, derivedCopied);
    }

    private enum Outcome {
        COPIED, ALREADY_THERE, FAILED
    }

    private Outcome migrate(Path file, String sha256) throws IOException {
        if (target.exists(sha256)) {
            if (sha256.equals(hashInBucket(sha256))) {
                return Outcome.ALREADY_THERE;
            }
            // Cannot happen through the tracker (an object is whole or absent), but a hand-made object can be wrong.
            LOG.warn("Evidence {} in the bucket does not match its hash: copying it again", sha256);
            target.delete(sha256);
        }
        try (InputStream in = Files.newInputStream(file); Staged staged = target.stage(in, Long.MAX_VALUE)) {
            if (!staged.sha256().equals(sha256)) {
                LOG.warn("Evidence file {} does not match its name (its bytes hash to {}): left out", file,
                        staged.sha256());
                return Outcome.FAILED;
            }
            target.store(staged);
        }
        if (!sha256.equals(hashInBucket(sha256))) {
            LOG.warn("Evidence {} read back from the bucket does not match its hash", sha256);
            return Outcome.FAILED;
        }
        return Outcome.COPIED;
    }

    private String hashInBucket(String sha256) throws IOException {
        MessageDigest digest = Staging.sha256();
        try (InputStream in = new DigestInputStream(target.open(sha256), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
