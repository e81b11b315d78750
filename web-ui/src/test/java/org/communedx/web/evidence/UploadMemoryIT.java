package org.communedx.web.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.communedx.web.support.ApplicationProcess;
import org.communedx.web.support.ChildProcessTest;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads stream to disk and never sit whole in the heap: the packaged tracker with a 256 MB heap takes eight
 * distinct 25 MB uploads at once, one per criterion of Xã Yên Phú in the demo period, and stores all 200 MB.
 */
@ChildProcessTest
class UploadMemoryIT {

    private static final List<String> CRITERIA = List.of("G1.C1", "G1.C2", "G2.C1", "G2.C2", "G2.C3", "G2.C4",
            "G3.C1", "G3.C2");

    @TempDir
    Path workDir;

    @Test
    void eightParallelUploadsOf25MegabytesSucceedWithA256MegabyteHeap() throws Exception {
        int port = ApplicationProcess.freePort();
        try (ApplicationProcess tracker = ApplicationProcess.startWithDemo("256m", workDir, port,
                Map.of("COMMUNEDX_DATA_DIR", workDir.resolve("data").toString())).awaitHealthy()) {
            WebClient first = new WebClient(port).login("xa.yenphu", EntryPages.PASSWORD);
            String scorecard = first.get("/").headers().firstValue("Location").orElseThrow();
            long period = Long.parseLong(scorecard.substring(scorecard.lastIndexOf('/') + 1));

            ExecutorService pool = Executors.newFixedThreadPool(CRITERIA.size());
            List<Future<Integer>> uploads = new ArrayList<>();
            for (String criterion : CRITERIA) {
                WebClient staff = new WebClient(port).login("xa.yenphu", EntryPages.PASSWORD);
                // A file of its own for each: the store keeps identical content once, and would write 25 MB, not 200.
                byte[] pdf = largePdf(25_000_000, criterion);
                // The journey's commune has written nothing yet: each upload may be its first write.
                String entry = EntryPages.criterion("05305", period, criterion);
                String token = WebClient.csrfToken(staff.get(entry));
                uploads.add(pool.submit(() -> {
                    HttpResponse<String> response = staff.postMultipart(entry + "/evidence?_csrf=" + token,
                            Map.of("_csrf", token, "title", "Biên bản " + criterion, "issuingBody", "UBND xã Yên Phú",
                                    "documentDate", "2026-03-15"), "bien-ban.pdf", pdf);
                    String page = staff.get(entry).body();
                    return response.statusCode() == 302 && page.contains("Biên bản " + criterion) ? 1 : 0;
                }));
            }
            int stored = 0;
            for (Future<Integer> upload : uploads) {
                stored += upload.get();
            }
            pool.shutdown();

            assertThat(stored).isEqualTo(CRITERIA.size());
            try (Stream<Path> files = Files.walk(workDir.resolve("data/evidence"))) {
                assertThat(files.filter(Files::isRegularFile).mapToLong(UploadMemoryIT::size).sum())
                        .as("bytes stored").isGreaterThanOrEqualTo(CRITERIA.size() * 25_000_000L);
            }
            assertThat(tracker.output()).doesNotContain("OutOfMemoryError");
            assertThat(new WebClient(port).get("/actuator/health", "application/json").body()).contains("UP");
        }
    }

    /**
     * A PDF header, a line naming the criterion (so that no two files are alike), padding to the size, then the
     * trailer: Tika knows it by content as a PDF.
     */
    private static byte[] largePdf(int size, String criterion) {
        byte[] content = new byte[size];
        byte[] head = ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n% " + criterion + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(content, (byte) ' ');
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(tail, 0, content, size - tail.length, tail.length);
        return content;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
