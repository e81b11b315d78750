package org.communedx.service.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import net.coobird.thumbnailator.Thumbnails;
import org.communedx.model.evidence.EvidenceType;
import org.communedx.service.evidence.EvidenceService.EvidenceContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Small copies of photographs for the evidence list. A phone photo weighs several megabytes, and commune staff and
 * reviewers often work over slow mobile links: the list shows a copy of a few kilobytes and links to the original.
 * A copy is made the first time anyone asks for it, then kept in the store beside the photograph, under its hash:
 * decoding a 24-megapixel photo takes some 0.4 s of a core, which every reviewer's first look used to cost again.
 */
@Service
public class EvidenceThumbnails {

    /** Twice the 96 × 72 pixels the list shows, for high-density screens. */
    static final int MAX_SIDE = 192;

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceThumbnails.class);

    static {
        // Thumbnailator then decodes a large photograph at a fraction of its size when the heap is short, instead
        // of whole: three 6000 x 4000 photos at once ran out of a 256 MB heap without it, and took 0.4 s each with.
        if (System.getProperty("thumbnailator.conserveMemoryWorkaround") == null) {
            System.setProperty("thumbnailator.conserveMemoryWorkaround", "true");
        }
    }

    /** The kind of copy in the store; a new size is a new kind, so no copy of another size is ever served. */
    static final String KIND = "thumb" + MAX_SIDE;

    private final EvidenceService evidence;

    private final EvidenceStore store;

    EvidenceThumbnails(EvidenceService evidence, EvidenceStore store) {
        this.evidence = evidence;
        this.store = store;
    }

    /** A JPEG or PNG copy at most {@value #MAX_SIDE} pixels a side. */
    public record Thumbnail(byte[] content, String mediaType) {
    }

    /**
     * The thumbnail of an image file, after the scope check; empty for a type that cannot be read here (WebP) or
     * a file that cannot be decoded, for which the list shows the original instead.
     */
    public Optional<Thumbnail> of(long evidenceId) throws IOException {
        EvidenceContent content = evidence.open(evidenceId);
        EvidenceType type = content.file().type();
        if (type != EvidenceType.JPEG && type != EvidenceType.PNG) {
            return Optional.empty();
        }
        Optional<byte[]> kept = store.readDerived(content.sha256(), KIND);
        if (kept.isPresent()) {
            return Optional.of(new Thumbnail(kept.get(), type.mediaType()));
        }
        // PNG keeps its transparency; a JPEG stays a JPEG.
        String format = type == EvidenceType.PNG ? "png" : "jpg";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = content.content().getInputStream()) {
            Thumbnails.of(in).size(MAX_SIDE, MAX_SIDE).outputFormat(format).toOutputStream(out);
        }
        catch (IOException | RuntimeException unreadable) {
            LOG.warn("No thumbnail for evidence {} ({}): {}", evidenceId, type, unreadable.toString());
            return Optional.empty();
        }
        try {
            store.storeDerived(content.sha256(), KIND, out.toByteArray());
        }
        catch (IOException notKept) {
            // The copy is still good for this answer; the next request makes it again.
            LOG.warn("Thumbnail of evidence {} not kept: {}", evidenceId, notKept.toString());
        }
        return Optional.of(new Thumbnail(out.toByteArray(), type.mediaType()));
    }
}
