package org.communedx.web.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communedx.service.testsupport.TestWait;

/** A plain HTTP client with a cookie jar, against the real server: error pages need the servlet container. */
public final class WebClient {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;

    private final HttpClient http;

    private final CookieManager cookies;

    private final String clientAddress;

    public WebClient(int port) {
        this(port, null);
    }

    private WebClient(int port, String clientAddress) {
        this.base = "http://localhost:" + port;
        this.cookies = new CookieManager();
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(TestWait.part(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.clientAddress = clientAddress;
    }

    private WebClient(WebClient browser, int port) {
        this.base = "http://localhost:" + port;
        this.cookies = browser.cookies;
        this.http = browser.http;
        this.clientAddress = browser.clientAddress;
    }

    /**
     * The same browser, with the same cookies, sending to another port of this machine: another instance of the
     * tracker behind a load balancer, which sends each request wherever it likes. (A cookie belongs to its host,
     * whatever the port.)
     */
    public WebClient at(int port) {
        return new WebClient(this, port);
    }

    /**
     * A client that sends every request as a proxy on loopback would, from {@code clientAddress} (X-Forwarded-For,
     * which the server believes from loopback): the way to be several clients, e.g. for the login throttle. Only a
     * header; nothing is sent to that address.
     */
    public static WebClient from(int port, String clientAddress) {
        return new WebClient(port, clientAddress);
    }

    /** An address that no other test uses, from the documentation range 2001:db8::/32. */
    public static String uniqueClientAddress() {
        return "2001:db8::" + Integer.toHexString(ADDRESSES.incrementAndGet());
    }

    public HttpResponse<String> get(String path) {
        return get(path, "text/html");
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    public HttpResponse<String> post(String path, String form) {
        return send(request(path).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A multipart form with text fields and one file field named {@code file}, as a browser sends an upload. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----communedx" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /**
     * The same multipart form with the file streamed from {@code file} as the request is sent, so that a test can
     * upload a file far larger than it could hold.
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileName,
            InputStream file) {
        String boundary = "----communedx" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value)
                .append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head.toString().getBytes(StandardCharsets.UTF_8)), file,
                new ByteArrayInputStream(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)))));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build());
    }

    /** The response body as bytes, e.g. a downloaded file. */
    public HttpResponse<byte[]> download(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request to this server, to add headers to before {@link #send}. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return clientAddress == null ? request : request.header("X-Forwarded-For", clientAddress);
    }

    /** The value of a cookie in the jar, e.g. {@code JSESSIONID}. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Logs in through the form, as a browser does. */
    public WebClient login(String username, String password) {
        String token = csrfToken(get("/login"));
        HttpResponse<String> response = post("/login", "username=" + username + "&password="
                + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8) + "&_csrf=" + token);
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("/login?")) {
            throw new AssertionError("Login as " + username + " failed: " + response.headers().map());
        }
        return this;
    }

    /** The CSRF token of the first form on the page. */
    public static String csrfToken(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("No CSRF field on " + page.uri());
        }
        return matcher.group(1);
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
