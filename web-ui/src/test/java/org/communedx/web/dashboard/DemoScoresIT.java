package org.communedx.web.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DX-XA 1.0 scores all or nothing with its weights as maxima, so every figure of the demo must be exactly what it was
 * before scoring rules existed: the figures of V11's rule (the weights of the criteria that meet their target),
 * computed here from the entries' values and compared with every summary row the demo has. Only DX-XA 1.0's
 * assessments are compared: other tests in the suite's shared database add periods on frameworks with other rules
 * (PointsIndexJourneyBrowserIT's partial credit), whose figures rightly differ from the old rule's.
 */
@TrackerIntegrationTest
class DemoScoresIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The rule before scoring rules, per DX-XA 1.0 assessment and per group: weights of met criteria, as V11 summed
     * them.
     */
    private static final String BEFORE = """
            select e.assessment_id, %s as part,
                coalesce(sum(c.weight) filter (where e.status <> 'NOT_APPLICABLE'), 0) as applicable,
                coalesce(sum(c.weight) filter (where m.met and e.status = 'APPROVED'), 0) as verified,
                coalesce(sum(c.weight) filter (where m.met and e.status in ('APPROVED', 'SUBMITTED')), 0) as claimed
            from criterion_entry e join criterion c on c.id = e.criterion_id join criterion_group g on g.id = c.group_id
            cross join lateral (select coalesce(case when c.comparison = 'AT_LEAST' then v.measure >= c.target_value
                    else v.measure <= c.target_value end, false) as met
                from (select case
                    when e.value_denominator is not null then round(e.value_numerator * 100.0 / e.value_denominator, 2)
                    when e.value_count is not null then e.value_count
                    when e.value_level is not null then e.value_level
                    when e.value_yes_no is not null then case when e.value_yes_no then 1 else 0 end
                end as measure) v) m
            join framework f on f.id = g.framework_id
            where f.code = 'DX-XA' and f.version = '1.0'
            group by e.assessment_id, %s""";

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void everyDemoFigureIsWhatTheRuleBeforeScoringRulesGave() {
        assertThat(jdbc.queryForObject("""
                select count(*) from criterion c join criterion_group g on g.id = c.group_id
                join framework f on f.id = g.framework_id
                where f.code = 'DX-XA' and f.version = '1.0' and c.scoring_method <> 'ALL_OR_NOTHING'""",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from assessment_progress", Integer.class))
                .as("the demo has figures to compare").isGreaterThan(50);

        assertThat(jdbc.queryForList("""
                select p.assessment_id from assessment_progress p join (%s) b on b.assessment_id = p.assessment_id
                where p.applicable_weight <> b.applicable or p.verified_weight <> b.verified
                    or p.claimed_weight <> b.claimed
                    or p.verified_percent is distinct from
                        case when b.applicable > 0 then round(b.verified * 100 / b.applicable, 10) end
                    or p.claimed_percent is distinct from
                        case when b.applicable > 0 then round(b.claimed * 100 / b.applicable, 10) end"""
                .formatted(BEFORE.formatted("''", "1")), Long.class))
                .as("assessments whose figures changed").isEmpty();
        assertThat(jdbc.queryForList("""
                select p.assessment_id from assessment_group_progress p
                join (%s) b on b.assessment_id = p.assessment_id and b.part = p.group_code
                where p.applicable_weight <> b.applicable or p.verified_weight <> b.verified
                    or p.claimed_weight <> b.claimed
                    or p.verified_percent is distinct from
                        case when b.applicable > 0 then round(b.verified * 100 / b.applicable, 10) end
                    or p.claimed_percent is distinct from
                        case when b.applicable > 0 then round(b.claimed * 100 / b.applicable, 10) end"""
                .formatted(BEFORE.formatted("g.code", "g.code")), Long.class))
                .as("groups whose figures changed").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from assessment_group_progress", Integer.class))
                .isGreaterThan(300);
    }

    @Test
    void theApiGivesPointsBesideThePercentagesForTheCommuneEachGroupAndEachCriterion() {
        JsonNode progress = JSON.readTree(get("/api/v1/units/05305/progress?period=2025", "tinh.hoabinh").body());

        BigDecimal score = progress.get("score").decimalValue();
        BigDecimal maxScore = progress.get("maxScore").decimalValue();
        assertThat(maxScore).isPositive().isLessThanOrEqualTo(new BigDecimal("27"));
        assertThat(progress.get("claimedScore").decimalValue()).isGreaterThanOrEqualTo(score);
        assertThat(progress.get("verifiedPercent").decimalValue()).isEqualByComparingTo(
                score.multiply(BigDecimal.valueOf(100)).divide(maxScore, 1, RoundingMode.HALF_UP));
        BigDecimal groupScores = BigDecimal.ZERO;
        for (JsonNode group : progress.get("groups")) {
            assertThat(group.has("score") && group.has("claimedScore") && group.has("maxScore")).isTrue();
            groupScores = groupScores.add(group.get("score").decimalValue());
        }
        assertThat(groupScores).isEqualByComparingTo(score);
        BigDecimal maxima = BigDecimal.ZERO;
        for (JsonNode criterion : progress.get("criteria")) {
            assertThat(criterion.get("scoring").asString()).isEqualTo("ALL_OR_NOTHING");
            assertThat(criterion.get("score").decimalValue())
                    .isEqualByComparingTo(criterion.get("met").asBoolean() ? "1" : "0");
            if ("NOT_APPLICABLE".equals(criterion.get("status").asString())) {
                assertThat(criterion.get("maxScore").isNull()).as("a maximum that does not count").isTrue();
            }
            else {
                assertThat(criterion.get("maxScore").decimalValue()).isEqualByComparingTo("1");
                maxima = maxima.add(criterion.get("maxScore").decimalValue());
            }
        }
        assertThat(maxima).as("the criteria's maxima add up to the commune's").isEqualByComparingTo(maxScore);
    }

    private HttpResponse<String> get(String path, String username) {
        WebClient client = new WebClient(port);
        String credentials = Base64.getEncoder().encodeToString((username + ":Demo@2025!")
                .getBytes(StandardCharsets.UTF_8));
        return client.send(client.request(path).header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json").GET().build());
    }
}
