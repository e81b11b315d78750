package org.communedx.web.packaging;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.scaled.yml and deploy/nginx.conf, read as files: nothing here runs Docker (the build machines have
 * no engine). They must agree with the application's own settings, which is what can drift apart.
 */
class ScaledComposeTests {

    private static final Path ROOT = Path.of("..");

    @Test
    void bothInstancesShareSessionsAndTheBucketAndStopGracefully() throws IOException {
        Map<String, Object> services = map(load(ROOT.resolve("docker-compose.scaled.yml")).get("services"));
        Map<String, Object> application = load(Path.of("src/main/resources/application.yml"));
        Duration shutdown = duration(String.valueOf(
                map(map(application.get("spring")).get("lifecycle")).get("timeout-per-shutdown-phase")));

        assertThat(services).containsKeys("db", "s3", "bucket", "app1", "app2", "proxy");
        for (String app : List.of("app1", "app2")) {
            Map<String, Object> service = map(services.get(app));
            Map<String, Object> environment = map(service.get("environment"));
            assertThat(environment).as(app).containsEntry("COMMUNEDX_SESSIONS", "jdbc")
                    .containsEntry("COMMUNEDX_EVIDENCE_STORE", "s3").containsEntry("COMMUNEDX_INSTANCENAME", app)
                    .containsKeys("SPRING_DATASOURCE_URL", "COMMUNEDX_EVIDENCE_S3_ENDPOINT",
                            "COMMUNEDX_EVIDENCE_S3_BUCKET", "COMMUNEDX_EVIDENCE_S3_ACCESSKEY",
                            "COMMUNEDX_EVIDENCE_S3_SECRETKEY");
            assertThat(duration(String.valueOf(service.get("stop_grace_period")))).as(app + ": Docker waits longer "
                    + "than the application lets requests finish").isGreaterThan(shutdown);
            assertThat(String.valueOf(map(service.get("healthcheck")).get("test")))
                    .contains("/actuator/health/readiness");
        }
        assertThat(map(services.get("proxy")).get("volumes").toString()).contains("./deploy/nginx.conf");
    }

    /**
     * The instances believe the client address that nginx alone sends, and nginx sends the address the client
     * connected from, never one the client wrote: the wrong-password limits count by it.
     */
    @Test
    void theInstancesBelieveOnlyNginxAboutTheClientsAddress() throws IOException {
        Map<String, Object> services = map(load(ROOT.resolve("docker-compose.scaled.yml")).get("services"));
        String proxyAddress = String.valueOf(map(map(map(services.get("proxy")).get("networks")).get("default"))
                .get("ipv4_address"));

        for (String app : List.of("app1", "app2")) {
            Pattern believed = Pattern.compile(String.valueOf(map(map(services.get(app)).get("environment"))
                    .get("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES")));
            assertThat(believed.matcher(proxyAddress).matches()).as(app + " believes nginx").isTrue();
            assertThat(believed.matcher("172.30.0.11").matches()).as(app + ": no other address").isFalse();
        }
        assertThat(Files.readString(ROOT.resolve("deploy/nginx.conf")))
                .contains("proxy_set_header X-Forwarded-For $remote_addr;")
                .doesNotContain("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
    }

    @Test
    void nginxTakesTheUploadsTheApplicationTakes() throws IOException {
        String nginx = Files.readString(ROOT.resolve("deploy/nginx.conf"));
        Map<String, Object> multipart = map(map(map(load(Path.of("src/main/resources/application.yml"))
                .get("spring")).get("servlet")).get("multipart"));

        Matcher limit = Pattern.compile("client_max_body_size (\\d+)m;").matcher(nginx);
        assertThat(limit.find()).isTrue();
        assertThat(limit.group(1) + "MB").isEqualTo(multipart.get("max-request-size"));
        assertThat(nginx).contains("server app1:8080").contains("server app2:8080")
                .contains("proxy_next_upstream error http_503 non_idempotent;");
    }

    /**
     * A background job lives in one instance's memory, so the request that starts it and every request for its page
     * must reach that instance: nginx sends them by the session cookie. Every job page the controllers map, and the
     * forms that start jobs, fall under that location.
     */
    @Test
    void nginxSendsABrowsersJobRequestsToOneInstance() throws IOException {
        String nginx = Files.readString(ROOT.resolve("deploy/nginx.conf"));
        Matcher location = Pattern.compile("location ~ (\\S+) \\{\\s*proxy_pass http://tracker_by_session;")
                .matcher(nginx);
        assertThat(location.find()).as("a location for the jobs' requests").isTrue();
        assertThat(nginx).contains("hash $cookie_SESSION consistent;");
        Pattern byCookie = Pattern.compile(location.group(1));
        List<String> jobPages = mappedPaths().filter(path -> path.contains("/jobs/")).toList();

        assertThat(jobPages).as("every kind of job's pages").hasSizeGreaterThanOrEqualTo(3);
        assertThat(Stream.concat(jobPages.stream(), Stream.of("/users/import", "/units/import/list",
                "/units/import/merges", "/mappings/{id}/prefill", "/periods/{periodId}/value-import"))
                .map(path -> path.replace("{id}", "12").replace("{periodId}", "3")))
                .allSatisfy(path -> assertThat(byCookie.matcher(path).find()).as(path).isTrue());
        assertThat(byCookie.matcher("/communes/05305/periods/4").find()).as("nothing else").isFalse();
    }

    private static Stream<String> mappedPaths() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        return scanner.findCandidateComponents("org.communedx.web").stream()
                .map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .flatMap(controller -> Arrays.stream(controller.getDeclaredMethods()))
                .map(method -> AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class))
                .filter(mapping -> mapping != null).flatMap(mapping -> Arrays.stream(mapping.path()));
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** "30s" or "45s", as both files write their times. */
    private static Duration duration(String seconds) {
        assertThat(seconds).matches("\\d+s");
        return Duration.ofSeconds(Long.parseLong(seconds.substring(0, seconds.length() - 1)));
    }
}
