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
 * Copies are made when asked for, never stored, since the browser keeps them (a file's content never changes).
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

    private final EvidenceService evidence;

    EvidenceThumbnails(EvidenceService evidence) {
        this.evidence = evidence;
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
        return Optional.of(new Thumbnail(out.toByteArray(), type.mediaType()));
    }
}
