package org.communedx.service.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.evidence.EvidenceMetadata;
import org.communedx.model.evidence.EvidenceType;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.assessment.WorkflowFixtures;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.audit.AuditLog.AuditEvent;
import org.communedx.service.evidence.EvidenceThumbnails.Thumbnail;
import org.communedx.service.evidence.EvidenceViews.EvidenceView;
import org.communedx.service.scope.OutOfScopeException;
import org.communedx.service.testsupport.SampleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * Evidence over a real PostgreSQL and a real evidence directory, with committed data. Each test works in a
 * period of its own; the store lives under target/ so that nothing lands in the source tree.
 */
@SpringBootTest(classes = ServiceTestApplication.class, properties = "communedx.evidence.directory=target/evidence-tests")
class EvidenceServiceTests {

    private static final EvidenceMetadata METADATA = new EvidenceMetadata("12/QĐ-UBND", "Quyết định thành lập tổ công nghệ số",
            "UBND xã Một", LocalDate.of(2024, 3, 1));

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceThumbnails thumbnails;

    @Autowired
    AssessmentWorkflow workflow;

    @Autowired
    WorkflowFixtures fixtures;

    @Autowired
    LocalEvidenceStore store;

    @Autowired
    EvidenceSweep sweep;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    long entryId;

    /** Another criterion of the same commune and period. */
    long otherEntry;

    @BeforeEach
    void anEntryOfCommune96101() {
        fixtures.ensure();
        long period = fixtures.newPeriod();
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        entryId = workflow.open("96101", period).entries().get(0).id();
        otherEntry = workflow.open("96101", period).entries().get(1).id();
    }

    @AfterEach
    void logoutAndRemoveTheFixtures() {
        SecurityContextHolder.clearContext();
        fixtures.remove();
    }

    /** A photograph's thumbnail is a small copy; a PDF has none (the list shows it as a document). */
    @Test
    void aPhotographsThumbnailIsASmallCopyAtMost192PixelsASide() throws Exception {
        byte[] photo = SampleFiles.photo(2400, 1800);
        EvidenceView stored = evidence.upload(entryId, METADATA, new ByteArrayInputStream(photo), "hien-truong.jpg");

        Thumbnail thumbnail = thumbnails.of(stored.id()).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.content()));
        assertThat(thumbnail.mediaType()).isEqualTo("image/jpeg");
        assertThat(image.getWidth()).isEqualTo(192);
        assertThat(image.getHeight()).isEqualTo(144);
        assertThat(thumbnail.content().length).as("of a %d-byte photograph", photo.length)
                .isLessThan(photo.length / 20);

        EvidenceView pdf = evidence.upload(entryId, METADATA, new ByteArrayInputStream(SampleFiles.pdf(1)), "a.pdf");
        assertThat(thumbnails.of(pdf.id())).isEmpty();
        loginAs("t.xa96201", Role.COMMUNE_STAFF);
        assertThatThrownBy(() -> thumbnails.of(stored.id())).as("out of scope")
                .isInstanceOf(OutOfScopeException.class);
    }

    /** A thumbnail is made once and kept beside its photograph, under the same hash, and goes when the photograph goes. */
    @Test
    void aThumbnailIsKeptBesideItsPhotographAndSweptWithIt() throws Exception {
        byte[] photo = SampleFiles.photo(1210, 905);
        EvidenceView stored = evidence.upload(entryId, METADATA, new ByteArrayInputStream(photo), "ban-do.jpg");
        byte[] made = thumbnails.of(stored.id()).orElseThrow().content();
        Path kept = store.derivedPath(sha256(photo), EvidenceThumbnails.KIND);
        assertThat(kept).hasBinaryContent(made);

        Files.write(kept, new byte[] { 7 });
        assertThat(thumbnails.of(stored.id()).orElseThrow().content()).as("read back, not made again")
                .containsExactly(7);

        evidence.remove(stored.id());
        sweep.sweep(Instant.now().plusSeconds(60));
        assertThat(store.path(sha256(photo))).doesNotExist();
        assertThat(kept).doesNotExist();
    }

    /** A 315 KB PNG declaring 60000 × 1800 pixels, 324 MB decoded: refused from its header, never decoded. */
    @Test
    void refusesAnImageDeclaringMorePixelsThanTheLimit() throws Exception {
        byte[] bomb = SampleFiles.pngDeclaring(60000, 1800);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertRefused(bomb, "ban-do.png", "evidence.refused.tooManyPixels");
        assertThatThrownBy(() -> evidence.upload(entryId, METADATA, new ByteArrayInputStream(bomb), "ban-do.png"))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.arguments())
                        .containsExactly(60000, 1800, 50L));
    }

    /**
     * A 49-megapixel image is allowed, and its thumbnail is made from every n-th pixel: decoded whole it would take
     * 147 MB (and Thumbnailator's copy in RGB ints 196 MB); subsampled, the decode stays within a few megabytes.
     */
    @Test
    void aThumbnailOfALargeImageIsMadeInBoundedMemory() throws Exception {
        EvidenceView stored = evidence.upload(entryId, METADATA,
                new ByteArrayInputStream(SampleFiles.pngDeclaring(7000, 7000)), "toan-canh.png");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
                .getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Thumbnail thumbnail = thumbnails.of(stored.id()).orElseThrow();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.content()));
        assertThat(image.getWidth()).isEqualTo(192);
        assertThat(image.getHeight()).isEqualTo(192);
        assertThat(allocated).as("bytes allocated to make it").isLessThan(32L * 1024 * 1024);
    }

    /**
     * A thumbnail that could not be made is remembered: every view of the entry page asks again, and a failure used
     * to be paid for at each. The list then shows a placeholder unless the original is small enough to stand in.
     */
    @Test
    void aThumbnailThatFailedIsNotTriedAgain() throws Exception {
        byte[] broken = SampleFiles.pngWithBrokenPixels(5000, 3000);
        EvidenceView stored = evidence.upload(entryId, METADATA, new ByteArrayInputStream(broken), "hong.png");
        assertThat(thumbnails.of(stored.id())).isEmpty();
        assertThat(store.derivedPath(sha256(broken), EvidenceThumbnails.FAILED)).exists();
        assertThat(thumbnails.originalMayStandIn(stored.id())).as("15 megapixels, too many to send whole").isFalse();

        // Were it tried again, this sound image in its place would now make a thumbnail.
        Files.write(store.path(sha256(broken)), SampleFiles.png());
        assertThat(thumbnails.of(stored.id())).isEmpty();
        assertThat(thumbnails.originalMayStandIn(stored.id())).as("64 × 48 pixels").isTrue();
    }

    @Test
    void keepsARealMultiPagePdfAndAJpegAndStartsTheDraft() throws Exception {
        byte[] pdf = SampleFiles.pdf(2);
        EvidenceView stored = evidence.upload(entryId, METADATA, new ByteArrayInputStream(pdf), "Quyết định 12.pdf");

        assertThat(stored.type()).isEqualTo(EvidenceType.PDF);
        assertThat(stored.sizeBytes()).isEqualTo(pdf.length);
        assertThat(stored.storedName()).isEqualTo("Quyet_dinh_12.pdf");
        assertThat(stored.originalName()).isEqualTo("Quyết định 12.pdf");
        assertThat(store.path(sha256(pdf))).exists().hasBinaryContent(pdf);
        assertThat(workflow.entry(entryId).status()).as("work on the entry has begun").isEqualTo(EntryStatus.DRAFT);

        byte[] jpeg = SampleFiles.jpeg();
        assertThat(evidence.upload(entryId, METADATA, new ByteArrayInputStream(jpeg), "anh.jpg").type())
                .isEqualTo(EvidenceType.JPEG);
        assertThat(evidence.list(entryId).files()).extracting(EvidenceView::type)
                .containsExactly(EvidenceType.PDF, EvidenceType.JPEG);
        try (InputStream in = evidence.open(stored.id()).content().getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(audit.history(EvidenceService.AUDIT_TYPE, stored.id())).extracting(AuditEvent::action)
                .containsExactly("ADD_EVIDENCE");
        assertThat(evidence.count(entryId)).isEqualTo(2);
    }

    /** An iPhone's photo, HEIC whatever its name says, is told how to send a JPEG instead; a GIF, what is taken. */
    @Test
    void anIphonePhotoIsToldToComeAsAJpeg() throws Exception {
        byte[] heic = new byte[64];
        byte[] box = "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(box, 0, heic, 0, box.length);

        assertRefused(heic, "IMG_0001.jpg", "evidence.refused.heic");
        assertRefused("GIF89a\u0001\0\u0001\0\0\0\0;".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                "anh.gif", "evidence.refused.type");
    }

    @Test
    void tellsOfficeDocumentsFromOtherZips() throws Exception {
        assertRefused(zipWith("payload.exe", SampleFiles.executable()), "so-lieu.xlsx", "evidence.refused.type");
        assertThat(evidence.upload(entryId, METADATA, new ByteArrayInputStream(SampleFiles.xlsx()), "so-lieu.xlsx")
                .type()).isEqualTo(EvidenceType.XLSX);
    }

    /**
     * A macro-enabled Word document whose [Content_Types].xml also names an ordinary main part once passed a
     * substring search, and downloaded as a .docm. The package is parsed now: macros anywhere refuse it.
     */
    @Test
    void refusesAMacroEnabledWordDocumentThatAlsoNamesAnOrdinaryMainPart() throws Exception {
        String macroMain = "application/vnd.ms-word.document.macroEnabled.main+xml";
        assertRefused(ooxml(contentTypes(override("/word/document.xml", macroMain)
                + override("/word/decoy.xml", DOCX_MAIN)), "word/document.xml", "word/decoy.xml"),
                "kehoach.docx", "evidence.refused.type");
        assertRefused(ooxml(contentTypes(override("/word/document.xml", DOCX_MAIN)
                + override("/word/vbaProject.bin", "application/vnd.ms-office.vbaProject")),
                "word/document.xml", "word/vbaProject.bin"), "kehoach.docx", "evidence.refused.type");
        assertRefused(ooxml(contentTypes(override("/word/document.xml", DOCX_MAIN)), "word/document.xml",
                "word/vbaProject.bin"), "kehoach.docx", "evidence.refused.type");
        assertRefused(ooxml(contentTypes(override("/word/document.xml", DOCX_MAIN + "x")), "word/document.xml"),
                "kehoach.docx", "evidence.refused.type");
        assertRefused(ooxml("<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY main \"" + DOCX_MAIN + "\">]>"
                + contentTypes(override("/word/document.xml", "&main;")), "word/document.xml"),
                "kehoach.docx", "evidence.refused.type");

        java.io.ByteArrayOutputStream docx = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            document.createParagraph().createRun().setText("Kế hoạch chuyển đổi số");
            document.write(docx);
        }
        assertThat(evidence.upload(entryId, METADATA, new ByteArrayInputStream(docx.toByteArray()), "kehoach.docx")
                .type()).isEqualTo(EvidenceType.DOCX);
    }

    @Test
    void refusesAnOpenDocumentWithMacros() throws Exception {
        String manifest = "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>%s</manifest:manifest>";
        assertRefused(odt(manifest.formatted(""), "Basic/Standard/Module1.xml"), "bien-ban.odt", "evidence.refused.type");
        assertRefused(odt(manifest.formatted("<manifest:file-entry manifest:full-path=\"macro.js\" "
                + "manifest:media-type=\"application/javascript\"/>")), "bien-ban.odt", "evidence.refused.type");
        assertThat(evidence.upload(entryId, METADATA, new ByteArrayInputStream(odt(manifest.formatted(""))),
                "bien-ban.odt").type()).isEqualTo(EvidenceType.ODT);
    }

    @Test
    void refusesEmptyFiles() throws Exception {
        assertRefused(new byte[0], "trong.pdf", "evidence.refused.empty");
    }

    @Test
    void refusesAFileOverTheLimitWithoutHoldingIt() throws Exception {
        assertRefused(SampleFiles.largePdf(26L * 1024 * 1024), "lon.pdf", "evidence.refused.tooLarge");
    }

    @Test
    void refusesAnExecutableNamedPdf() throws Exception {
        assertRefused(SampleFiles.executable(), "bao-cao.pdf", "evidence.refused.type");
    }

    @Test
    void refusesHtmlNamedPng() throws Exception {
        assertRefused(SampleFiles.html(), "anh.png", "evidence.refused.type");
    }

    @Test
    void refusesSvgWithAScript() throws Exception {
        assertRefused(SampleFiles.svgWithScript(), "logo.png", "evidence.refused.type");
    }

    @Test
    void storesAPathLikeNameSafelyAndKeepsItForDisplay() {
        EvidenceView stored = evidence.upload(entryId, METADATA, new ByteArrayInputStream(SampleFiles.pdf(1)),
                "../../etc/passwd.pdf");
        assertThat(stored.storedName()).isEqualTo("passwd.pdf");
        assertThat(stored.originalName()).isEqualTo("../../etc/passwd.pdf");
        try (Stream<Path> files = Files.walk(store.root())) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).doesNotContain("passwd", "passwd.pdf");
        }
        catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }

    /** PDF content downloads as a PDF whatever name it was uploaded under, in both names of the download. */
    @Test
    void aDownloadIsNamedWithTheDetectedTypesExtension() {
        List<String> names = List.of("bao-cao.html", "bienban.pdf.hta", "qdfdp.exe", "\u202Eexe.pdf", "Báo cáo.PDF",
                "ke-hoach");
        assertThat(names).map(name -> evidence.upload(entryId, METADATA,
                        new ByteArrayInputStream(SampleFiles.pdf(21 + names.indexOf(name))), name))
                .extracting(EvidenceView::downloadName, EvidenceView::storedName)
                .containsExactly(tuple("bao-cao.html.pdf", "bao-cao.pdf"), tuple("bienban.pdf.hta.pdf", "bienban.pdf.pdf"),
                        tuple("qdfdp.exe.pdf", "qdfdp.pdf"), tuple("exe.pdf", "exe.pdf"),
                        tuple("Báo cáo.PDF", "Bao_cao.pdf"), tuple("ke-hoach.pdf", "ke-hoach.pdf"));
        EvidenceView photo = evidence.upload(entryId, METADATA, new ByteArrayInputStream(SampleFiles.jpeg()), "anh.jpeg");
        assertThat(photo.downloadName()).isEqualTo("anh.jpeg");
        String longName = "Biên bản ".repeat(40) + ".exe";
        assertThat(evidence.upload(entryId, METADATA, new ByteArrayInputStream(SampleFiles.pdf(27)), longName)
                .downloadName()).hasSizeLessThanOrEqualTo(255).endsWith(".pdf");
    }

    @Test
    void refusesAFileNameWithAControlCharacter() throws Exception {
        assertRefused(SampleFiles.pdf(1), "bien\u0001ban.pdf", "evidence.refused.fileName");
        assertRefused(SampleFiles.pdf(1), "bien\nban.pdf", "evidence.refused.fileName");
    }

    @Test
    void shortensA300CharacterVietnameseName() {
        String name = "Biên bản nghiệm thu hệ thống camera an ninh thôn bản ".repeat(6).substring(0, 296) + ".pdf";
        assertThat(name).hasSize(300);
        EvidenceView stored = evidence.upload(entryId, METADATA, new ByteArrayInputStream(SampleFiles.pdf(1)), name);
        assertThat(stored.originalName()).hasSize(255).startsWith("Biên bản nghiệm thu").endsWith(".pdf");
        assertThat(stored.storedName()).hasSizeLessThanOrEqualTo(255).startsWith("Bien_ban_nghiem_thu").endsWith(".pdf");
    }

    @Test
    void metadataIsChecked() {
        assertThatThrownBy(() -> new EvidenceMetadata(null, " ", "UBND", LocalDate.of(2024, 1, 1)))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("evidence.refused.titleRequired");
        assertThatThrownBy(() -> new EvidenceMetadata(null, "T", "UBND", null))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("evidence.refused.dateRequired");
        EvidenceMetadata future = new EvidenceMetadata(null, "T", "UBND", LocalDate.now().plusYears(1));
        assertThatThrownBy(() -> evidence.upload(entryId, future, new ByteArrayInputStream(SampleFiles.pdf(1)), "a.pdf"))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("evidence.refused.dateInFuture");
        assertThat(evidence.count(entryId)).isZero();
    }

    @Test
    void onlyTheCommunesOwnStaffChangeAndOnlyTheScopeSees() {
        EvidenceView stored = evidence.upload(entryId, METADATA, new ByteArrayInputStream(SampleFiles.pdf(1)), "a.pdf");

        loginAs("t.xa96102", Role.COMMUNE_STAFF);
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> evidence.list(entryId));
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> evidence.open(stored.id()));
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> evidence.remove(stored.id()));
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> evidence.upload(entryId, METADATA,
                new ByteArrayInputStream(SampleFiles.pdf(1)), "a.pdf"));
        loginAs("t.tinh97", Role.PROVINCE_MANAGER);
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> evidence.open(stored.id()));

        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThat(evidence.list(entryId).files()).hasSize(1);
        assertThat(evidence.list(entryId).canChange()).isFalse();
        assertThat(evidence.open(stored.id()).file().id()).isEqualTo(stored.id());
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> evidence.remove(stored.id()));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> evidence.upload(entryId, METADATA,
                new ByteArrayInputStream(SampleFiles.pdf(1)), "a.pdf"));
    }

    @Test
    void filesAreRemovedOnlyWhileDraftOrReturned() {
        EvidenceView first = evidence.upload(entryId, METADATA, new ByteArrayInputStream(SampleFiles.pdf(1)), "1.pdf");
        EvidenceView second = evidence.upload(entryId, METADATA, new ByteArrayInputStream(SampleFiles.png()), "2.png");
        assertThat(evidence.list(entryId).canChange()).isTrue();
        evidence.remove(first.id());
        assertThat(evidence.list(entryId).files()).extracting(EvidenceView::id).containsExactly(second.id());
        assertThat(audit.history(EvidenceService.AUDIT_TYPE, first.id())).extracting(AuditEvent::action)
                .containsExactly("ADD_EVIDENCE", "REMOVE_EVIDENCE");

        EntryView entry = workflow.entry(entryId);
        EntryView saved = workflow.saveValue(entryId, entry.version(), new EntryValue.Level(2), null);
        workflow.submit(entryId, saved.version());
        assertThat(evidence.list(entryId).canChange()).isFalse();
        assertThatThrownBy(() -> evidence.remove(second.id())).isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("entry.refused.transition");
        assertThatThrownBy(() -> evidence.upload(entryId, METADATA, new ByteArrayInputStream(SampleFiles.pdf(3)), "3.pdf"))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("evidence.refused.locked");

        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        workflow.returnWithReason(entryId, workflow.entry(entryId).version(), "Thiếu chữ ký");
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        evidence.remove(second.id());
        assertThat(evidence.list(entryId).files()).isEmpty();
    }

    /**
     * Two uploads of one file at once (to two criteria: to one, the second is refused) may each find it absent and
     * store it (on S3, a HEAD then a PUT each). The one refused must not take the file from the one saved.
     */
    @Test
    void aRolledBackUploadLeavesTheFileThatASavedUploadOfTheSameContentUses() throws IOException {
        byte[] pdf = SampleFiles.pdf(5);
        EvidenceView saved = evidence.upload(entryId, METADATA, new ByteArrayInputStream(pdf), "mot.pdf");
        Files.delete(store.path(sha256(pdf)));

        transaction.executeWithoutResult(status -> {
            evidence.upload(otherEntry, METADATA, new ByteArrayInputStream(pdf), "hai.pdf");
            status.setRollbackOnly();
        });

        assertThat(store.path(sha256(pdf))).as("the saved upload's file").exists().hasBinaryContent(pdf);
        assertThat(evidence.list(entryId).files()).extracting(EvidenceView::id).containsExactly(saved.id());
    }

    /** The same bytes twice on one criterion would list two files that are one, which a reviewer opens twice. */
    @Test
    void theSameFileTwiceOnOneCriterionIsRefusedNamingTheFirst() {
        byte[] pdf = SampleFiles.pdf(28);
        evidence.upload(entryId, METADATA, new ByteArrayInputStream(pdf), "bien-ban.jpg");

        assertThatExceptionOfType(RuleViolation.class)
                .isThrownBy(() -> evidence.upload(entryId, METADATA, new ByteArrayInputStream(pdf), "ban-sao.pdf"))
                .satisfies(refused -> assertThat(refused.messageKey()).isEqualTo("evidence.refused.duplicate"))
                .satisfies(refused -> assertThat(refused.arguments()).as("named as the list names it")
                        .containsExactly("bien-ban.jpg.pdf"));
        assertThat(evidence.count(entryId)).isEqualTo(1);
        assertThat(evidence.upload(otherEntry, METADATA, new ByteArrayInputStream(pdf), "bien-ban.pdf"))
                .as("another criterion may hold it too").isNotNull();
    }

    @Test
    void aRolledBackUploadLeavesNoFileAndNoRow() {
        byte[] pdf = SampleFiles.pdf(4);
        transaction.executeWithoutResult(status -> {
            evidence.upload(entryId, METADATA, new ByteArrayInputStream(pdf), "huy.pdf");
            assertThat(store.path(sha256(pdf))).exists();
            status.setRollbackOnly();
        });
        assertThat(store.path(sha256(pdf))).doesNotExist();
        assertThat(evidence.count(entryId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from evidence where sha256 = ?", Long.class, sha256(pdf)))
                .isZero();
    }

    @Test
    void theSweepRemovesTemporaryAndUnreferencedFilesOnly() throws Exception {
        byte[] kept = SampleFiles.pdf(5);
        evidence.upload(entryId, METADATA, new ByteArrayInputStream(kept), "giu.pdf");
        Path interrupted = Files.write(store.temporaryDirectory().resolve("upload-killed.part"), new byte[] { 1, 2 });
        byte[] orphanContent = "no row refers to this".getBytes();
        Path orphan = store.path(sha256(orphanContent));
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, orphanContent);

        assertThat(sweep.sweep()).as("recent files are left alone: an upload may still need them").isZero();
        assertThat(sweep.sweep(Instant.now().plusSeconds(60))).isGreaterThanOrEqualTo(2);
        assertThat(interrupted).doesNotExist();
        assertThat(orphan).doesNotExist();
        assertThat(store.path(sha256(kept))).exists();
    }

    private void assertRefused(byte[] content, String name, String key) throws Exception {
        assertRefused(new ByteArrayInputStream(content), name, key);
    }

    private void assertRefused(InputStream content, String name, String key) throws Exception {
        List<Path> before = storedFiles();
        assertThatThrownBy(() -> evidence.upload(entryId, METADATA, content, name)).isInstanceOf(RuleViolation.class)
                .satisfies(ex -> assertThat(((RuleViolation) ex).messageKey()).isEqualTo(key));
        assertThat(evidence.count(entryId)).isZero();
        assertThat(workflow.entry(entryId).status()).as("the entry is unchanged").isEqualTo(EntryStatus.NOT_STARTED);
        assertThat(storedFiles()).as("nothing stored, no temporary file left").isEqualTo(before);
        try (Stream<Path> temporaries = Files.list(store.temporaryDirectory())) {
            assertThat(temporaries).isEmpty();
        }
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(store.root())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private static String contentTypes(String overrides) {
        return "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" + overrides + "</Types>";
    }

    private static String override(String part, String contentType) {
        return "<Override PartName=\"" + part + "\" ContentType=\"" + contentType + "\"/>";
    }

    /** A package with the given [Content_Types].xml and parts, each a small XML document. */
    private static byte[] ooxml(String contentTypes, String... parts) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(contentTypes.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String part : parts) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part));
                zip.write("<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** An ODF text document: its mimetype first, a manifest, content, and the given extra entries. */
    private static byte[] odt(String manifest, String... extra) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("mimetype"));
            zip.write(EvidenceType.ODT.mediaType().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            zip.write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String entry : extra) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry));
                zip.write("<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static byte[] zipWith(String name, byte[] content) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
