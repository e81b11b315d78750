package org.communedx.web.evidence;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.communedx.service.testsupport.SampleFiles;
import org.communedx.web.support.ApplicationProcess;
import org.communedx.web.support.ChildProcessTest;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Below the free-space reserve ({@code communedx.evidence.disk-reserve}) that keeps room for the database, an upload
 * through the real form is refused with a message in the user's language, nothing of it is stored, and the health
 * check reports the application DOWN. The reserve is set above the size of the whole disk, so that no amount of free
 * space lets the upload through. The application runs in its own JVM, as {@link UploadCrashIT}'s does, so that the
 * shared test context keeps the reserve every other test uploads under.
 */
@ChildProcessTest
class DiskReserveIT {

    private static final Map<String, String> METADATA = Map.of("documentNumber", "16/BC-UBND", "title",
            "Báo cáo kết quả", "issuingBody", "UBND xã Yên Phú", "documentDate", "2026-01-15");

    @TempDir
    Path workDir;

    @Test
    void anUploadBelowTheReserveIsRefusedWithAMessageAndStoresNothingAndTheHealthIsDown() throws Exception {
        int port = ApplicationProcess.freePort();
        Path data = workDir.resolve("data");
        FileStore disk = Files.getFileStore(workDir);
        long reserve = disk.getTotalSpace() + 1;
        assertThat(reserve).as("a reserve more than the disk's free space").isGreaterThan(disk.getUsableSpace());
        try (ApplicationProcess tracker = ApplicationProcess.startWithDemo(ApplicationProcess.HEAP, workDir, port,
                Map.of("COMMUNEDX_DATA_DIR", data.toString()), "--communedx.evidence.disk-reserve=" + reserve + "B",
                // Groups that show which indicator is DOWN; the health answer itself stays as configured.
                "--management.endpoint.health.group.disk.include=diskSpace",
                "--management.endpoint.health.group.database.include=db").awaitServing()) {
            WebClient staff = new WebClient(port).login("xa.yenphu", EntryPages.PASSWORD);
            String scorecard = staff.get("/").headers().firstValue("Location").orElseThrow();
            long period = Long.parseLong(scorecard.substring(scorecard.lastIndexOf('/') + 1));
            String entry = EntryPages.criterion("05305", period, "G2.C5");
            HttpResponse<String> page = staff.get(entry);
            assertThat(page.body()).contains("Chưa có tệp minh chứng.");
            List<Path> storedBefore = storedFiles(data.resolve("evidence"));
            Map<String, String> fields = new HashMap<>(METADATA);
            fields.put("_csrf", WebClient.csrfToken(page));

            HttpResponse<String> upload = staff.postMultipart(entry + "/evidence", fields, "bao-cao.pdf",
                    SampleFiles.pdf(2));

            assertThat(upload.statusCode()).isEqualTo(302);
            assertThat(upload.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith(entry));
            assertThat(staff.get(entry).body()).contains("Máy chủ sắp hết chỗ lưu trữ nên tạm thời không nhận thêm "
                    + "tệp; chưa có gì được lưu. Hãy báo cho quản trị viên.").contains("Chưa có tệp minh chứng.");
            assertThat(storedFiles(data.resolve("evidence"))).as("no file stored").isEqualTo(storedBefore);

            WebClient anonymous = new WebClient(port);
            HttpResponse<String> health = anonymous.get("/actuator/health", "application/json");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"").doesNotContain("diskSpace", "free");
            assertThat(anonymous.get("/actuator/health/disk", "application/json").body())
                    .contains("\"status\":\"DOWN\"");
            assertThat(anonymous.get("/actuator/health/database", "application/json").body())
                    .as("only the disk is DOWN").contains("\"status\":\"UP\"");
        }
    }

    /** Every file of the evidence store, staging area included, in a stable order. */
    private static List<Path> storedFiles(Path evidence) throws IOException {
        if (!Files.isDirectory(evidence)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(evidence)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
