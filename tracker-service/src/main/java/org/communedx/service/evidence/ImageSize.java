package org.communedx.service.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.communedx.model.evidence.EvidenceType;

/**
 * An image's size in pixels as its header declares it, read without decoding a single pixel. A 315 KB PNG may
 * declare 60000 × 1800 pixels, 324 MB once decoded: the size has to be known, and judged, before anything decodes
 * it, on the server or in a reviewer's browser. JPEG and PNG headers are read by ImageIO's readers (which read
 * only the header for {@code getWidth}/{@code getHeight}); WebP, which the JDK cannot read, by its RIFF header.
 */
record ImageSize(int width, int height) {

    /** Enough of a WebP file to hold its size, in each of its encodings. */
    static final int WEBP_HEADER = 30;

    long pixels() {
        return (long) width * height;
    }

    /** @return empty when the header cannot be read, which an image the browser could show always has */
    static Optional<ImageSize> of(Path file, EvidenceType type) throws IOException {
        if (type == EvidenceType.WEBP) {
            try (InputStream in = Files.newInputStream(file)) {
                return webp(in.readNBytes(WEBP_HEADER));
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return in == null ? Optional.empty() : of(in);
        }
    }

    static Optional<ImageSize> of(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            return Optional.of(new ImageSize(reader.getWidth(0), reader.getHeight(0)));
        }
        catch (IOException | RuntimeException unreadableHeader) {
            return Optional.empty();
        }
        finally {
            reader.dispose();
        }
    }

    /** The three WebP encodings each state the size in their first chunk's header (RFC 9649). */
    static Optional<ImageSize> webp(byte[] header) {
        if (header.length < WEBP_HEADER) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        String chunk = new String(header, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            // Extended: 24-bit width - 1 and height - 1 after the flags.
            case "VP8X" -> Optional.of(new ImageSize(uint24(header, 24) + 1, uint24(header, 27) + 1));
            // Lossless: after the 0x2f signature, 14 bits of width - 1, then 14 of height - 1.
            case "VP8L" -> {
                int bits = bytes.getInt(21);
                yield Optional.of(new ImageSize((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1));
            }
            // Lossy: after the key frame's start code, 14 bits of width and 14 of height, each with a scale.
            case "VP8 " -> Optional.of(new ImageSize(bytes.getShort(26) & 0x3fff, bytes.getShort(28) & 0x3fff));
            default -> Optional.empty();
        };
    }

    private static int uint24(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16;
    }
}
