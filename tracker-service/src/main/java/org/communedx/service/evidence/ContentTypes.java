package org.communedx.service.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.communedx.model.evidence.EvidenceType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Tells what a staged file is from its bytes alone, never from its name or the browser's Content-Type. Tika's
 * magic detection (tika-core) recognises PDF, JPEG, PNG and WebP, and refuses executables, HTML and SVG by
 * seeing what they are. It sees DOCX, XLSX, ODT and ODS only as zip containers; for those this class reads the
 * zip's central directory: an OOXML package names its main part's type in {@code [Content_Types].xml}, an ODF
 * package its type in the {@code mimetype} entry. Those small XML entries are parsed, not searched: a macro-enabled
 * document whose {@code [Content_Types].xml} also names an ordinary main part once passed a substring search. A
 * document that carries macros is refused with the other archives. (Tika's full container detectors would pull in its POI-based parser modules,
 * many megabytes for these two small checks.)
 */
final class ContentTypes {

    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();

    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");

    private static final MediaType HEIF = MediaType.image("heif");

    /** Only a few small entries are read, and never more than this of them (a zip bomb stays unread). */
    private static final int MAX_ENTRY_BYTES = 512 * 1024;

    /** Far more parts than any real document has; a zip of more is not a document but an attack on the reader. */
    private static final int MAX_ENTRIES = 10_000;

    private static final String OOXML_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";

    private static final String ODF_MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

    private static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private ContentTypes() {
    }

    static Optional<EvidenceType> detect(Path file) throws IOException {
        MediaType detected = media(file);
        MediaTypeRegistry registry = MIME_TYPES.getMediaTypeRegistry();
        if (detected.equals(OOXML) || registry.isInstanceOf(detected, MediaType.APPLICATION_ZIP)) {
            return zipContainer(file);
        }
        return EvidenceType.ofMediaType(detected.getBaseType().toString()).filter(type -> !isContainer(type));
    }

    /**
     * The message for a file {@link #detect} found no accepted type in: an iPhone's photo (HEIC or HEIF, what its
     * camera saves by default) is told how to send a JPEG instead; anything else, the types that are accepted.
     */
    static String refusal(Path file) throws IOException {
        return MIME_TYPES.getMediaTypeRegistry().isInstanceOf(media(file), HEIF) ? "evidence.refused.heic"
                : "evidence.refused.type";
    }

    private static MediaType media(Path file) throws IOException {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            // An empty Metadata: no file name, so the name can never decide the type.
            return MIME_TYPES.detect(in, new Metadata());
        }
    }

    private static boolean isContainer(EvidenceType type) {
        return switch (type) {
            case DOCX, XLSX, ODT, ODS -> true;
            default -> false;
        };
    }

    private static Optional<EvidenceType> zipContainer(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                return Optional.empty();
            }
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                return odf(zip, read(zip, mimetype).strip(), names);
            }
            ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
            return contentTypes == null ? Optional.empty() : ooxml(parse(zip, contentTypes), names);
        }
        catch (IOException | SAXException notAReadableZip) {
            return Optional.empty();
        }
    }

    /**
     * An OOXML package by its main part: an {@code Override} for exactly {@code /word/document.xml} or
     * {@code /xl/workbook.xml} with exactly the ordinary document's content type. A package that also carries macros
     * (a {@code vbaProject.bin} anywhere, or any part or default of a {@code macroEnabled} type) is refused, whatever
     * else its {@code [Content_Types].xml} names: Word opens the macro-enabled part.
     */
    private static Optional<EvidenceType> ooxml(Document contentTypes, List<String> names) {
        if (names.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
            return Optional.empty();
        }
        Map<String, String> overrides = new HashMap<>();
        for (Element type : elements(contentTypes, OOXML_TYPES, "Default", "Override")) {
            String contentType = type.getAttribute("ContentType");
            if (contentType.toLowerCase(Locale.ROOT).contains("macroenabled")) {
                return Optional.empty();
            }
            if (type.getLocalName().equals("Override")) {
                overrides.put(type.getAttribute("PartName"), contentType);
            }
        }
        boolean document = DOCX_MAIN.equals(overrides.get("/word/document.xml"));
        boolean workbook = XLSX_MAIN.equals(overrides.get("/xl/workbook.xml"));
        return document == workbook ? Optional.empty()
                : Optional.of(document ? EvidenceType.DOCX : EvidenceType.XLSX);
    }

    /**
     * An ODF package by its {@code mimetype}, refused when it carries macros: Basic or script libraries
     * ({@code Basic/}, {@code Scripts/}) or a manifest entry of a script type.
     */
    private static Optional<EvidenceType> odf(ZipFile zip, String mimetype, List<String> names)
            throws IOException, SAXException {
        Optional<EvidenceType> type = Optional.of(mimetype).flatMap(EvidenceType::ofMediaType)
                .filter(found -> found == EvidenceType.ODT || found == EvidenceType.ODS);
        if (type.isEmpty() || names.stream().anyMatch(name -> name.startsWith("Basic/") || name.startsWith("Scripts/"))) {
            return Optional.empty();
        }
        ZipEntry manifest = zip.getEntry("META-INF/manifest.xml");
        if (manifest != null) {
            for (Element entry : elements(parse(zip, manifest), ODF_MANIFEST, "file-entry")) {
                String mediaType = entry.getAttributeNS(ODF_MANIFEST, "media-type").toLowerCase(Locale.ROOT);
                String path = entry.getAttributeNS(ODF_MANIFEST, "full-path");
                if (mediaType.contains("script") || path.startsWith("Basic/") || path.startsWith("Scripts/")) {
                    return Optional.empty();
                }
            }
        }
        return type;
    }

    private static List<Element> elements(Document document, String namespace, String... localNames) {
        List<Element> found = new ArrayList<>();
        for (String localName : localNames) {
            NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    /**
     * A small XML entry, parsed without a DOCTYPE (so no entity, internal or external, is ever expanded) and
     * without fetching anything; an entry over the size cap is not parsed cut short but refused.
     */
    private static Document parse(ZipFile zip, ZipEntry entry) throws IOException, SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Fatal errors throw, as by default, but nothing is printed to standard error.
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(readWhole(zip, entry)));
        }
        catch (ParserConfigurationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String read(ZipFile zip, ZipEntry entry) throws IOException {
        return new String(readWhole(zip, entry), StandardCharsets.UTF_8);
    }

    private static byte[] readWhole(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] content = in.readNBytes(MAX_ENTRY_BYTES + 1);
            if (content.length > MAX_ENTRY_BYTES) {
                throw new IOException(entry.getName() + " is over " + MAX_ENTRY_BYTES + " bytes");
            }
            return content;
        }
    }
}
