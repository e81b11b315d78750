package org.communedx.model.period;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.communedx.model.RuleViolation;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTests {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    private static final LocalDate DEC_31 = LocalDate.of(2024, 12, 31);

    @Test
    void periodKeepsItsTerms() {
        Period period = new Period(new PeriodTerms(" Năm 2024 ", 2024, JAN_1, DEC_31, LocalDate.of(2024, 12, 15)),
                published());
        assertThat(period.terms()).isEqualTo(new PeriodTerms("Năm 2024", 2024, JAN_1, DEC_31,
                LocalDate.of(2024, 12, 15)));
    }

    @Test
    void theYearIsOneThePeriodRunsIn() {
        assertRefused(() -> new Period(new PeriodTerms("x", 2026, JAN_1, DEC_31, DEC_31), published()),
                "period.invalid.yearOutsideDates");
        assertThat(new Period(new PeriodTerms("x", 2025, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 6, 15)), published()).getYear()).isEqualTo(2025);
    }

    @Test
    void periodEndsAfterItStarts() {
        assertRefused(() -> new Period(new PeriodTerms("x", 2024, DEC_31, JAN_1, DEC_31), published()),
                "period.invalid.datesOrder");
    }

    @Test
    void deadlineIsNotBeforeTheStart() {
        assertRefused(() -> new Period(new PeriodTerms("x", 2024, JAN_1, DEC_31, JAN_1.minusDays(1)), published()),
                "period.invalid.deadlineBeforeStart");
        // A deadline after the period's end leaves time for late evidence.
        assertThat(new Period(new PeriodTerms("x", 2024, JAN_1, DEC_31, DEC_31.plusDays(15)), published())
                .getSubmissionDeadline()).isEqualTo(LocalDate.of(2025, 1, 15));
    }

    /** Every problem of the terms at once, first the first a reader meets: not one a save. */
    @Test
    void termsAreRefusedWithEveryProblemAtOnce() {
        assertThatThrownBy(() -> new Period(new PeriodTerms(" ", 1999, DEC_31, JAN_1, JAN_1.minusDays(1), 91),
                published())).isInstanceOfSatisfying(TermsRefused.class, refused -> assertThat(refused.problems())
                        .extracting(RuleViolation::messageKey).containsExactly("period.invalid.name",
                                "period.invalid.year", "period.invalid.datesOrder",
                                "period.invalid.deadlineBeforeStart", "period.invalid.graceDays"));
    }

    /** A period of a plan's few years at most: one from 0001 to 9999 made every page that trends it huge. */
    @Test
    void aPeriodRunsFiveYearsAtMost() {
        LocalDate start = LocalDate.of(2023, 1, 1);
        assertThat(new Period(new PeriodTerms("x", 2025, start, LocalDate.of(2027, 12, 31), DEC_31), published())
                .getEndDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertRefused(() -> new Period(new PeriodTerms("x", 2025, start, start.plusYears(5), DEC_31), published()),
                "period.invalid.tooLong");
        assertRefused(() -> new Period(new PeriodTerms("x", 2025, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
                DEC_31), published()), "period.invalid.tooLong");
    }

    @Test
    void communesMaySubmitUpToAndIncludingTheDeadlineDay() {
        LocalDate deadline = LocalDate.of(2024, 12, 15);
        Period period = new Period(new PeriodTerms("x", 2024, JAN_1, DEC_31, deadline), published());

        assertThat(period.isOpenForSubmissions(deadline.minusDays(1))).as("before the deadline").isTrue();
        period.requireOpenForSubmissions(deadline.minusDays(1));
        assertThat(period.isOpenForSubmissions(deadline)).as("on the deadline day").isTrue();
        period.requireOpenForSubmissions(deadline);

        assertThat(period.isOpenForSubmissions(deadline.plusDays(1))).as("the day after").isFalse();
        assertThatThrownBy(() -> period.requireOpenForSubmissions(deadline.plusDays(1)))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.messageKey()).isEqualTo("period.refused.deadlinePassed");
                    assertThat(violation.arguments()).as("the message names the deadline, the grace and the last day")
                            .containsExactly(deadline, 0, deadline);
                });
    }

    @Test
    void anExtendedDeadlineReopensThePeriod() {
        Period period = new Period(new PeriodTerms("x", 2024, JAN_1, DEC_31, LocalDate.of(2024, 12, 15)), published());
        LocalDate january = LocalDate.of(2025, 1, 10);
        assertThat(period.isOpenForSubmissions(january)).isFalse();

        period.revise(new PeriodTerms("x", 2024, JAN_1, DEC_31, LocalDate.of(2025, 1, 31)), period.getFramework());
        assertThat(period.isOpenForSubmissions(january)).isTrue();
    }

    @Test
    void onlyAPublishedFrameworkCanBeAssessed() {
        Framework draft = draft();
        assertRefused(() -> new Period(new PeriodTerms("x", 2024, JAN_1, DEC_31, DEC_31), draft),
                "period.invalid.frameworkNotPublished");
        Period period = new Period(new PeriodTerms("x", 2024, JAN_1, DEC_31, DEC_31), published());
        assertRefused(() -> period.revise(period.terms(), draft), "period.invalid.frameworkNotPublished");
        Framework retired = published();
        retired.retire();
        assertRefused(() -> period.revise(period.terms(), retired), "period.invalid.frameworkNotPublished");
        assertRefused(() -> new Period(new PeriodTerms(" ", 2024, JAN_1, DEC_31, DEC_31), published()),
                "period.invalid.name");
    }

    /** Retiring a version leaves the periods that use it working: their deadline can still be moved. */
    @Test
    void aPeriodKeepsAVersionRetiredSinceAndStaysEditable() {
        Period period = new Period(new PeriodTerms("x", 2024, JAN_1, DEC_31, DEC_31), published());
        period.getFramework().retire();

        period.revise(new PeriodTerms("x", 2024, JAN_1, DEC_31, DEC_31.plusDays(10)), period.getFramework());

        assertThat(period.getSubmissionDeadline()).isEqualTo(DEC_31.plusDays(10));
    }

    @Test
    void planTargetsAtMostItsParticipants() {
        Units units = new Units();
        PlanTerms terms = new PlanTerms("Kế hoạch", 30, 2, JAN_1, DEC_31);

        Plan plan = new Plan(terms, units.district, List.of(units.yenPhu, units.anNghia), List.of(units.yenPhu));
        assertThat(plan.getTargetCommunes()).isEqualTo(2);

        assertRefused(() -> new Plan(new PlanTerms("Kế hoạch", 30, 3, JAN_1, DEC_31), units.district,
                List.of(units.yenPhu, units.anNghia), List.of()), "plan.invalid.targetCommunes");
        assertRefused(() -> new Plan(new PlanTerms("Kế hoạch", 30, 0, JAN_1, DEC_31), units.district,
                List.of(units.yenPhu), List.of()), "plan.invalid.targetCommunes");
        assertRefused(() -> new Plan(new PlanTerms("Kế hoạch", 101, 1, JAN_1, DEC_31), units.district,
                List.of(units.yenPhu), List.of()), "plan.invalid.targetPercent");
        assertRefused(() -> new Plan(new PlanTerms("Kế hoạch", -1, 1, JAN_1, DEC_31), units.district,
                List.of(units.yenPhu), List.of()), "plan.invalid.targetPercent");
        assertRefused(() -> new Plan(new PlanTerms("Kế hoạch", 0, 1, JAN_1, DEC_31), units.district,
                List.of(units.yenPhu), List.of()), "plan.invalid.targetPercent");
    }

    /** A scorecard measures a period against a plan running then: not one over before it, nor one not yet begun. */
    @Test
    void aPlanRunsDuringThePeriodsItOverlaps() {
        Units units = new Units();
        Plan plan = new Plan(new PlanTerms("Kế hoạch 2023–2025", 30, 1, LocalDate.of(2023, 1, 1),
                LocalDate.of(2025, 12, 31)), units.district, List.of(units.yenPhu), List.of());

        assertThat(plan.runsDuring(new Period(new PeriodTerms("Năm 2024", 2024, JAN_1, DEC_31, DEC_31), published())))
                .isTrue();
        assertThat(plan.runsDuring(year(2025))).as("its last day is the period's").isTrue();
        assertThat(plan.runsDuring(year(2023))).as("its first day is the period's").isTrue();
        assertThat(plan.runsDuring(year(2027))).as("over a year before").isFalse();
        assertThat(plan.runsDuring(year(2022))).as("not yet begun").isFalse();
    }

    private static Period year(int year) {
        return new Period(new PeriodTerms("Năm " + year, year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                LocalDate.of(year, 12, 31)), published());
    }

    @Test
    void pilotsAreParticipatingCommunes() {
        Units units = new Units();
        PlanTerms terms = new PlanTerms("Kế hoạch", 30, 1, JAN_1, DEC_31);
        assertRefused(() -> new Plan(terms, units.district, List.of(units.yenPhu), List.of(units.anNghia)),
                "plan.invalid.pilotNotParticipant");
        assertRefused(() -> new Plan(terms, units.district, List.of(units.yenPhu, units.district), List.of()),
                "plan.invalid.notACommune");
        assertRefused(() -> new Plan(terms, units.district, List.of(), List.of()), "plan.invalid.noParticipants");
        assertRefused(() -> new Plan(terms, units.yenPhu, List.of(units.yenPhu), List.of()), "plan.invalid.scopeUnit");
        assertRefused(() -> new Plan(new PlanTerms("x", 30, 1, DEC_31, JAN_1), units.district, List.of(units.yenPhu),
                List.of()), "plan.invalid.datesOrder");
    }

    private static final class Units {

        final AdministrativeUnit province = AdministrativeUnit.province("17", "Tỉnh Hòa Bình", UnitType.TINH, null);

        final AdministrativeUnit district = AdministrativeUnit.within(province, UnitLevel.DISTRICT, "157",
                "Huyện Lạc Sơn", UnitType.HUYEN, null);

        final AdministrativeUnit yenPhu = AdministrativeUnit.within(district, UnitLevel.COMMUNE, "05305", "Xã Yên Phú",
                UnitType.XA, null);

        final AdministrativeUnit anNghia = AdministrativeUnit.within(district, UnitLevel.COMMUNE, "05347",
                "Xã Ân Nghĩa", UnitType.XA, null);
    }

    private static void assertRefused(Runnable action, String messageKey) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.messageKey()).isEqualTo(messageKey));
    }

    private static Framework draft() {
        Framework framework = Framework.draft("TEST", "1.0", new LocalizedText("Thử", "Test"));
        framework.addGroup("G1", new LocalizedText("Nhóm", "Group")).addCriterion(new CriterionDefinition("G1.C1",
                new LocalizedText("a", "a"), null, MeasurementType.COUNT, BigDecimal.ONE, Comparison.AT_LEAST, null,
                BigDecimal.ONE, null, false));
        return framework;
    }

    private static Framework published() {
        Framework framework = draft();
        framework.publish(Instant.parse("2024-01-01T00:00:00Z"));
        return framework;
    }
}
