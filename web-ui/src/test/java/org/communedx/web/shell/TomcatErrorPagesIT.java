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

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses itself, before Spring MVC sees the request, still answers with the application's page, never
 * Tomcat's bare English one. Raw requests, since no HTTP client sends them malformed.
 */
@TrackerIntegrationTest
class TomcatErrorPagesIT {

    @LocalServerPort
    int port;

    @Test
    void aMalformedRequestLineGetsTheApplicationsPage() throws IOException {
        String answer = send("GET /login?q=<script> HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertApplicationsPage(answer);
    }

    @Test
    void anOverLongMultipartPartHeaderGetsTheApplicationsPage() throws IOException {
        String boundary = "----communedx";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + "a".repeat(20_000) + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\nx\r\n--" + boundary + "--\r\n";
        String answer = send("POST /units/import/list HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);

        assertThat(answer).matches("(?s)HTTP/1.1 4[0-9][0-9] .*");
        assertApplicationsPage(answer);
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
