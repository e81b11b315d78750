package org.communedx.web.instances;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardWrapper;
import org.communedx.CommuneDxApplication;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rolling restart loses no upload: an instance told to stop while an upload is still arriving refuses new
 * connections, yet receives the rest of that upload, saves it and answers, and only then closes. An application of
 * this test's own, on a PostgreSQL of its own: stopping the suite's would stop the other tests.
 */
class GracefulShutdownIT {

    private static final Map<String, String> METADATA = Map.of("documentNumber", "17/BC-UBND", "title",
            "Báo cáo gửi lúc khởi động lại", "issuingBody", "UBND xã Yên Phú", "documentDate", "2026-01-15");

    @TempDir
    Path workDir;

    @Test
    void anUploadUnderWayWhenTheInstanceStopsIsSavedBeforeItCloses() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            ConfigurableApplicationContext instance = new SpringApplicationBuilder(CommuneDxApplication.class).run(
                    "--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--communedx.demo-data=true",
                    "--communedx.data-dir=" + workDir.resolve("data"));
            byte[] pdf = SampleFiles.pdf(3);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
            CompletableFuture<Void> closed = null;
            CountDownLatch rest = new CountDownLatch(1);
            try {
                TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) instance).getWebServer();
                int port = server.getPort();
                WebClient staff = new WebClient(port).login("xa.yenphu", EntryPages.PASSWORD);
                String scorecard = staff.get("/").headers().firstValue("Location").orElseThrow();
                long period = Long.parseLong(scorecard.substring(scorecard.lastIndexOf('/') + 1));
                String entry = EntryPages.criterion("05305", period, "G2.C5");
                Map<String, String> fields = new HashMap<>(METADATA);
                fields.put("_csrf", WebClient.csrfToken(staff.get(entry)));

                CompletableFuture<HttpResponse<String>> upload = CompletableFuture.supplyAsync(() -> staff
                        .postMultipart(entry + "/evidence", fields, "bao-cao.pdf", new HalfThenWait(pdf, rest)));
                // Under way as Spring Boot's graceful shutdown counts it: a request in the servlet.
                await().atMost(TestWait.part(10)).until(() -> requestsInTheServlet(server) > 0);

                closed = CompletableFuture.runAsync(instance::close);
                await().atMost(TestWait.part(10)).until(() -> refusesConnections(port));
                assertThat(upload).as("still waiting for the rest of the file").isNotDone();
                rest.countDown();

                HttpResponse<String> answer = upload.get(TestWait.part(5).toMillis(), TimeUnit.MILLISECONDS);
                assertThat(answer.statusCode()).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                        location -> assertThat(location).endsWith(entry));
                closed.get(TestWait.part(5).toMillis(), TimeUnit.MILLISECONDS);
            }
            finally {
                rest.countDown();
                if (closed == null) {
                    instance.close();
                }
            }
            try (Connection connection = database.getPostgresDatabase().getConnection();
                    PreparedStatement query = connection.prepareStatement(
                            "select count(*) from evidence where sha256 = ?")) {
                query.setString(1, sha256);
                try (ResultSet saved = query.executeQuery()) {
                    saved.next();
                    assertThat(saved.getInt(1)).as("the upload was saved").isEqualTo(1);
                }
            }
        }
    }

    private static int requestsInTheServlet(TomcatWebServer server) {
        int allocated = 0;
        for (Container context : server.getTomcat().getHost().findChildren()) {
            for (Container wrapper : context.findChildren()) {
                allocated += ((StandardWrapper) wrapper).getCountAllocated();
            }
        }
        return allocated;
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return false;
        }
        catch (IOException refused) {
            return true;
        }
    }

    /** The file's first half at once, the rest once {@code rest} opens, as a slow link would send it. */
    private static final class HalfThenWait extends InputStream {

        private final InputStream content;

        private final int half;

        private final CountDownLatch rest;

        private int sent;

        HalfThenWait(byte[] content, CountDownLatch rest) {
            this.content = new ByteArrayInputStream(content);
            this.half = content.length / 2;
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (sent == half) {
                try {
                    if (!rest.await(TestWait.budget().toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IOException("The test never sent the rest");
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IOException(ex);
                }
            }
            int limit = sent < half ? Math.min(length, half - sent) : length;
            int read = content.read(buffer, offset, limit);
            if (read > 0) {
                sent += read;
            }
            return read;
        }
    }
}
