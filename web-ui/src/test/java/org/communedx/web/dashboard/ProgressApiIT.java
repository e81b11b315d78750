package org.communedx.web.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of the progress and plan API, as a script sees it with HTTP Basic, and its OpenAPI description. */
@TrackerIntegrationTest
class ProgressApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aCommunesProgressHasItsPercentagesGroupsAndCriteria() {
        HttpResponse<String> response = get("/api/v1/units/05305/progress?period=2025", "tinh.hoabinh");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Set-Cookie")).as("no session for scripts").isEmpty();
        JsonNode progress = JSON.readTree(response.body());
        assertThat(progress.get("unitCode").asString()).isEqualTo("05305");
        assertThat(progress.get("level").asString()).isEqualTo("COMMUNE");
        assertThat(progress.get("year").asInt()).isEqualTo(2025);
        assertThat(progress.get("verifiedPercent").isNumber()).isTrue();
        assertThat(progress.get("verifiedPercent").decimalValue().scale()).as("one decimal").isEqualTo(1);
        assertThat(progress.get("claimedPercent").isNumber()).isTrue();
        assertThat(progress.get("groups")).hasSize(6);
        assertThat(progress.get("criteria")).hasSize(27);
        JsonNode criterion = progress.get("criteria").get(0);
        assertThat(List.of("code", "status", "value", "met")).allSatisfy(field -> assertThat(criterion.has(field))
                .as(field).isTrue());
        assertThat(response.body()).containsPattern("\"verifiedPercent\":\\d{1,3}\\.\\d[,}]");
    }

    /** 2026 is on the demo's sample points version DX-XA 2.0: the points beside the percentages, out of 1,000. */
    @Test
    void aCommunesProgressOnThePointsVersionHasItsPoints() {
        JsonNode progress = JSON.readTree(get("/api/v1/units/05287/progress?period=2026", "tinh.phutho").body());

        assertThat(progress.get("criteria")).hasSize(27);
        // At most one criterion of a sample commune is accepted as not applicable, and none is worth over 50.
        assertThat(progress.get("maxScore").decimalValue()).isBetween(new BigDecimal("950"), new BigDecimal("1000"));
        assertThat(progress.get("score").decimalValue()).isPositive()
                .isLessThanOrEqualTo(progress.get("claimedScore").decimalValue());
        assertThat(progress.get("verifiedPercent").decimalValue()).isEqualByComparingTo(progress.get("score")
                .decimalValue().multiply(BigDecimal.valueOf(100))
                .divide(progress.get("maxScore").decimalValue(), 1, RoundingMode.HALF_UP));
        List<String> rules = new ArrayList<>();
        progress.get("criteria").forEach(criterion -> rules.add(criterion.get("scoring").asString()));
        assertThat(rules).contains("PROPORTIONAL", "STEPS", "LEVELS", "ALL_OR_NOTHING");
    }

    /** The province's average points are the dashboard's, to the hundredth it shows. */
    @Test
    void aProvincesProgressOnThePointsVersionHasTheDashboardsAveragePoints() {
        JsonNode progress = JSON.readTree(get("/api/v1/units/25/progress?period=2026", "tinh.phutho").body());
        String dashboard = new WebClient(port).login("tinh.phutho", "Demo@2025!")
                .get("/units/25/dashboard?lang=en").body();

        BigDecimal average = progress.get("averageScore").decimalValue();
        assertThat(progress.get("maxScore").decimalValue()).isEqualByComparingTo("1000");
        assertThat(dashboard).contains(average.setScale(2, RoundingMode.HALF_UP).toPlainString() + " / 1,000");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode commune : progress.get("communes")) {
            // A commune that has not begun has no points, and counts 0 in the average.
            if (!commune.path("score").isNull() && !commune.path("score").isMissingNode()) {
                sum = sum.add(commune.get("score").decimalValue());
            }
        }
        assertThat(sum.divide(BigDecimal.valueOf(progress.get("communeCount").asInt()), 2, RoundingMode.HALF_UP))
                .isEqualByComparingTo(average.setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void aDistrictsProgressListsItsCommunes() {
        JsonNode progress = JSON.readTree(get("/api/v1/units/157/progress?period=2025", "huyen.lacson").body());

        assertThat(progress.get("level").asString()).isEqualTo("DISTRICT");
        assertThat(progress.get("communeCount").asInt()).isEqualTo(24);
        assertThat(progress.get("averageVerifiedPercent").decimalValue().scale()).isEqualTo(1);
        assertThat(progress.get("communes")).hasSize(24);
        JsonNode first = progress.get("communes").get(0);
        assertThat(List.of("code", "name", "started", "verifiedPercent", "claimedPercent"))
                .allSatisfy(field -> assertThat(first.has(field)).as(field).isTrue());
        // A commune that has written nothing has zeros that are no score: "started" tells them from a real 0. In
        // 2026 the demo's values are of some of Phú Thọ's communes only.
        JsonNode phuTho = JSON.readTree(get("/api/v1/units/25/progress?period=2026", "tinh.phutho").body());
        assertThat(phuTho.get("communes")).anySatisfy(commune -> assertThat(commune.get("started").asBoolean())
                .isTrue()).anySatisfy(commune -> assertThat(commune.get("started").asBoolean()).isFalse());
    }

    @Test
    void plansHaveTheirTargetDeadlineCountsStatusAndForecast() {
        JsonNode plans = JSON.readTree(get("/api/v1/plans", "tinh.phutho").body());

        assertThat(plans).hasSizeGreaterThanOrEqualTo(2);
        JsonNode province = null;
        for (JsonNode plan : plans) {
            if (plan.get("name").asString().endsWith("tỉnh Phú Thọ năm 2026")) {
                province = plan;
            }
        }
        assertThat(province).isNotNull();
        assertThat(province.get("targetPercent").asInt()).isEqualTo(40);
        assertThat(province.get("deadline").asString()).isEqualTo("2026-12-31");
        assertThat(province.get("status").asString()).isIn("ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "MISSED");
        assertThat(province.get("communesAtTarget").isInt()).isTrue();
        assertThat(province.get("projectedAtTarget").isInt()).isTrue();
        assertThat(province.get("communes").get(0).get("projected").isNumber()).isTrue();

        JsonNode one = JSON.readTree(get("/api/v1/plans/" + province.get("id").asLong(), "tinh.phutho").body());
        assertThat(one.get("name").asString()).isEqualTo(province.get("name").asString());
        assertThat(get("/api/v1/plans/" + province.get("id").asLong(), "tinh.hoabinh").statusCode())
                .as("the old province does not reach the new one's plan").isEqualTo(404);
    }

    @Test
    void outsideTheScopeThereIsNothing() {
        assertThat(get("/api/v1/units/157/progress?period=2025", "xa.yenphu").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/units/05305/progress?period=1999", "tinh.hoabinh").statusCode()).isEqualTo(404);
        assertThat(new WebClient(port).get("/api/v1/plans", "application/json").statusCode()).isEqualTo(401);
    }

    /** A script reads why in JSON, in its own language, and is given no session it did not ask for. */
    @Test
    void refusedReadsAreProblemJson() {
        HttpResponse<String> missing = get("/api/v1/plans/999999", "tinh.phutho");
        HttpResponse<String> noPeriod = get("/api/v1/units/25/progress?period=1999", "tinh.phutho");
        HttpResponse<String> badPeriod = get("/api/v1/units/25/progress?period=abc", "tinh.phutho");

        for (HttpResponse<String> refused : List.of(missing, noPeriod)) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("api.refused.notFound");
            assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(JSON.readTree(missing.body()).path("detail").asString())
                .isEqualTo("Không tìm thấy, hoặc nằm ngoài phạm vi của bạn.");
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(badPeriod.body()).path("detail").asString())
                .isEqualTo("Tham số period thiếu hoặc không hợp lệ.");
    }

    /**
     * A year may hold two periods (the reform year did for some provinces), and {@code ?period=YEAR} answers the
     * latest: the periods list gives every id, and {@code ?periodId=} names one exactly.
     */
    @Test
    void theApiListsThePeriodsAndNamesOneByItsId() {
        HttpResponse<String> listed = get("/api/v1/periods", "xa.yenphu");
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode periods = JSON.readTree(listed.body());
        Map<String, JsonNode> byName = new HashMap<>();
        periods.forEach(period -> byName.put(period.get("name").asString(), period));
        JsonNode year2025 = byName.get("Năm 2025");
        assertThat(year2025.get("year").asInt()).isEqualTo(2025);
        assertThat(year2025.get("startDate").asString()).isEqualTo("2025-01-01");
        assertThat(year2025.get("framework").asString()).isEqualTo("DX-XA 1.0");
        assertThat(List.of("id", "endDate", "submissionDeadline", "closesAfter"))
                .allSatisfy(field -> assertThat(year2025.has(field)).as(field).isTrue());

        long id = year2025.get("id").asLong();
        JsonNode byId = JSON.readTree(get("/api/v1/units/157/progress?periodId=" + id, "tinh.hoabinh").body());
        JsonNode byYear = JSON.readTree(get("/api/v1/units/157/progress?period=2025", "tinh.hoabinh").body());
        assertThat(byId.get("periodId").asLong()).isEqualTo(id);
        assertThat(byId.get("year").asInt()).isEqualTo(2025);
        assertThat(byId).isEqualTo(byYear);

        assertThat(get("/api/v1/units/157/progress?periodId=999999", "tinh.hoabinh").statusCode()).isEqualTo(404);
        HttpResponse<String> neither = get("/api/v1/units/157/progress", "tinh.hoabinh");
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(neither.body()).path("detail").asString()).as("either would do: both are named")
                .isEqualTo("Tham số period/periodId thiếu hoặc không hợp lệ.");
    }

    @Test
    void theOpenApiDescriptionNamesEveryApiRoute() {
        JsonNode docs = JSON.readTree(new WebClient(port).get("/v3/api-docs", "application/json").body());

        Map<String, Object> paths = JSON.convertValue(docs.get("paths"), Map.class);
        assertThat(paths).containsKeys("/api/v1/units/{code}/progress", "/api/v1/plans", "/api/v1/plans/{id}",
                "/api/v1/units", "/api/v1/frameworks", "/api/v1/periods");
        assertThat(paths.keySet()).allSatisfy(path -> assertThat(path).startsWith("/api/"));
    }

    @Test
    void theOpenApiDescriptionDeclaresBearerTokensAndHttpBasicForEveryOperation() {
        JsonNode docs = JSON.readTree(new WebClient(port).get("/v3/api-docs", "application/json").body());

        JsonNode schemes = docs.get("components").get("securitySchemes");
        JsonNode bearer = schemes.get("bearerToken");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.get("bearerFormat").asString()).isEqualTo("cdx_<id>_<secret>");
        assertThat(bearer.get("description").asString()).contains("/api-tokens");
        JsonNode basic = schemes.get("basicAccount");
        assertThat(basic.get("type").asString()).isEqualTo("http");
        assertThat(basic.get("scheme").asString()).isEqualTo("basic");
        assertThat(basic.get("description").asString()).isNotBlank();
        // Either one, for the whole description: no operation overrides it.
        assertThat(docs.get("security").toString()).isEqualTo("[{\"bearerToken\":[]},{\"basicAccount\":[]}]");
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> assertThat(
                operation.getValue().has("security")).as(path.getKey() + " " + operation.getKey()).isFalse()));
    }

    /**
     * A client generated from the description knows what the API refuses, as problem JSON, and how an evidence file
     * is sent: it had listed only 200, and the upload as 200 with a nested form.
     */
    @Test
    void theOpenApiDescriptionNamesTheRefusalsAndTheUploadsFields() {
        JsonNode docs = JSON.readTree(new WebClient(port).get("/v3/api-docs", "application/json").body());

        assertThat(docs.get("info").get("title").asString()).isEqualTo("Commune DX Tracker API");
        assertThat(docs.get("components").get("schemas").get("Problem").get("properties").has("code")).isTrue();
        JsonNode progress = docs.get("paths").get("/api/v1/units/{code}/progress").get("get").get("responses");
        assertThat(progress.has("200")).isTrue();
        for (String status : List.of("400", "401", "403", "404")) {
            assertThat(progress.get(status).get("content").has("application/problem+json")).as(status).isTrue();
        }
        JsonNode value = docs.get("paths").get("/api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}/value")
                .get("put").get("responses");
        assertThat(value.has("409") && value.has("412") && value.has("428") && value.has("415")).isTrue();
        JsonNode upload = docs.get("paths")
                .get("/api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}/evidence").get("post");
        assertThat(upload.get("responses").get("201").get("content").has("application/json")).isTrue();
        JsonNode schema = upload.get("requestBody").get("content").get("multipart/form-data").get("schema");
        JsonNode fields = schema.has("$ref") ? docs.get("components").get("schemas")
                .get(schema.get("$ref").asString().replace("#/components/schemas/", "")).get("properties")
                : schema.get("properties");
        assertThat(fields.get("file").get("format").asString()).isEqualTo("binary");
        assertThat(fields.has("title") && fields.has("issuingBody") && fields.has("documentDate")).isTrue();
    }

    /**
     * A description a client generator takes: every parameter has a schema (If-Match and Idempotency-Key had none,
     * which OpenAPI requires), no answer is "any type, a string" (the writes' were, while they answer an entry or
     * counts), and every answer of an entry says its ETag, which the next write's If-Match sends.
     */
    @Test
    void theOpenApiDescriptionTypesEveryParameterAndAnswerAndTheEntrysETag() {
        JsonNode docs = JSON.readTree(new WebClient(port).get("/v3/api-docs", "application/json").body());

        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String where = operation.getKey() + " " + path.getKey();
            JsonNode parameters = operation.getValue().get("parameters");
            if (parameters != null) {
                parameters.forEach(parameter -> assertThat(parameter.has("schema") || parameter.has("content"))
                        .as(where + " " + parameter.get("name")).isTrue());
            }
            operation.getValue().get("responses").properties().forEach(response -> {
                JsonNode content = response.getValue().get("content");
                assertThat(content == null || !content.has("*/*")).as(where + " " + response.getKey()).isTrue();
            });
        }));
        String entry = "/api/v1/communes/{code}/periods/{periodId}/criteria/{criterion}";
        for (String[] write : new String[][] { { entry, "get", "200" }, { entry + "/value", "put", "200" },
                { entry + "/submit", "post", "200" }, { entry + "/evidence", "post", "201" } }) {
            JsonNode answer = docs.get("paths").get(write[0]).get(write[1]).get("responses").get(write[2]);
            assertThat(answer.get("headers").has("ETag")).as(write[1] + " " + write[0]).isTrue();
        }
        JsonNode value = docs.get("paths").get(entry + "/value").get("put").get("responses").get("200").get("content")
                .get("application/json").get("schema");
        assertThat(value.get("$ref").asString()).endsWith("/Entry");
        JsonNode counts = docs.get("paths").get("/api/v1/periods/{periodId}/suggested-values").get("put")
                .get("responses").get("200").get("content").get("application/json").get("schema");
        assertThat(counts.get("$ref").asString()).endsWith("/Outcome");
    }

    private HttpResponse<String> get(String path, String username) {
        WebClient client = new WebClient(port);
        String credentials = Base64.getEncoder().encodeToString((username + ":Demo@2025!")
                .getBytes(StandardCharsets.UTF_8));
        return client.send(client.request(path).header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json").GET().build());
    }
}
