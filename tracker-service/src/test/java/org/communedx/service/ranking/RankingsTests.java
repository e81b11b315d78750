package org.communedx.service.ranking;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.communedx.model.assessment.EntryValue;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.assessment.AssessmentWorkflow;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.assessment.WorkflowFixtures;
import org.communedx.service.ranking.Rankings.ClassCount;
import org.communedx.service.ranking.Rankings.RankedCommune;
import org.communedx.service.ranking.Rankings.Ranking;
import org.communedx.service.scope.OutOfScopeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * A province's ranking over the workflow fixtures' province 96: 96101 with one of its two criteria approved (50%),
 * 96102 with one only submitted (0% verified), 96201 never opened (no score). The fixtures' framework gets the
 * classes Tốt from 50, Khá from 25 and Yếu from 0 percent.
 */
@SpringBootTest(classes = ServiceTestApplication.class, properties = "communedx.evidence.directory=target/evidence-tests")
class RankingsTests {

    @Autowired
    Rankings rankings;

    @Autowired
    AssessmentWorkflow workflow;

    @Autowired
    WorkflowFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    long period;

    @BeforeEach
    void approveOneSubmitAnother() {
        fixtures.ensure();
        LocalDate today = LocalDate.now(ProgressLedger.VIETNAM);
        period = fixtures.newPeriod(today.minusDays(100), today.plusDays(60));
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView approved = workflow.open("96101", period).entries().get(1);
        EntryView saved = workflow.saveValue(approved.id(), approved.version(), new EntryValue.Percent(17, 20), null);
        EntryView submitted = workflow.submit(approved.id(), saved.version());
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        workflow.approve(approved.id(), submitted.version());

        loginAs("t.xa96102", Role.COMMUNE_STAFF);
        EntryView claimed = workflow.open("96102", period).entries().get(0);
        workflow.submit(claimed.id(), workflow.saveValue(claimed.id(), claimed.version(), new EntryValue.Level(3),
                null).version());
    }

    @AfterEach
    void logoutAndRemoveTheFixtures() {
        SecurityContextHolder.clearContext();
        fixtures.remove();
    }

    @Test
    void everyCommuneIsRankedByItsVerifiedScoreAndClassedAtTheThresholds() {
        giveTheFixturesClasses();
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);

        Ranking ranking = rankings.ranking("96", period, null);

        assertThat(ranking.empty()).isFalse();
        assertThat(ranking.points()).isFalse();
        assertThat(ranking.communeCount()).isEqualTo(3);
        assertThat(ranking.scored()).isEqualTo(2);
        assertThat(ranking.communes()).extracting(RankedCommune::rank, RankedCommune::code, RankedCommune::district,
                RankedCommune::classNumber).containsExactly(
                        tuple(1, "96101", "Huyện Thử", 1),
                        tuple(2, "96102", "Huyện Thử", 3),
                        tuple(null, "96201", null, null));
        assertThat(ranking.communes().get(0).score()).as("the verified percent, claimed ones left out")
                .isEqualByComparingTo("50.0");
        assertThat(ranking.communes().get(1).score()).isEqualByComparingTo("0.0");
        assertThat(ranking.classes()).extracting(ClassCount::number, ClassCount::communes)
                .containsExactly(tuple(1, 1), tuple(2, 0), tuple(3, 1));

        Ranking weak = rankings.ranking("96", period, 3);
        assertThat(weak.communes()).extracting(RankedCommune::code).containsExactly("96102");
        assertThat(weak.communeCount()).isEqualTo(3);
        assertThat(rankings.ranking("96", period, 2).communes()).isEmpty();
    }

    @Test
    void aPointsFrameworkRanksByVerifiedPointsRoundedToItsDecimals() {
        jdbc.update("update framework set score_display = 'POINTS', score_decimals = 1 where code = 'TEST-WF'");
        jdbc.update("""
                insert into framework_score_class (framework_id, position, name_vi, name_en, threshold)
                select f.id, c.position, c.name_vi, c.name_en, c.threshold from framework f,
                    (values (0, 'Tốt', 'Good', 1), (1, 'Khá', 'Fair', 0.5)) as c (position, name_vi, name_en, threshold)
                where f.code = 'TEST-WF'""");
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);

        Ranking ranking = rankings.ranking("96", period, null);

        assertThat(ranking.points()).isTrue();
        assertThat(ranking.scaleTop()).as("the sum of the two criteria's maxima").isEqualByComparingTo("2");
        assertThat(ranking.communes()).extracting(RankedCommune::rank, RankedCommune::code, RankedCommune::score,
                RankedCommune::classNumber).containsExactly(
                        tuple(1, "96101", new BigDecimal("1.0"), 1),
                        tuple(2, "96102", new BigDecimal("0.0"), null),
                        tuple(null, "96201", null, null));
    }

    /** A version without classes still ranks its communes, only without classing them. */
    @Test
    void withoutClassesTheCommunesAreRankedButNotClassed() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);

        Ranking ranking = rankings.ranking("96", period, null);

        assertThat(ranking.classes()).isEmpty();
        assertThat(ranking.classified()).isFalse();
        assertThat(ranking.empty()).isEqualTo(ranking.scored() == 0);
        assertThat(ranking.communes()).isNotEmpty().allSatisfy(commune -> assertThat(commune.classNumber()).isNull());
    }

    @Test
    void anotherProvinceADistrictOrAnUnknownClassIsNotFound() {
        giveTheFixturesClasses();
        loginAs("t.tinh97", Role.PROVINCE_MANAGER);
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> rankings.ranking("96", period, null));

        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> rankings.ranking("96", period, null));

        loginAs("admin", Role.ADMIN);
        assertThat(rankings.ranking("96", period, null).communes()).hasSize(3);
        assertThatExceptionOfType(RankingNotFoundException.class)
                .isThrownBy(() -> rankings.ranking("961", period, null));
        assertThatExceptionOfType(RankingNotFoundException.class)
                .isThrownBy(() -> rankings.ranking("96", period, 4));
    }

    private void giveTheFixturesClasses() {
        jdbc.update("""
                insert into framework_score_class (framework_id, position, name_vi, name_en, threshold)
                select f.id, c.position, c.name_vi, c.name_en, c.threshold from framework f,
                    (values (0, 'Tốt', 'Good', 50), (1, 'Khá', 'Fair', 25), (2, 'Yếu', 'Weak', 0))
                        as c (position, name_vi, name_en, threshold)
                where f.code = 'TEST-WF'""");
    }
}
