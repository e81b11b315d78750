package org.communedx.service.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.communedx.model.evidence.EvidenceType;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.evidence.EvidenceService.EvidenceContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Small copies of photographs for the evidence list. A phone photo weighs several megabytes, and commune staff and
 * reviewers often work over slow mobile links: the list shows a copy of a few kilobytes and links to the original.
 * A copy is made the first time anyone asks for it, then kept in the store beside the photograph, under its hash:
 * decoding a 24-megapixel photo takes some 0.4 s of a core, which every reviewer's first look used to cost again.
 * <p>
 * Every entry page asks for the thumbnail of each of its images, for every viewer, so making one must never take
 * the server's memory: the image is decoded only every n-th pixel of every n-th row (ImageIO's source
 * subsampling), so that what is decoded is at most a few times the thumbnail's size whatever the image declares,
 * and an image over the pixel limit is not decoded at all. An image that cannot be made into a thumbnail is
 * remembered as such beside it, so that the next view does not try again.
 */
@Service
public class EvidenceThumbnails {

    /** Twice the 96 × 72 pixels the list shows, for high-density screens. */
    static final int MAX_SIDE = 192;

    /**
     * The most pixels an original may have to stand in for its thumbnail (a WebP, which cannot be decoded here):
     * a phone's photograph, some 48 MB once the browser decodes it. A larger one is shown by a placeholder.
     */
    static final long MAX_STAND_IN_PIXELS = 12_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceThumbnails.class);

    /** The kind of copy in the store; a new size is a new kind, so no copy of another size is ever served. */
    static final String KIND = "thumb" + MAX_SIDE;

    /** An empty mark beside an image that could not be made into a thumbnail, so that nobody tries again. */
    static final String FAILED = KIND + "failed";

    private final EvidenceService evidence;

    private final EvidenceStore store;

    private final long maxPixels;

    EvidenceThumbnails(EvidenceService evidence, EvidenceStore store, CommuneDxProperties properties) {
        this.evidence = evidence;
        this.store = store;
        this.maxPixels = properties.evidence().maxImagePixels();
    }

    /** A JPEG or PNG copy at most {@value #MAX_SIDE} pixels a side. */
    public record Thumbnail(byte[] content, String mediaType) {
    }

    /**
     * The thumbnail of an image file, after the scope check; empty for a type that cannot be read here (WebP) or
     * a file that cannot be decoded, or is over the pixel limit (uploaded before it), for which the list shows
     * the original if {@link #originalMayStandIn small enough}, or a placeholder.
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
        if (store.readDerived(content.sha256(), FAILED).isPresent()) {
            return Optional.empty();
        }
        byte[] made;
        try {
            made = make(content, type);
        }
        catch (EvidenceStoreUnavailableException | EvidenceFileMissingException storeAtFault) {
            // Not the file's fault: no mark that it has no thumbnail, so that one is made once the store is back.
            throw storeAtFault;
        }
        catch (IOException | RuntimeException unreadable) {
            LOG.warn("No thumbnail for evidence {} ({}): {}", evidenceId, type, unreadable.toString());
            keep(evidenceId, content.sha256(), FAILED, new byte[0]);
            return Optional.empty();
        }
        keep(evidenceId, content.sha256(), KIND, made);
        return Optional.of(new Thumbnail(made, type.mediaType()));
    }

    /**
     * Whether the original may be shown in place of a thumbnail that {@link #of} could not make: only an image whose
     * header declares at most {@value #MAX_STAND_IN_PIXELS} pixels, never one that would take a browser's memory.
     */
    public boolean originalMayStandIn(long evidenceId) throws IOException {
        EvidenceContent content = evidence.open(evidenceId);
        if (!content.file().image()) {
            return false;
        }
        try (InputStream in = content.content().getInputStream()) {
            return size(in, content.file().type()).filter(size -> size.pixels() <= MAX_STAND_IN_PIXELS).isPresent();
        }
    }

    private static Optional<ImageSize> size(InputStream in, EvidenceType type) throws IOException {
        if (type == EvidenceType.WEBP) {
            return ImageSize.webp(in.readNBytes(ImageSize.WEBP_HEADER));
        }
        try (ImageInputStream image = ImageIO.createImageInputStream(in)) {
            return image == null ? Optional.empty() : ImageSize.of(image);
        }
    }

    private byte[] make(EvidenceContent content, EvidenceType type) throws IOException {
        try (InputStream in = content.content().getInputStream();
                ImageInputStream image = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(image);
            if (!readers.hasNext()) {
                throw new IOException("No reader for " + type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(image, true, false);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw new IOException(width + " x " + height + " pixels, over the limit of " + maxPixels);
                }
                // Every step-th pixel of every step-th row: the decoded image is under 4 × MAX_SIDE a side, a few
                // megabytes at most, and Thumbnailator still scales it down smoothly from there.
                int step = Math.max(1, Math.max(width, height) / (2 * MAX_SIDE));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                Orientation orientation = type == EvidenceType.JPEG ? ExifUtils.getExifOrientation(reader, 0) : null;
                var thumbnail = Thumbnails.of(decoded).size(MAX_SIDE, MAX_SIDE)
                        // PNG keeps its transparency; a JPEG stays a JPEG.
                        .outputFormat(type == EvidenceType.PNG ? "png" : "jpg");
                if (orientation != null) {
                    // A phone stores a photo as its sensor saw it and says in EXIF which way is up.
                    thumbnail.addFilter(ExifFilterUtils.getFilterForOrientation(orientation));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                thumbnail.toOutputStream(out);
                return out.toByteArray();
            }
            finally {
                reader.dispose();
            }
        }
    }

    private void keep(long evidenceId, String sha256, String kind, byte[] copy) {
        try {
            store.storeDerived(sha256, kind, copy);
        }
        catch (IOException notKept) {
            // The answer stands for this request; the next one decides again.
            LOG.warn("Thumbnail of evidence {} not kept: {}", evidenceId, notKept.toString());
        }
    }
}
