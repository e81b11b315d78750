package org.communedx.web.startup;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.ApplicationProcess;
import org.communedx.web.support.ChildProcessTest;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the embedded PostgreSQL, not of the application: a working login follows within 30 s, and meanwhile
 * every request is answered at once (503 with the tracker's own page, JSON under /api/), never after the connection
 * pool's timeouts. Both times are an idle machine's, stretched by the tests' wait budget ({@link TestWait#target}).
 */
@ChildProcessTest
@EnabledOnOs(value = OS.LINUX, disabledReason = "the restart finds a dead server's backends by their /proc/<pid>/cwd")
class PostmasterDeathIT {

    private static final Duration LOGIN_AGAIN = Duration.ofSeconds(30);

    /** A request's answer while the database is down; the pool's timeout, which this replaces, was 30 s. */
    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    @TempDir
    Path workDir;

    @Test
    void restartsAKilledPostmasterAndAnswersAtOnceMeanwhile() throws Exception {
        int port = ApplicationProcess.freePort();
        Path data = workDir.resolve("data");
        try (ApplicationProcess tracker = ApplicationProcess.startWithDemo(ApplicationProcess.HEAP, workDir, port,
                Map.of("COMMUNEDX_DATA_DIR", data.toString())).awaitHealthy()) {
            WebClient signedIn = new WebClient(port).login("xa.yenphu", EntryPages.PASSWORD);
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();

            // A signed-in user who keeps working, page after page, from before the kill until the login works
            // again: on a busy machine this test's own first request may come only after the restart, but some of
            // this user's pages are always under way while the database is down.
            List<HttpResponse<String>> unavailable = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean recovered = new AtomicBoolean();
            AtomicInteger pagesBeforeTheKill = new AtomicInteger();
            AtomicBoolean killedYet = new AtomicBoolean();
            CompletableFuture<Void> working = CompletableFuture.runAsync(() -> {
                while (!recovered.get()) {
                    HttpResponse<String> page = timed(signedIn, signedIn.request("/notifications")
                            .header("Accept", "text/html"));
                    if (page.statusCode() == 503) {
                        unavailable.add(page);
                    }
                    else {
                        assertThat(page.statusCode()).as("/notifications answered %s", page.body()).isEqualTo(200);
                    }
                    if (!killedYet.get()) {
                        pagesBeforeTheKill.incrementAndGet();
                    }
                }
            });
            await().atMost(TestWait.part(10)).until(() -> pagesBeforeTheKill.get() > 0 || working.isDone());
            assertThat(working).isNotCompletedExceptionally();

            // A process of the dead server's that outlives it holds the restart back until it ends, as the restart
            // must (PostmasterRecovery): a stand-in for one keeps the database down until a visitor has been answered
            // meanwhile. Without it a restart quicker than the watchdog's look left nothing to see: the requests of
            // that second waited in the connection pool for the new server and were answered 200.
            Process lingering = lingeringBackend(data.resolve("postgres"));
            assertThat(lingering.isAlive()).as("the stand-in runs: a sleep that is busybox's would exit at once").isTrue();
            long killed = System.nanoTime();
            killedYet.set(true);
            assertThat(postmaster.destroyForcibly()).isTrue();
            try {
                await().atMost(TestWait.part(10)).pollInterval(Duration.ofMillis(100))
                        .until(() -> tracker.output().contains("has died; starting it again"));
                WebClient visitor = new WebClient(port);
                HttpResponse<String> page = timed(visitor, visitor.request("/login").header("Accept", "text/html"));
                HttpResponse<String> api = timed(visitor, visitor.request("/api/v1/frameworks")
                        .header("Accept", "application/json"));
                assertThat(List.of(page.statusCode(), api.statusCode())).as("answers while it restarted")
                        .containsOnly(503);
                assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                        .startsWith("application/json"));
                unavailable.add(page);
                unavailable.add(api);
                lingering.destroy();
                await().atMost(TestWait.target(LOGIN_AGAIN)).pollInterval(Duration.ofMillis(100))
                        .until(() -> loginWorks(port, unavailable));
                recovered.set(true);
                working.get(TestWait.part(10).toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (AssertionError | ConditionTimeoutException ex) {
                // What the application logged says why; the answer alone is an error page.
                String output = tracker.output();
                throw new AssertionError(ex.getMessage() + "\nThe application's last output:\n"
                        + output.substring(Math.max(0, output.length() - 20_000)), ex);
            }
            finally {
                recovered.set(true);
                lingering.destroyForcibly();
            }
            Duration downtime = Duration.ofNanos(System.nanoTime() - killed);

            assertThat(tracker.output()).contains("The embedded PostgreSQL on port", "has died; starting it again",
                    "serves again");
            assertThat(unavailable).as("503 answers while it restarted").isNotEmpty().allSatisfy(response -> assertThat(response.body())
                    .satisfiesAnyOf(body -> assertThat(body).contains("Cơ sở dữ liệu tạm thời không truy cập được"),
                            body -> assertThat(body).startsWith("{").contains("\"status\":503")));
            System.out.printf("Login worked again %d ms after the postmaster was killed; %d answers of 503 meanwhile%n",
                    downtime.toMillis(), unavailable.size());
        }
    }

    /**
     * A process that the restart takes for a backend of the dead server: named postgres and working in its data
     * directory. A copy of {@code sleep}, since a process's name is its executable's, links resolved.
     */
    private Process lingeringBackend(Path pgData) throws Exception {
        Path executable = Files.copy(Path.of("/usr/bin/sleep"), workDir.resolve("postgres-lingering"));
        assertThat(executable.toFile().setExecutable(true)).isTrue();
        return new ProcessBuilder(executable.toString(), "600").directory(pgData.toFile()).start();
    }

    /** One attempt, as a user makes it: an API call, the login page, the login, the start page. */
    private static boolean loginWorks(int port, List<HttpResponse<String>> unavailable) {
        WebClient client = new WebClient(port);
        HttpResponse<String> api = timed(client, client.request("/api/v1/frameworks").header("Accept",
                "application/json"));
        if (api.statusCode() == 503) {
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/json"));
            unavailable.add(api);
        }
        HttpResponse<String> page = timed(client, client.request("/login").header("Accept", "text/html"));
        if (page.statusCode() == 503) {
            unavailable.add(page);
            return false;
        }
        String token = WebClient.csrfToken(page);
        HttpResponse<String> login = timed(client, client.request("/login").header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=xa.yenphu&password=Demo%402025%21&_csrf=" + token)));
        if (login.statusCode() == 503) {
            unavailable.add(login);
            return false;
        }
        assertThat(login.statusCode()).as("login answered %s", login.body()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .doesNotContain("error"));
        return timed(client, client.request("/").header("Accept", "text/html")).statusCode() == 302;
    }

    private static HttpResponse<String> timed(WebClient client, HttpRequest.Builder request) {
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(request.timeout(TestWait.part(10)).build());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("%s answered", response.uri())
                .isLessThanOrEqualTo(TestWait.target(AT_ONCE));
        return response;
    }
}
