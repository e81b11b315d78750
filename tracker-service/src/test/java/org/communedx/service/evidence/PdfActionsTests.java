package org.communedx.service.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PDF that runs something when opened or clicked is found wherever it keeps the action: the document's opening
 * action, a link on a page, objects packed into compressed object streams. An ordinary PDF, and bytes that only start
 * like one, are not.
 */
class PdfActionsTests {

    @TempDir
    Path folder;

    @Test
    void anOrdinaryPdfRunsNothing() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            assertThat(PdfActions.runSomething(save(document, "plain.pdf", false))).isFalse();
        }
        Path notReallyOne = Files.writeString(folder.resolve("head.pdf"), "%PDF-1.4\n%%EOF\n",
                StandardCharsets.US_ASCII);
        assertThat(PdfActions.runSomething(notReallyOne)).isFalse();
    }

    @Test
    void javaScriptOnOpeningIsFound() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"));
            assertThat(PdfActions.runSomething(save(document, "open.pdf", false))).isTrue();
        }
    }

    @Test
    void javaScriptBehindALinkInCompressedObjectsIsFound() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDAnnotationLink link = new PDAnnotationLink();
            link.setAction(new PDActionJavaScript("app.alert(1)"));
            page.getAnnotations().add(link);
            assertThat(PdfActions.runSomething(save(document, "link.pdf", true))).isTrue();
        }
    }

    @Test
    void aLaunchActionIsFound() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            PDActionLaunch launch = new PDActionLaunch();
            launch.getCOSObject().setItem(COSName.F, new COSDictionary());
            document.getDocumentCatalog().setOpenAction(launch);
            assertThat(PdfActions.runSomething(save(document, "launch.pdf", false))).isTrue();
        }
    }

    private Path save(PDDocument document, String name, boolean objectStreams) throws IOException {
        Path file = folder.resolve(name);
        document.save(file.toFile(), objectStreams ? CompressParameters.DEFAULT_COMPRESSION
                : CompressParameters.NO_COMPRESSION);
        if (objectStreams) {
            assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("packed out of sight")
                    .contains("/ObjStm").doesNotContain("app.alert");
        }
        return file;
    }
}
