package org.communedx.web.suggestion;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoringRule;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province's system pushes its 610 communes' values, one criterion of which the framework marks automatic: every
 * commune's automatic entry goes to the provincial reviewer's queue as a submission, which only a person approves, and
 * the queue and the scorecards render at that size with the suggestions on them. Province 97 and its communes exist
 * only in 2003 and only during this test, so the other tests that share the database never meet them.
 */
@TrackerIntegrationTest
class ProvinceSuggestionsIT {

    /** Not a multiple of {@code CommuneBatches.COMMUNES}, so that the last, shorter batch is written too. */
    private static final int COMMUNES = 610;

    private static final String PASSWORD = "Tinh97-Thu-2026!";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TransactionTemplate transaction;

    long period;

    @BeforeEach
    void aProvinceOf610Communes() {
        jdbc.update("""
                insert into administrative_unit (code, name, search_name, level, unit_type, valid_from, valid_to)
                values ('97', 'Tỉnh Thử Đề Xuất', 'tinh thu de xuat', 'PROVINCE', 'TINH', '2003-01-01', '2003-12-31')""");
        long province = jdbc.queryForObject("select id from administrative_unit where code = '97'", Long.class);
        List<Object[]> communes = new ArrayList<>();
        for (int i = 1; i <= COMMUNES; i++) {
            communes.add(new Object[] { code(i), "Xã Thử " + i, "xa thu " + i, province });
        }
        jdbc.batchUpdate("""
                insert into administrative_unit (code, name, search_name, level, unit_type, parent_id, valid_from,
                    valid_to) values (?, ?, ?, 'COMMUNE', 'XA', ?, '2003-01-01', '2003-12-31')""", communes);
        transaction.executeWithoutResult(status -> accounts.save(new UserAccount("it.tinh97", "Sở Thử 97",
                passwordEncoder.encode(PASSWORD), Role.PROVINCE_MANAGER, "97", Instant.now())));
        period = transaction.execute(status -> {
            Framework framework = frameworks.findByCodeAndVersion("IT-AUTO", "1.0").orElseGet(() -> {
                Framework draft = Framework.draft("IT-AUTO", "1.0", new LocalizedText("Thử tự động", "Automatic test"));
                CriterionGroup group = draft.addGroup("G1", new LocalizedText("Nhóm một", "Group one"));
                group.addCriterion(criterion("G1.C1", MeasurementType.PERCENT, true));
                group.addCriterion(criterion("G1.C2", MeasurementType.COUNT, false));
                draft.publish(Instant.parse("2003-01-01T00:00:00Z"));
                return frameworks.save(draft);
            });
            return periods.save(new Period(new PeriodTerms("Thử đề xuất " + System.nanoTime(), 2003,
                    LocalDate.of(2003, 1, 1), LocalDate.of(2003, 12, 31), LocalDate.now().plusYears(1)), framework))
                    .getId();
        });
    }

    @AfterEach
    void removeTheProvince() {
        jdbc.update("delete from suggested_value where period_id = ?", period);
        jdbc.update("delete from assessment where period_id = ?", period);
        jdbc.update("delete from period where id = ?", period);
        jdbc.update("delete from user_account where username = 'it.tinh97'");
        jdbc.update("delete from administrative_unit where code like '97___'");
        jdbc.update("delete from administrative_unit where code = '97'");
    }

    @Test
    void theAutomaticCriterionGoesToTheReviewerAndThePagesRenderAtProvinceSize() {
        StringBuilder body = new StringBuilder("{\"source\": \"Một cửa điện tử\", \"suggestions\": [");
        for (int i = 1; i <= COMMUNES; i++) {
            body.append(i == 1 ? "" : ",").append("{\"communeCode\": \"").append(code(i))
                    .append("\", \"criterionCode\": \"G1.C1\", \"value\": \"").append(i % 21).append("/20\"},")
                    .append("{\"communeCode\": \"").append(code(i))
                    .append("\", \"criterionCode\": \"G1.C2\", \"value\": ").append(i % 7).append("}");
        }
        body.append("]}");
        // One value out of range: nothing of the 1,200 is stored, no entry submitted.
        String refused = body.toString().replace("\"value\": \"0/20\"", "\"value\": \"0/0\"");
        HttpResponse<String> problem = put(refused);
        assertThat(problem.statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from suggested_value where period_id = ?", Long.class, period))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from assessment where period_id = ?", Long.class, period))
                .isZero();

        HttpResponse<String> pushed = put(body.toString());
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        JsonNode outcome = JSON.readTree(pushed.body());
        assertThat(outcome.get("received").asInt()).isEqualTo(2 * COMMUNES);
        assertThat(outcome.get("submitted").asInt()).isEqualTo(COMMUNES);
        assertThat(jdbc.queryForList("""
                select e.status from criterion_entry e join assessment a on a.id = e.assessment_id
                join criterion c on c.id = e.criterion_id where a.period_id = ? and c.code = 'G1.C1'""", String.class,
                period)).hasSize(COMMUNES).containsOnly("SUBMITTED");
        assertThat(jdbc.queryForList("""
                select e.status from criterion_entry e join assessment a on a.id = e.assessment_id
                join criterion c on c.id = e.criterion_id where a.period_id = ? and c.code = 'G1.C2'""", String.class,
                period)).as("not automatic: waits for its commune").containsOnly("NOT_STARTED");
        long claimedByEntries = jdbc.queryForObject("""
                select count(distinct e.assessment_id) from criterion_entry e
                join assessment a on a.id = e.assessment_id
                where a.period_id = ? and e.status = 'SUBMITTED' and e.points > 0""", Long.class, period);
        assertThat(jdbc.queryForObject(
                "select count(*) from assessment_progress where period_id = ? and claimed_weight > 0", Long.class,
                period)).as("every commune's submission summed, batch after batch").isEqualTo(claimedByEntries)
                .isPositive();

        WebClient reviewer = new WebClient(port).login("it.tinh97", PASSWORD);
        HttpResponse<String> queue = reviewer.get("/reviews?period=" + period);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Đang hiển thị 500 tiêu chí cũ nhất trong số " + COMMUNES + " tiêu chí đang chờ duyệt.")
                .contains("</html>");
        assertThat(Pattern.compile("id=\"from-system-\\d+\">Hệ thống gửi duyệt: Một cửa điện tử<")
                .matcher(queue.body()).results().count()).as("every entry shown marked with its system").isEqualTo(500);
        Matcher first = Pattern.compile("id=\"queue-(\\d+)\"").matcher(queue.body());
        assertThat(first.find()).isTrue();
        String entryPage = reviewer.get("/entries/" + first.group(1)).body();
        assertThat(entryPage).contains("Hệ thống gửi duyệt", "từ Một cửa điện tử:",
                "Tiêu chí tự động: giá trị được gửi thẳng cho người duyệt.");

        HttpResponse<String> scorecard = reviewer.get("/communes/97007/periods/" + period);
        assertThat(scorecard.statusCode()).isEqualTo(200);
        assertThat(scorecard.body()).contains("từ Một cửa điện tử:", "Đã gửi", "</html>");
    }

    private HttpResponse<String> put(String body) {
        WebClient client = new WebClient(port);
        return client.send(client.request("/api/v1/periods/" + period + "/suggested-values")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("it.tinh97:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "vi").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private static String code(int i) {
        return "97" + String.format("%03d", i);
    }

    private static CriterionDefinition criterion(String code, MeasurementType type, boolean automatic) {
        return new CriterionDefinition(code, new LocalizedText("Tiêu chí " + code, "Criterion " + code), null, type,
                BigDecimal.valueOf(type == MeasurementType.PERCENT ? 80 : 3), Comparison.AT_LEAST, null,
                BigDecimal.ONE, ScoringRule.ALL_OR_NOTHING, null, false, automatic);
    }
}
