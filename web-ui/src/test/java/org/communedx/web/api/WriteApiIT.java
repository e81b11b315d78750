package org.communedx.web.api;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write API as a script sees it with HTTP Basic: a commune's value, evidence and submission with If-Match and
 * Idempotency-Key, and provincial systems' suggested values, with every refusal's status and problem JSON.
 */
@TrackerIntegrationTest
class WriteApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    long period;

    String entry;

    @BeforeEach
    void freshPeriod() {
        period = new EntryPages(frameworks, periods, transaction).newPeriod();
        entry = "/api/v1/communes/05305/periods/" + period + "/criteria/G1.C1";
    }

    @Test
    void aCommuneSetsAValueWithItsVersionAndSubmitsIt() {
        HttpResponse<String> read = send("GET", entry, "xa.yenphu", null, null, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(json(read).get("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(jdbc.queryForObject("select count(*) from assessment where period_id = ?", Long.class, period))
                .as("a GET writes nothing").isZero();

        HttpResponse<String> saved = send("PUT", entry + "/value", "xa.yenphu", "\"0\"", null,
                "{\"value\": \"18/20\", \"explanation\": \"Theo danh sách\"}");
        assertThat(saved.statusCode()).isEqualTo(200);
        JsonNode body = json(saved);
        assertThat(body.get("status").asString()).isEqualTo("DRAFT");
        assertThat(body.get("value").asString()).isEqualTo("18/20");
        String etag = saved.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + body.get("version").asLong() + "\"");
        // Text typed with combining marks is composed, and measured so: 700 "Ệ" were 2,100 characters, refused.
        String decomposed = java.text.Normalizer.normalize("Ệ", java.text.Normalizer.Form.NFD).repeat(700);
        HttpResponse<String> composed = send("PUT", entry + "/value", "xa.yenphu", etag, null,
                "{\"value\": \"18/20\", \"explanation\": \"" + decomposed + "\"}");
        assertThat(composed.statusCode()).as(composed.body()).isEqualTo(200);
        assertThat(json(composed).get("explanation").asString()).isEqualTo("Ệ".repeat(700));
        body = json(composed);
        etag = composed.headers().firstValue("ETag").orElseThrow();
        assertThat(json(send("GET", entry, "xa.yenphu", null, null, null)).get("lastChangedAt").asString())
                .as("the time a write answered is the one read back (PostgreSQL keeps microseconds)")
                .isEqualTo(body.get("lastChangedAt").asString());

        HttpResponse<String> submitted = send("POST", entry + "/submit", "xa.yenphu", etag, null, "");
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(json(submitted).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(send("GET", entry, "huyen.lacson", null, null, null).headers().firstValue("ETag"))
                .as("the reviewer reads what was submitted").isEqualTo(submitted.headers().firstValue("ETag"));
    }

    /** A refused write leaves a commune that has begun nothing as it was: no assessment, not ranked at 0. */
    @Test
    void aRefusedFirstWriteStoresNothing() {
        HttpResponse<String> submitted = send("POST", entry + "/submit", "xa.yenphu", "\"0\"", null, "");
        assertThat(submitted.statusCode()).isEqualTo(409);
        assertThat(json(submitted).get("code").asString()).isEqualTo("entry.refused.transition");
        HttpResponse<String> nul = send("PUT", entry + "/value", "xa.yenphu", "\"0\"", null,
                "{\"value\": \"18/20\", \"explanation\": \"Theo danh s\\u0000ch\"}");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(json(nul).get("code").asString()).isEqualTo("api.refused.controlCharacter");
        assertThat(jdbc.queryForObject("select count(*) from assessment where period_id = ?", Long.class, period))
                .isZero();
    }

    @Test
    void everyRefusalHasItsStatusAndProblem() {
        HttpResponse<String> noIfMatch = send("PUT", entry + "/value", "xa.yenphu", null, null, "{\"value\": \"1/2\"}");
        assertThat(noIfMatch.statusCode()).isEqualTo(428);
        assertThat(noIfMatch.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(noIfMatch).get("code").asString()).isEqualTo("api.refused.ifMatchRequired");

        HttpResponse<String> wrongType = send("PUT", entry + "/value", "xa.yenphu", "\"0\"", null,
                "{\"value\": \"nhiều\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("errors").get(0).get("field").asString()).isEqualTo("value");
        assertThat(json(wrongType).get("errors").get(0).get("code").asString()).isEqualTo("entry.value.unreadable");
        HttpResponse<String> outOfRange = send("PUT", entry + "/value", "xa.yenphu", "\"0\"", null,
                "{\"value\": {\"numerator\": 21, \"denominator\": 20}}");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(json(outOfRange).get("errors").get(0).get("code").asString())
                .isEqualTo("entry.value.numeratorAboveDenominator");
        HttpResponse<String> level = send("PUT", "/api/v1/communes/05305/periods/" + period + "/criteria/G1.C2/value",
                "xa.yenphu", "\"0\"", null, "{\"value\": 4}");
        assertThat(json(level).get("errors").get(0).get("message").asString())
                .isEqualTo("Mức 4 không hợp lệ; chọn mức 0, 1, 2 hoặc 3.");

        assertThat(send("PUT", entry + "/value", "xa.yenphu", "\"0\"", null, "{\"value\": \"18/20\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> stale = send("PUT", entry + "/value", "xa.yenphu", "\"0\"", null, "{\"value\": \"1/20\"}");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(send("GET", entry, "xa.yenphu", null, null, null)).get("value").asString())
                .as("nothing overwritten").isEqualTo("18/20");

        assertThat(send("PUT", entry + "/value", "xa.annghia", "\"1\"", null, "{\"value\": \"1/20\"}").statusCode())
                .as("another commune's staff: not there").isEqualTo(404);
        assertThat(send("GET", entry, "xa.annghia", null, null, null).statusCode()).isEqualTo(404);
        assertThat(send("PUT", entry + "/value", "tinh.hoabinh", "\"1\"", null, "{\"value\": \"1/20\"}").statusCode())
                .as("a province manager does not enter values").isEqualTo(403);
        WebClient anonymous = new WebClient(port);
        assertThat(anonymous.send(anonymous.request(entry + "/value").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode()).isEqualTo(401);
        assertThat(send("PUT", "/api/v1/communes/05305/periods/999999/criteria/G1.C1/value", "xa.yenphu", "\"0\"",
                null, "{\"value\": \"1/2\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void anIdempotencyKeyGivesTheFirstAnswerAgainAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = send("PUT", entry + "/value", "xa.yenphu", "\"0\"", key, "{\"value\": \"18/20\"}");
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> again = send("PUT", entry + "/value", "xa.yenphu", "\"0\"", key, "{\"value\": \"18/20\"}");
        assertThat(again.statusCode()).as("not a stale version: the first answer again").isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(send("GET", entry, "xa.yenphu", null, null, null).headers().firstValue("ETag"))
                .as("acted once").isEqualTo(first.headers().firstValue("ETag"));

        HttpResponse<String> other = send("PUT", entry + "/value", "xa.yenphu", "\"0\"", key, "{\"value\": \"1/20\"}");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("code").asString()).isEqualTo("api.refused.keyReused");
        assertThat(send("PUT", entry + "/value", "xa.annghia", "\"0\"", key, "{\"value\": \"18/20\"}").statusCode())
                .as("keys are the caller's own: another user's same key acts for them (and is refused here)")
                .isEqualTo(404);

        String bulkKey = UUID.randomUUID().toString();
        String bulk = "{\"source\": \"Một cửa\", \"suggestions\": [{\"communeCode\": \"05305\", "
                + "\"criterionCode\": \"G1.C2\", \"value\": 2}]}";
        HttpResponse<String> put = send("PUT", "/api/v1/periods/" + period + "/suggested-values", "tinh.hoabinh",
                null, bulkKey, bulk);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/v1/periods/" + period + "/suggested-values", "tinh.hoabinh", null, bulkKey, bulk)
                .body()).isEqualTo(put.body());
    }

    @Test
    void evidenceIsCheckedAsOnThePage() {
        HttpResponse<String> pdf = multipart(entry + "/evidence", "xa.yenphu", "bien-ban.pdf", SampleFiles.pdf(1));
        assertThat(pdf.statusCode()).isEqualTo(201);
        assertThat(json(pdf).get("type").asString()).isEqualTo("PDF");
        HttpResponse<String> after = send("GET", entry, "xa.yenphu", null, null, null);
        assertThat(json(after).get("status").asString()).as("a file starts the work").isEqualTo("DRAFT");
        assertThat(pdf.headers().firstValue("ETag")).as("the entry's version after the file, for the next If-Match")
                .isEqualTo(after.headers().firstValue("ETag")).isNotEmpty();

        HttpResponse<String> disguised = multipart(entry + "/evidence", "xa.yenphu", "bien-ban.pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(disguised.statusCode()).isEqualTo(400);
        assertThat(json(disguised).get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(multipart(entry + "/evidence", "tinh.hoabinh", "a.pdf", SampleFiles.pdf(1)).statusCode())
                .isEqualTo(403);
    }

    /**
     * A role that may not write is refused as problem JSON, as every other refusal is (it was Spring's default body),
     * and a script is answered in its Accept-Language (it was always Vietnamese).
     */
    @Test
    void refusalsAreProblemJsonInTheCallersLanguage() {
        HttpResponse<String> refused = multipart(entry + "/evidence", "tinh.hoabinh", "a.pdf", SampleFiles.pdf(1));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).get("code").asString()).isEqualTo("api.refused.forbidden");
        assertThat(json(refused).get("detail").asString()).isEqualTo("Vai trò của bạn không được làm việc này.");
        assertThat(json(refused).get("title").asString()).as("the kind of problem, in the caller's language too")
                .isEqualTo("Không có quyền");

        WebClient client = new WebClient(port);
        HttpResponse<String> english = client.send(client.request(entry).header("Authorization", basic("xa.annghia"))
                .header("Accept", "application/json").header("Accept-Language", "en-US,en;q=0.9").GET().build());
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(json(english).get("detail").asString()).isEqualTo("Not found, or outside your scope.");
        assertThat(json(english).get("title").asString()).isEqualTo("Not Found");
        // A language the tracker does not speak is passed over for the next one asked, else Vietnamese.
        for (String[] asked : new String[][] { { "fr, en;q=0.5", "Not found, or outside your scope." },
                { "zh-CN", "Không tìm thấy, hoặc nằm ngoài phạm vi của bạn." } }) {
            HttpResponse<String> answer = client.send(client.request(entry).header("Authorization", basic("xa.annghia"))
                    .header("Accept", "application/json").header("Accept-Language", asked[0]).GET().build());
            assertThat(json(answer).get("detail").asString()).as(asked[0]).isEqualTo(asked[1]);
        }
    }

    /**
     * A closed period refuses every write as the page does, 409 with the deadline in the caller's words: the message's
     * choice of a grace needs the number, not its text (the answer was a 500).
     */
    @Test
    void aClosedPeriodRefusesAWriteWithItsDeadline() {
        jdbc.update("""
                update period set start_date = date '2020-01-01', end_date = date '2020-12-31',
                    submission_deadline = date '2020-12-15', grace_days = 2 where id = ?""", period);

        HttpResponse<String> closed = send("PUT", entry + "/value", "xa.yenphu", "\"0\"", null,
                "{\"value\": \"1/2\"}");
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(json(closed).get("code").asString()).isEqualTo("period.refused.deadlinePassed");
        assertThat(json(closed).get("detail").asString()).contains("hạn nộp 15/12/2020, gia hạn 2 ngày");
        HttpResponse<String> submit = send("POST", entry + "/submit", "xa.yenphu", "\"0\"", null, null);
        assertThat(submit.statusCode()).isEqualTo(409);
        assertThat(json(submit).get("code").asString()).isEqualTo("period.refused.deadlinePassed");
    }

    /**
     * An integrator's wrong address or method is told so, not "your role may not": 405 with the methods the address
     * takes, 404 where nothing answers.
     */
    @Test
    void aWrongMethodOrAddressIsNamedAsSuch() {
        HttpResponse<String> put = send("PUT", entry, "xa.yenphu", "\"0\"", null, "{\"value\": \"1/2\"}");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET");
        assertThat(json(put).get("code").asString()).isEqualTo("api.refused.methodNotAllowed");
        HttpResponse<String> patch = send("PATCH", entry + "/value", "xa.yenphu", "\"0\"", null, "{}");
        assertThat(patch.statusCode()).isEqualTo(405);
        assertThat(patch.headers().firstValue("Allow")).hasValue("PUT");
        HttpResponse<String> nothing = send("GET", "/api/v1/no-such-thing", "xa.yenphu", null, null, null);
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(json(nothing).get("code").asString()).isEqualTo("api.refused.notFound");
        // One shape before a controller and from one: "about:blank", the type an absent one means, left out of both.
        HttpResponse<String> unknownUnit = send("GET", "/api/v1/units/99999", "xa.yenphu", null, null, null);
        assertThat(unknownUnit.statusCode()).isEqualTo(404);
        for (HttpResponse<String> refused : List.of(put, nothing, unknownUnit)) {
            assertThat(json(refused).has("type")).as(refused.uri().toString()).isFalse();
            assertThat(json(refused).has("instance")).as(refused.uri().toString()).isTrue();
        }
        assertThat(send("PUT", entry + "/value", "tinh.hoabinh", "\"0\"", null, "{\"value\": \"1/2\"}")
                .statusCode()).as("a role that may not, at an address that takes the method").isEqualTo(403);

        // A monitor's HEAD is answered as the GET, without the body; OPTIONS names the methods.
        HttpResponse<String> head = send("HEAD", "/api/v1/periods", "admin", null, null, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        HttpResponse<String> options = send("OPTIONS", entry + "/value", "xa.yenphu", null, null, null);
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow)
                .contains("PUT", "OPTIONS").doesNotContain("DELETE"));
    }

    /** Named as curl and browsers send a quote (%22), a file keeps it; a refused date names its own field. */
    @Test
    void anUploadKeepsTheQuotesOfItsNameAndARefusedDateNamesItsField() {
        HttpResponse<String> quoted = multipart(entry + "/evidence", "xa.yenphu", "bien ban %22so 2%22.pdf",
                SampleFiles.pdf(1));
        assertThat(quoted.statusCode()).isEqualTo(201);
        assertThat(json(quoted).get("originalName").asString()).isEqualTo("bien ban \"so 2\".pdf");

        HttpResponse<String> future = multipart(entry + "/evidence", "xa.yenphu", "bien-ban.pdf", SampleFiles.pdf(1),
                LocalDate.now().plusYears(1).toString());
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).get("errors").get(0).get("field").asString()).isEqualTo("documentDate");
        assertThat(json(future).get("errors").get(0).get("code").asString()).isEqualTo("evidence.refused.dateInFuture");
    }

    @Test
    void aProvinceSystemPutsSuggestedValuesAllOrNothing() {
        String path = "/api/v1/periods/" + period + "/suggested-values";
        HttpResponse<String> refused = send("PUT", path, "tinh.hoabinh", null, null, """
                {"source": "Một cửa điện tử", "suggestions": [
                  {"communeCode": "05305", "criterionCode": "G1.C1", "value": "18/20", "reference": "MC-1",
                   "measuredAt": "2019-11-30T00:00:00Z"},
                  {"communeCode": "05305", "criterionCode": "G1.C2", "value": 7},
                  {"communeCode": "99999", "criterionCode": "G1.C1", "value": "1/2"},
                  {"communeCode": "05305", "criterionCode": "G2.C3", "value": true, "measuredAt": "hôm qua"}]}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode errors = json(refused).get("errors");
        assertThat(errors).as("an unreadable time with every other problem, in one answer").hasSize(3);
        assertThat(errors.valueStream().map(error -> error.get("index").asInt())).containsExactly(1, 2, 3);
        assertThat(errors.valueStream().map(error -> error.get("field").asString()))
                .containsExactly("value", "communeCode", "measuredAt");
        assertThat(errors.get(2).get("code").asString()).isEqualTo("api.refused.instant");

        refused = send("PUT", path, "tinh.hoabinh", null, null, """
                {"source": "Một cửa điện tử", "suggestions": [
                  {"communeCode": "05305", "criterionCode": "G1.C1", "value": "18/20"},
                  {"communeCode": "05305", "criterionCode": "G1.C2", "value": 7},
                  {"communeCode": "99999", "criterionCode": "G1.C1", "value": "1/2"},
                  {"communeCode": "05305", "criterionCode": "G2.C3", "value": true,
                   "measuredAt": "+999999999-12-31T23:59:59Z"},
                  {"communeCode": "05305", "criterionCode": "G2.C4", "value": 3,
                   "measuredAt": "2009-01-01T00:00:00Z"}]}""");
        assertThat(refused.statusCode()).as("a time past any calendar's day too").isEqualTo(400);
        errors = json(refused).get("errors");
        assertThat(errors).hasSize(4);
        assertThat(errors.valueStream().map(error -> error.get("index").asInt())).containsExactly(1, 2, 3, 4);
        assertThat(errors.valueStream().map(error -> error.get("field").asString()))
                .containsExactly("value", "communeCode", "measuredAt", "measuredAt");
        assertThat(errors.get(3).get("code").asString()).as("a year before the period at most, never after today")
                .isEqualTo("suggestion.measuredAtOutside");
        assertThat(jdbc.queryForObject("select count(*) from suggested_value where period_id = ?", Long.class, period))
                .as("nothing stored").isZero();

        HttpResponse<String> stored = send("PUT", path, "tinh.hoabinh", null, null, """
                {"source": "Một cửa điện tử", "suggestions": [
                  {"communeCode": "05305", "criterionCode": "G1.C1", "value": "18/20", "reference": "MC-1",
                   "measuredAt": "2019-11-30T00:00:00Z"},
                  {"communeCode": "05305", "criterionCode": "G2.C3", "value": true, "measuredAt": "2019-11-30"}]}""");
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(json(stored).get("received").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from suggested_value where period_id = ?", Long.class, period))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                select s.measured_at from suggested_value s join criterion c on c.id = s.criterion_id
                where s.period_id = ? and c.code = 'G2.C3'""", java.sql.Timestamp.class, period).toInstant())
                .as("a day is its start in Vietnam").isEqualTo("2019-11-29T17:00:00Z");

        assertThat(send("PUT", path, "xa.yenphu", null, null, "{}").statusCode()).as("not a commune's").isEqualTo(403);
        assertThat(send("PUT", path, "huyen.lacson", null, null, "{}").statusCode()).isEqualTo(403);
        String one = "/api/v1/communes/05305/periods/" + period + "/criteria/G1.C2/suggested-value";
        assertThat(send("PUT", one, "tinh.hoabinh", null, null, "{\"source\": \"Một cửa\", \"value\": 3}")
                .statusCode()).isEqualTo(200);
        // 95001 lies in a province no demo user belongs to.
        assertThat(send("PUT", one.replace("05305", "95001"), "tinh.hoabinh", null, null,
                "{\"source\": \"Một cửa\", \"value\": 3}").statusCode()).as("another province's commune")
                .isEqualTo(404);
        HttpResponse<String> badOne = send("PUT", one, "tinh.hoabinh", null, null,
                "{\"source\": \"Một cửa\", \"value\": 9}");
        assertThat(badOne.statusCode()).isEqualTo(400);
        assertThat(json(badOne).get("errors").get(0).get("field").asString()).isEqualTo("value");
    }

    @Test
    void aBulkBodyOverTheBoundIsRefusedBeforeItIsRead() {
        byte[] huge = new byte[16 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        WebClient client = new WebClient(port);
        HttpResponse<String> refused = client.send(client.request("/api/v1/periods/" + period + "/suggested-values")
                .header("Authorization", basic("tinh.hoabinh")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(huge)).build());
        assertThat(refused.statusCode()).isEqualTo(413);
    }

    /** A script whose HTTP client kept a cookie of no live session: the cookie carries nobody, so no token is due. */
    @Test
    void aCookieOfNoLiveSessionNeedsNoCsrfToken() {
        WebClient client = new WebClient(port);
        HttpResponse<String> saved = client.send(client.request(entry + "/value").header("Authorization",
                basic("xa.yenphu")).header("Cookie", "JSESSIONID=DEADBEEF; SESSION=DEADBEEF").header("If-Match", "\"0\"")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"18/20\"}")).build());
        assertThat(saved.statusCode()).isEqualTo(200);
    }

    @Test
    void aBrowserSessionNeedsTheCsrfToken() {
        WebClient staff = new WebClient(port).login("xa.yenphu", EntryPages.PASSWORD);
        HttpResponse<String> forged = staff.send(staff.request(entry + "/value").header("If-Match", "\"0\"")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"18/20\"}")).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).get("code").asString()).as("the token, not the role, is at fault")
                .isEqualTo("api.refused.csrf");
    }

    /**
     * A body the API cannot read is named for what it is: JSON cut short is not "not an object", a form post to a
     * JSON address is a 415 with the types taken, and a multipart body Tomcat cannot take apart is problem JSON, not
     * the pages' HTML error page.
     */
    @Test
    void anUnreadableBodyIsNamedAsSuch() {
        HttpResponse<String> cutShort = send("PUT", entry + "/value", "xa.yenphu", "\"0\"", null, "{\"value\": \"1/2\"");
        assertThat(cutShort.statusCode()).isEqualTo(400);
        assertThat(json(cutShort).get("code").asString()).isEqualTo("api.refused.notJson");

        WebClient client = new WebClient(port);
        HttpResponse<String> form = client.send(client.request(entry + "/value").header("Authorization",
                basic("xa.yenphu")).header("If-Match", "\"0\"").header("Content-Type",
                "application/x-www-form-urlencoded").PUT(HttpRequest.BodyPublishers.ofString("value=1%2F2")).build());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(form).get("code").asString()).isEqualTo("api.refused.mediaType");
        assertThat(form.headers().firstValue("Accept")).hasValueSatisfying(
                accept -> assertThat(accept).contains("application/json"));
        HttpResponse<String> untyped = client.send(client.request(entry + "/value").header("Authorization",
                basic("xa.yenphu")).header("If-Match", "\"0\"").PUT(HttpRequest.BodyPublishers.ofString("x"))
                .build());
        assertThat(untyped.statusCode()).isEqualTo(415);
        assertThat(json(untyped).get("code").asString()).as("no type at all, not the type \"null\"")
                .isEqualTo("api.refused.mediaTypeMissing");

        HttpResponse<String> broken = client.send(client.request(entry + "/evidence").header("Authorization",
                basic("xa.yenphu")).header("Content-Type", "multipart/form-data; boundary=communedx")
                .POST(HttpRequest.BodyPublishers.ofString("--communedx\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF")).build());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(broken).get("code").asString()).isEqualTo("api.refused.unreadableUpload");
    }

    private HttpResponse<String> send(String method, String path, String username, String ifMatch, String key,
            String body) {
        WebClient client = new WebClient(port);
        HttpRequest.Builder request = client.request(path).header("Authorization", basic(username))
                .header("Accept", "application/json").header("Accept-Language", "vi");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return client.send(request.build());
    }

    private HttpResponse<String> multipart(String path, String username, String fileName, byte[] file) {
        return multipart(path, username, fileName, file, "2019-06-01");
    }

    private HttpResponse<String> multipart(String path, String username, String fileName, byte[] file,
            String documentDate) {
        String boundary = "----communedx" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] { { "title", "Biên bản họp" }, { "issuingBody", "UBND xã" },
                { "documentDate", documentDate } }) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                    + "\"\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        WebClient client = new WebClient(port);
        return client.send(client.request(path).header("Authorization", basic(username))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + EntryPages.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
