package org.communedx.web.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.ApplicationProcess;
import org.communedx.web.support.ChildProcessTest;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 while an evidence file is on its way in: after the restart no evidence is half-stored. The entry has no
 * file, the store holds no file but the demo's sample evidence, and a staging file left by a crash in the middle of the store's own copy (planted
 * here, since a kill cannot be timed to land inside it) is swept at start-up, as is the part Tomcat was writing.
 */
@ChildProcessTest
class UploadCrashIT {

    private static final long STALL_AT = 4_000_000;

    @TempDir
    Path workDir;

    @Test
    void aKillDuringAnUploadLeavesNoHalfStoredEvidence() throws Exception {
        int port = ApplicationProcess.freePort();
        Path data = workDir.resolve("data");
        Map<String, String> environment = Map.of("COMMUNEDX_DATA_DIR", data.toString());
        String entry;
        try (ApplicationProcess tracker = ApplicationProcess.startWithDemo(ApplicationProcess.HEAP, workDir, port,
                environment).awaitHealthy()) {
            WebClient staff = new WebClient(port).login("xa.yenphu", EntryPages.PASSWORD);
            String scorecard = staff.get("/").headers().firstValue("Location").orElseThrow();
            long period = Long.parseLong(scorecard.substring(scorecard.lastIndexOf('/') + 1));
            entry = EntryPages.criterion("05305", period, "G2.C5");
            String token = WebClient.csrfToken(staff.get(entry));

            CountDownLatch halfway = new CountDownLatch(1);
            CountDownLatch killed = new CountDownLatch(1);
            CompletableFuture<HttpResponse<String>> upload = stalledUpload(staff, entry, token, halfway, killed);
            assertThat(halfway.await(TestWait.part(5).toMillis(), TimeUnit.MILLISECONDS)).as("4 MB of the upload sent").isTrue();
            // Sent is not yet received: on a busy machine Tomcat may not have opened its part file yet.
            Awaitility.await().atMost(TestWait.part(5)).until(() -> partsIn(data.resolve("tomcat/uploads")) > 0);
            tracker.kill();
            killed.countDown();
            assertThat(upload).failsWithin(TestWait.part(10));
        }
        Path uploads = data.resolve("tomcat/uploads");
        assertThat(partsIn(uploads)).as("the part Tomcat was writing when it was killed, under the data directory")
                .isPositive();
        Path staging = Files.createDirectories(data.resolve("evidence/.tmp"));
        Files.write(staging.resolve("upload-crashed.part"), new byte[1024]);

        try (ApplicationProcess restarted = ApplicationProcess.startWithDemo(ApplicationProcess.HEAP, workDir, port,
                environment).awaitHealthy()) {
            assertThat(uploads).as("Tomcat's leftover parts swept at start").isEmptyDirectory();
            WebClient staff = new WebClient(port).login("xa.yenphu", EntryPages.PASSWORD);
            assertThat(staff.get(entry).body()).contains("Chưa có tệp minh chứng.");
            try (Stream<Path> files = Files.walk(data.resolve("evidence"))) {
                List<Path> stored = files.filter(Files::isRegularFile).toList();
                String sample = sampleEvidence();
                assertThat(stored).as("nothing but the demo's sample evidence, which its assessments reference")
                        .allSatisfy(file -> assertThat(file.getFileName().toString()).isEqualTo(sample));
            }
        }
    }

    /** The part files in Tomcat's upload directory, or none while it does not exist yet. */
    private static long partsIn(Path uploads) throws IOException {
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        try (Stream<Path> parts = Files.list(uploads)) {
            return parts.count();
        }
    }

    /** The SHA-256, the name in the store, of the one file that the demo's sample assessments all reference. */
    private static String sampleEvidence() throws Exception {
        try (var in = UploadCrashIT.class.getResourceAsStream("/org/communedx/service/assessment/sample-evidence.pdf")) {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(in.readAllBytes()));
        }
    }

    /**
     * A 20 MB PDF that stops after its first 4 MB and waits there until the tracker is killed, so that the kill
     * lands while the file is still arriving.
     */
    private static CompletableFuture<HttpResponse<String>> stalledUpload(WebClient staff, String entry, String token,
            CountDownLatch halfway, CountDownLatch killed) {
        String boundary = "----crash" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.UTF_8);
        long total = 20_000_000;
        InputStream body = new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= total) {
                    return -1;
                }
                if (position >= STALL_AT) {
                    halfway.countDown();
                    awaitKill();
                }
                int chunk = (int) Math.min(Math.min(length, 64 * 1024), total - position);
                for (int i = 0; i < chunk; i++) {
                    long at = position + i;
                    buffer[offset + i] = at < head.length ? head[(int) at] : (byte) ' ';
                }
                position += chunk;
                return chunk;
            }

            private void awaitKill() {
                try {
                    killed.await(TestWait.part(5).toMillis(), TimeUnit.MILLISECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        HttpRequest request = staff.request(entry + "/evidence?_csrf=" + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "JSESSIONID=" + staff.cookie("JSESSIONID").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
