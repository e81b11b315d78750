package org.communedx.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.communedx.service.testsupport.TestWait;

import static org.awaitility.Awaitility.await;

/**
 * The packaged application ({@code target/commune-dx-tracker.jar}) in its own JVM, as an operator starts it.
 * Output goes to a log file that the test can read.
 */
public final class ApplicationProcess implements AutoCloseable {

    private final Process process;

    private final Path log;

    private final int port;

    private ApplicationProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The heap the tests give the application unless they are about memory. */
    public static final String HEAP = "384m";

    /**
     * Without the demo's data ({@code communedx.demo-data=false}): a test that is not about the demo neither waits for
     * its seeding nor depends on it.
     */
    public static ApplicationProcess start(Path workDir, int port, Map<String, String> environment,
            String... arguments) {
        List<String> withoutDemo = new ArrayList<>(List.of("--communedx.demo-data=false"));
        withoutDemo.addAll(List.of(arguments));
        return launch(HEAP, workDir, port, environment, withoutDemo);
    }

    /**
     * With the demo's units, accounts and sample assessments, for tests that act as a demo user in a demo commune,
     * and a given maximum heap (-Xmx), e.g. to show that uploads stream rather than buffer.
     */
    public static ApplicationProcess startWithDemo(String maxHeap, Path workDir, int port,
            Map<String, String> environment, String... arguments) {
        return launch(maxHeap, workDir, port, environment, List.of(arguments));
    }

    /**
     * The jar as {@code bin/extract-with-cds.sh} unpacked it, with its class data sharing archive, without the demo.
     * {@code -Xshare:on} makes the JVM refuse to start rather than run without an archive it cannot use.
     */
    public static ApplicationProcess startUnpacked(Path unpackedJar, Path archive, Path workDir, int port) {
        return launch(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive), unpackedJar, HEAP, workDir, port,
                Map.of(), List.of("--communedx.demo-data=false"));
    }

    /**
     * Only the first of the JIT's tiers: a start then takes about half the CPU time (19 s instead of 35 on the
     * development machine) and three quarters of the wall time, which on two cores shared with the test's own JVM adds
     * up over some twenty starts. What the application does is the same; start times are measured by
     * {@code bench/start-up.sh} with the JVM's defaults, never here. The collector stays the default one, as the
     * tests about memory need.
     */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1");

    private static ApplicationProcess launch(String maxHeap, Path workDir, int port, Map<String, String> environment,
            List<String> arguments) {
        return launch(QUICK_START, jar(), maxHeap, workDir, port, environment, arguments);
    }

    private static ApplicationProcess launch(List<String> jvmOptions, Path jar, String maxHeap, Path workDir, int port,
            Map<String, String> environment, List<String> arguments) {
        try {
            Files.createDirectories(workDir);
            Path log = Files.createTempFile(workDir, "application", ".log");
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + maxHeap));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("COMMUNEDX_"));
            builder.environment().putAll(environment);
            return new ApplicationProcess(builder.start(), log, port);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public ApplicationProcess awaitHealthy() {
        return awaitAnswer("/actuator/health",
                health -> health.statusCode() == 200 && health.body().contains("\"UP\""));
    }

    /**
     * Waits until the application serves its pages (the login page, which answers 503 while it starts), whatever
     * its health says: for a test of an application that is meant to report itself unhealthy, such as one whose
     * disk is below the evidence reserve.
     */
    public ApplicationProcess awaitServing() {
        return awaitAnswer("/login", page -> page.statusCode() == 200);
    }

    private ApplicationProcess awaitAnswer(String path, Predicate<HttpResponse<String>> ready) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TestWait.part(10)).build();
        await().atMost(TestWait.budget()).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("The application exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                return ready.test(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(TestWait.part(10)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            catch (IOException notYetListening) {
                return false;
            }
        });
        return this;
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(TestWait.budget().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The application did not exit:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, as after {@code kill -9} or a power cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(TestWait.part(10).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGTERM: Spring shuts down in order. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(TestWait.part(5).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The application did not stop:\n" + output());
        }
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The packaged jar that Maven built before the integration tests. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("communedx.jar", "target/commune-dx-tracker.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; run ./mvnw verify, which packages it first");
        }
        return jar.toAbsolutePath();
    }
}
