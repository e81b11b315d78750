package org.communedx.service.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Real and hostile files for upload tests, made in the test rather than checked in. */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** A valid PDF with the given number of pages, its cross-reference table computed from real offsets. */
    public static byte[] pdf(int pages) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(3 + 2 * i).append(" 0 R ");
        }
        objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
        int font = 3 + 2 * pages;
        for (int i = 0; i < pages; i++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + (4 + 2 * i)
                    + " 0 R /Resources << /Font << /F1 " + font + " 0 R >> >> >>");
            String text = "BT /F1 24 Tf 72 720 Td (Trang " + (i + 1) + ") Tj ET";
            objects.add("<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
        }
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.toString().getBytes(StandardCharsets.ISO_8859_1).length);
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.toString().getBytes(StandardCharsets.ISO_8859_1).length;
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] jpeg() {
        return image("jpg", 64, 48);
    }

    /** A JPEG of the size of a photograph, with noise in it so that it weighs what a photograph does. */
    public static byte[] photo(int width, int height) {
        return image("jpg", width, height);
    }

    public static byte[] png() {
        return image("png", 64, 48);
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.BLUE);
        graphics.fillOval(width / 6, height / 5, width / 2, height / 2);
        graphics.dispose();
        java.util.Random noise = new java.util.Random(width * 31L + height);
        for (int i = 0; width > 64 && i < width * height / 4; i++) {
            image.setRGB(noise.nextInt(width), noise.nextInt(height), noise.nextInt(0xFFFFFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /**
     * A valid PNG of the given size, black: a few hundred kilobytes on disk whatever it declares, since its rows of
     * zeros compress some thousand to one. A 60000 × 1800 one is 324 MB once decoded, which is what a pixel bomb is.
     */
    public static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        // 8-bit RGB, deflate, no filter, no interlace.
        pngChunk(out, "IHDR", java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put(new byte[] { 8, 2, 0, 0, 0 }).array());
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream deflate = new java.util.zip.DeflaterOutputStream(pixels,
                new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION), 64 * 1024)) {
            byte[] row = new byte[1 + 3 * width];
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        pngChunk(out, "IDAT", pixels.toByteArray());
        pngChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A PNG whose header is sound but whose pixels cannot be decoded: the zlib header of its data is broken. */
    public static byte[] pngWithBrokenPixels(int width, int height) {
        byte[] png = pngDeclaring(width, height);
        int idat = new String(png, StandardCharsets.ISO_8859_1).indexOf("IDAT");
        png[idat + 4] = (byte) 0xff;
        png[idat + 5] = (byte) 0xff;
        return png;
    }

    public static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Số liệu").createRow(0).createCell(0).setCellValue("Yên Phú");
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A Windows executable's headers: "MZ", the DOS stub, and the PE signature where e_lfanew points. */
    public static byte[] executable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        exe[0x84] = 0x4c;
        exe[0x85] = 0x01;
        return exe;
    }

    public static byte[] html() {
        return "<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] svgWithScript() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code size} bytes of a PDF-looking stream, generated as read: nothing that size is ever in the heap. */
    public static InputStream largePdf(long size) {
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                long at = position++;
                return at < head.length ? head[(int) at] : ' ';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int count = (int) Math.min(length, size - position);
                for (int i = 0; i < count; i++) {
                    long at = position + i;
                    buffer[offset + i] = at < head.length ? head[(int) at] : (byte) ' ';
                }
                position += count;
                return count;
            }
        };
    }
}
