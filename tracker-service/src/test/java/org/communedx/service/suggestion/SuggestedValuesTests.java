package org.communedx.service.suggestion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.assessment.CriterionAddress;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.assessment.Scorecards;
import org.communedx.service.assessment.WorkflowFixtures;
import org.communedx.service.suggestion.SuggestedValues.Problem;
import org.communedx.service.suggestion.SuggestedValues.Suggestion;
import org.communedx.service.suggestion.SuggestedValues.SuggestionsRefused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/** Suggested values over a real PostgreSQL, in the workflow's fixtures (provinces 96 and 97). */
@SpringBootTest(classes = ServiceTestApplication.class, properties = "communedx.evidence.directory=target/evidence-tests")
class SuggestedValuesTests {

    static final Instant MEASURED = Instant.parse("2024-11-30T00:00:00Z");

    @Autowired
    SuggestedValues suggestedValues;

    @Autowired
    AssessmentWorkflow workflow;

    @Autowired
    WorkflowFixtures fixtures;

    @Autowired
    Scorecards scorecards;

    @Autowired
    JdbcTemplate jdbc;

    long period;

    @BeforeEach
    void freshPeriod() {
        fixtures.ensure();
        period = fixtures.newPeriod();
    }

    @AfterEach
    void logoutAndRemoveTheFixtures() {
        SecurityContextHolder.clearContext();
        fixtures.remove();
    }

    @Test
    void aProvincialManagerPutsTheProvincesValuesAndTheLatestReplacesTheOneBefore() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        SuggestedValues.Outcome outcome = suggestedValues.put(period, List.of(
                new Suggestion("96101", "G1.C2", "18/20", "MC-2024-1", MEASURED),
                Suggestion.of("96102", "G1.C1", new EntryValue.Level(2), null, null),
                new Suggestion("96201", "G1.C2", " 3 / 4 ", null, null)), "Một cửa điện tử");
        assertThat(outcome.received()).isEqualTo(3);
        assertThat(outcome.submitted()).isZero();
        suggestedValues.put(period, List.of(new Suggestion("96101", "G1.C2", "19/20", "MC-2024-2", MEASURED)),
                "Hệ thống khác");

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select u.code, value_numerator, value_denominator, value_level, source, reference, received_by
                from suggested_value s join administrative_unit u on u.id = s.unit_id where period_id = ?
                order by u.code""", period);
        assertThat(rows).extracting(row -> row.get("code"), row -> row.get("value_numerator"),
                row -> row.get("value_level"), row -> row.get("source"), row -> row.get("reference"))
                .containsExactly(tuple("96101", 19, null, "Hệ thống khác", "MC-2024-2"),
                        tuple("96102", null, 2, "Một cửa điện tử", null),
                        tuple("96201", 3, null, "Một cửa điện tử", null));
        assertThat(jdbc.queryForObject("select count(*) from assessment where period_id = ?", Long.class, period))
                .as("a suggestion is not an entry: no assessment is created").isZero();
    }

    @Test
    void everyProblemIsListedWithItsIndexAndFieldAndNothingIsWritten() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        assertThatExceptionOfType(SuggestionsRefused.class).isThrownBy(() -> suggestedValues.put(period, List.of(
                new Suggestion("96101", "G1.C2", "18/20", null, null),
                new Suggestion("97001", "G1.C2", "18/20", null, null),
                new Suggestion("96102", "G9.C9", "1", null, null),
                new Suggestion("96102", "G1.C1", "4", null, null),
                new Suggestion("96102", "G1.C2", "21/20", null, null),
                new Suggestion("96201", "G1.C2", "nhiều", "x".repeat(201), null),
                new Suggestion("96101", "g1.c2", "1/2", null, null),
                new Suggestion("961", "G1.C1", "1", null, null)), "Một cửa điện tử"))
                .satisfies(refused -> {
                    assertThat(refused.problems())
                        .extracting(Problem::index, Problem::field, Problem::messageKey)
                        .containsExactly(tuple(1, "communeCode", "suggestion.communeUnknown"),
                                tuple(2, "criterionCode", "suggestion.criterionUnknown"),
                                tuple(3, "value", "entry.value.levelOutOfRange"),
                                tuple(4, "value", "entry.value.numeratorAboveDenominator"),
                                tuple(5, "value", "entry.value.unreadable"),
                                tuple(5, "reference", "suggestion.referenceTooLong"),
                                tuple(6, "criterionCode", "suggestion.duplicate"),
                                tuple(7, "communeCode", "suggestion.communeUnknown"));
                    assertThat(refused.problems().get(6).arguments())
                            .as("a code in any case is the criterion's, and names the earlier one")
                            .containsExactly("96101", "g1.c2", 0);
                });
        assertThat(jdbc.queryForObject("select count(*) from suggested_value where period_id = ?", Long.class,
                period)).as("all or nothing").isZero();

        assertThatExceptionOfType(SuggestionsRefused.class).isThrownBy(() -> suggestedValues.put(period,
                List.of(new Suggestion("96101", "G1.C2", "18/20", null, null)), " "))
                .satisfies(refused -> assertThat(refused.problems()).extracting(Problem::index, Problem::field)
                        .containsExactly(tuple(null, "source")));
    }

    @Test
    void onlyProvincialManagersAndAdministratorsSendSuggestions() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> suggestedValues.put(period,
                List.of(new Suggestion("96101", "G1.C2", "18/20", null, null)), "Một cửa"));
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> suggestedValues.put(period,
                List.of(new Suggestion("96101", "G1.C2", "18/20", null, null)), "Một cửa"));
        loginAs("t.tinh97", Role.PROVINCE_MANAGER);
        assertThatExceptionOfType(SuggestionsRefused.class).as("another province's commune is unknown")
                .isThrownBy(() -> suggestedValues.put(period,
                        List.of(new Suggestion("96101", "G1.C2", "18/20", null, null)), "Một cửa"));
    }

    /**
     * The commune's staff saw one suggestion; a system pushed another before they took it. Taking it saves nothing,
     * since they agreed to the value they saw, not to the new one.
     */
    @Test
    void aSuggestionReplacedAfterTheUserSawItIsNotTaken() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        suggestedValues.put(period, List.of(new Suggestion("96101", "G1.C2", "7/10", null, null)), "Một cửa điện tử");
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        CriterionAddress percent = new CriterionAddress("96101", period, "G1.C2");
        Instant seen = workflow.detail(percent).suggestion().receivedAt();

        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        suggestedValues.put(period, List.of(new Suggestion("96101", "G1.C2", "9/10", null, null)), "Hệ thống C");
        loginAs("t.xa96101", Role.COMMUNE_STAFF);

        assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> workflow.takeSuggestion(percent, 0, seen))
                .satisfies(refused -> assertThat(refused.messageKey()).isEqualTo("entry.suggestionChanged"));
        assertThat(workflow.detail(percent).entry().status()).as("nothing saved").isEqualTo(EntryStatus.NOT_STARTED);
        assertThatExceptionOfType(RuleViolation.class).as("nor all at once from the scorecard")
                .isThrownBy(() -> workflow.takeAllSuggestions("96101", period, seen))
                .satisfies(refused -> assertThat(refused.messageKey()).isEqualTo("scorecard.suggestionsChanged"));
        assertThat(workflow.detail(percent).entry().status()).isEqualTo(EntryStatus.NOT_STARTED);
        assertThat(workflow.takeSuggestion(percent, 0, workflow.detail(percent).suggestion().receivedAt()).value())
                .as("the value seen now").isEqualTo(new EntryValue.Percent(9, 10));
    }

    /** Taking every suggestion replaces values the commune typed: the scorecard names them before the button. */
    @Test
    void theScorecardNamesTheOwnValuesTakingAllWouldReplace() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        workflow.saveValue(new CriterionAddress("96101", period, "G1.C1"), 0, new EntryValue.Level(1), null);
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        suggestedValues.put(period, List.of(new Suggestion("96101", "G1.C1", "2", null, null),
                new Suggestion("96101", "G1.C2", "18/20", null, null)), "Một cửa điện tử");

        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        Scorecards.Scorecard card = scorecards.scorecard("96101", period);

        assertThat(card.suggestionsToTake()).isEqualTo(2);
        assertThat(card.suggestionsReplacingValues()).containsExactly("G1.C1");
    }

    @Test
    void theCommuneTakesASuggestionIntoADraftOneByOneOrAllAtOnce() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        suggestedValues.put(period, List.of(new Suggestion("96101", "G1.C1", "2", "MC-1", MEASURED),
                new Suggestion("96101", "G1.C2", "18/20", null, null)), "Một cửa điện tử");

        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        CriterionAddress level = new CriterionAddress("96101", period, "G1.C1");
        assertThat(workflow.detail(level).suggestion().source()).isEqualTo("Một cửa điện tử");
        assertThat(workflow.detail(level).actions().takeSuggestion()).isTrue();
        var taken = workflow.takeSuggestion(level, 0, workflow.detail(level).suggestion().receivedAt());
        assertThat(taken.status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(taken.value()).isEqualTo(new EntryValue.Level(2));
        assertThat(workflow.detail(level).suggestion().taken()).isTrue();
        assertThat(workflow.detail(level).actions().takeSuggestion()).as("nothing left to take").isFalse();
        assertThat(workflow.detail(taken.id()).history()).extracting(line -> line.action())
                .containsExactly("TAKE_SUGGESTION");

        assertThat(workflow.takeAllSuggestions("96101", period, Instant.now()))
                .extracting(AssessmentWorkflow.SubmitAll.Line::criterionCode).containsExactly("G1.C2");
        long percent = workflow.storedEntryId(new CriterionAddress("96101", period, "G1.C2")).orElseThrow();
        assertThat(workflow.entry(percent).status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(workflow.entry(percent).value()).isEqualTo(new EntryValue.Percent(18, 20));
        assertThat(workflow.takeAllSuggestions("96101", period, Instant.now())).as("all taken").isEmpty();

        loginAs("t.xa96102", Role.COMMUNE_STAFF);
        assertThat(workflow.takeAllSuggestions("96102", period, Instant.now())).as("none for this commune").isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from assessment a join administrative_unit u on u.id = a.unit_id
                where u.code = '96102' and a.period_id = ?""", Long.class, period))
                .as("nothing to take stores nothing").isZero();
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThatExceptionOfType(AccessDeniedException.class).as("staff only")
                .isThrownBy(() -> workflow.takeAllSuggestions("96101", period, Instant.now()));
    }

    /**
     * A period closed to commune staff takes no suggestions: stored, they showed on entries nobody could change, and an
     * automatic criterion's value could not be submitted.
     */
    @Test
    void afterTheDeadlineNoSuggestionIsStored() {
        long closed = fixtures.newPeriod(LocalDate.now().minusDays(3));
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        List<Suggestion> values = List.of(new Suggestion("96101", "G1.C1", "3", null, null),
                new Suggestion("96101", "G1.C2", "18/20", null, null));

        assertThatExceptionOfType(SuggestionsRefused.class)
                .isThrownBy(() -> suggestedValues.put(closed, values, "Một cửa điện tử"))
                .satisfies(refused -> assertThat(refused.problems())
                        .extracting(Problem::index, Problem::field, Problem::messageKey)
                        .containsExactly(tuple(null, "period", "suggestion.periodClosed")));
        assertThat(jdbc.queryForObject("select count(*) from suggested_value where period_id = ?", Long.class,
                closed)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from assessment where period_id = ?", Long.class,
                closed)).isZero();

        fixtures.setDeadline(closed, LocalDate.now(ProgressLedger.VIETNAM));
        assertThat(suggestedValues.put(closed, values, "Một cửa điện tử").received())
                .as("open again through its deadline day").isEqualTo(2);
    }

    @Test
    void anAutomaticCriterionsValueGoesToTheReviewerAndNeverFurther() {
        String criterion = "update criterion set automatic = ? where code = 'G1.C1' and group_id in (select g.id"
                + " from criterion_group g join framework f on f.id = g.framework_id where f.code = 'TEST-WF')";
        jdbc.update(criterion, true);
        try {
            loginAs("t.xa96102", Role.COMMUNE_STAFF);
            var approved = workflow.saveValue(new CriterionAddress("96102", period, "G1.C1"), 0,
                    new EntryValue.Level(1), null);
            approved = workflow.submit(approved.id(), approved.version());
            loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
            workflow.approve(approved.id(), approved.version());

            loginAs("t.tinh96", Role.PROVINCE_MANAGER);
            SuggestedValues.Outcome outcome = suggestedValues.put(period, List.of(
                    new Suggestion("96101", "G1.C1", "3", "MC-1", MEASURED),
                    new Suggestion("96101", "G1.C2", "18/20", null, null),
                    new Suggestion("96102", "G1.C1", "3", null, null)), "Một cửa điện tử");
            assertThat(outcome.submitted()).as("96102's approved entry stays as the reviewer left it").isOne();

            loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
            long entry = workflow.storedEntryId(new CriterionAddress("96101", period, "G1.C1")).orElseThrow();
            assertThat(workflow.entry(entry).status()).isEqualTo(EntryStatus.SUBMITTED);
            assertThat(workflow.entry(entry).value()).isEqualTo(new EntryValue.Level(3));
            long other = workflow.storedEntryId(new CriterionAddress("96101", period, "G1.C2")).orElseThrow();
            assertThat(workflow.entry(other).status()).as("not automatic: waits for the commune")
                    .isEqualTo(EntryStatus.NOT_STARTED);
            assertThat(workflow.entry(approved.id()).status()).isEqualTo(EntryStatus.APPROVED);
            assertThat(workflow.detail(entry).history()).extracting(line -> line.action())
                    .containsExactly("SUBMIT_FROM_SYSTEM");
        }
        finally {
            jdbc.update(criterion, false);
        }
    }
}
