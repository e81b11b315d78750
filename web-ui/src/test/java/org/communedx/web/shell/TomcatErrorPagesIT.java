package org.communedx.web.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses itself, before Spring MVC sees the request, still answers with the application's page, never
 * Tomcat's bare English one. Raw requests, since no HTTP client sends them malformed.
 */
@TrackerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TomcatErrorPagesIT {

    private static final String BOUNDARY = "----communedx";

    @LocalServerPort
    int port;

    @Test
    void aMalformedRequestLineGetsTheApplicationsPage() throws IOException {
        String answer = send("GET /login?q=<script> HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertApplicationsPage(answer);
    }

    /**
     * A form upload Tomcat cannot take apart is the client's error: answered with the page at once, one line at INFO,
     * never a server error's stack trace (it used to be logged twice, once more by the error page's own dispatch).
     */
    @Test
    void anOverLongMultipartPartHeaderGetsTheApplicationsPage(CapturedOutput log) throws IOException {
        String answer = sendMultipart("/units/import/list", "--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + "a".repeat(20_000)
                + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertApplicationsPage(answer);
        assertRefusedAsTheClientsError(log, "/units/import/list");
    }

    @Test
    void aBodyThatIsNotTheMultipartItClaimsGetsTheApplicationsPage(CapturedOutput log) throws IOException {
        String answer = sendMultipart("/users/import", "--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"users.csv\"\r\n\r\nno end");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertApplicationsPage(answer);
        assertRefusedAsTheClientsError(log, "/users/import");
    }

    private static void assertRefusedAsTheClientsError(CapturedOutput log, String path) {
        assertThat(log.getAll()).contains("Upload to " + path + " refused before reading")
                .doesNotContain("Servlet.service()", "Exception Processing");
    }

    private String sendMultipart(String path, String body) throws IOException {
        return send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
    }

    private static void assertApplicationsPage(String answer) {
        assertThat(answer).doesNotContain("Apache Tomcat", "HTTP Status", "Exception");
        assertThat(answer).contains("Không thể xử lý yêu cầu", "The request could not be handled");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) TestWait.part(10).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
