package org.communedx.model.framework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameworkTests {

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void publishedVersionRefusesEveryChange() {
        Framework framework = validDraft();
        framework.publish(NOW);
        CriterionGroup group = framework.getGroups().get(0);

        assertThatThrownBy(() -> framework.addGroup("G9", text("x"))).isInstanceOf(FrameworkRuleViolation.class);
        assertThatThrownBy(() -> group.addCriterion(percent("G1.C9", 50))).isInstanceOf(FrameworkRuleViolation.class);
        assertThatThrownBy(() -> group.getCriteria().get(0).edit(percent("G1.C1", 10)))
                .isInstanceOf(FrameworkRuleViolation.class);
        assertThatThrownBy(() -> framework.publish(NOW)).isInstanceOf(FrameworkRuleViolation.class);
        assertThat(framework.getStatus()).isEqualTo(FrameworkStatus.PUBLISHED);
        assertThat(framework.getPublishedAt()).isEqualTo(NOW);
    }

    /** A version is a segment of its address: "." and ".." are folded away by the browser, never opened. */
    @Test
    void aVersionIsLettersDigitsDotsAndHyphensStartingWithALetterOrDigit() {
        assertThat(List.of("1.0", "2026", "1.1-rc", "v2", "A.B-C.1234567890")).allMatch(Framework::isVersion);
        assertThat(java.util.Arrays.asList(null, "", ".", "..", "-1", ".1", "1/0", "1 0", "1.0.0.0.0.0.0.0.0"))
                .noneMatch(Framework::isVersion);
        assertThatThrownBy(() -> validDraft().cloneAsDraft("..")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAPublishedVersionCanBeRetired() {
        Framework framework = validDraft();
        assertThatThrownBy(framework::retire).isInstanceOf(FrameworkRuleViolation.class);

        framework.publish(NOW);
        framework.retire();

        assertThat(framework.getStatus()).isEqualTo(FrameworkStatus.RETIRED);
    }

    @Test
    void publishingListsEveryProblemWithItsCode() {
        Framework framework = Framework.draft("DX-XA", "2.0", text("Mô hình"));
        CriterionGroup group = framework.addGroup("G1", text("Nhóm 1"));
        group.addCriterion(percent("G1.C1", 120));
        group.addCriterion(criterion("G1.C1", MeasurementType.LEVEL, 4, Comparison.AT_LEAST));
        group.addCriterion(criterion("G1.C3", MeasurementType.COUNT, -1, Comparison.AT_MOST));
        framework.addGroup("G2", text("Nhóm rỗng"));

        assertThatThrownBy(() -> framework.publish(NOW)).isInstanceOfSatisfying(FrameworkRuleViolation.class,
                violation -> assertThat(violation.problems()).extracting(FrameworkProblem::code,
                        FrameworkProblem::messageKey).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("G1.C1", "framework.problem.targetOutOfRange.PERCENT"),
                                org.assertj.core.groups.Tuple.tuple("G1.C1", "framework.problem.duplicateCode"),
                                org.assertj.core.groups.Tuple.tuple("G1.C1", "framework.problem.targetOutOfRange.LEVEL"),
                                org.assertj.core.groups.Tuple.tuple("G1.C3", "framework.problem.targetOutOfRange.COUNT"),
                                org.assertj.core.groups.Tuple.tuple("G2", "framework.problem.emptyGroup")));
        assertThat(framework.getStatus()).isEqualTo(FrameworkStatus.DRAFT);
    }

    @Test
    void aCodeIsPartOfAnAddressAndCaseDoesNotMakeItAnother() {
        Framework framework = Framework.draft("DX-XA", "2.0", text("Mô hình"));
        CriterionGroup group = framework.addGroup("G 1", text("Nhóm 1"));
        group.addCriterion(percent("G1.C1", 50));
        group.addCriterion(percent("g1.c1", 50));
        group.addCriterion(percent("<b>X</b>/../y", 50));
        group.addCriterion(percent("G1..C4", 50));
        group.addCriterion(percent("G1.C5_b-2", 50));

        assertThat(framework.problems()).extracting(FrameworkProblem::code, FrameworkProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("G 1", "framework.problem.codeShape"),
                        org.assertj.core.groups.Tuple.tuple("g1.c1", "framework.problem.duplicateCode"),
                        org.assertj.core.groups.Tuple.tuple("<b>X</b>/../y", "framework.problem.codeShape"),
                        org.assertj.core.groups.Tuple.tuple("G1..C4", "framework.problem.codeShape"));
    }

    @Test
    void weightMustBePositive() {
        Framework framework = Framework.draft("DX-XA", "2.0", text("Mô hình"));
        framework.addGroup("G1", text("Nhóm 1")).addCriterion(new CriterionDefinition("G1.C1", text("Tiêu chí"),
                null, MeasurementType.BOOLEAN, BigDecimal.ONE, Comparison.AT_LEAST, null, BigDecimal.ZERO, null, true));

        assertThat(framework.problems()).extracting(FrameworkProblem::messageKey)
                .containsExactly("framework.problem.weightNotPositive");
    }

    @Test
    void publishingRefusesBrokenScoringRulesAndADeclaredTotalTheCriteriaMiss() {
        Framework framework = Framework.draft("PT-XA", "2025", text("Chỉ số xã Phú Thọ"));
        framework.changeScoreSettings(new ScoreSettings(ScoreDisplay.POINTS, 2, new BigDecimal("1000")));
        CriterionGroup group = framework.addGroup("G1", text("Nhóm 1"));
        group.addCriterion(scored("G1.C1", MeasurementType.PERCENT, "400", ScoringRule.PROPORTIONAL));
        group.addCriterion(scored("G1.C2", MeasurementType.PERCENT, "300", ScoringRule.steps(List.of(
                new ScoreStep(new BigDecimal("0"), new BigDecimal("50"), new BigDecimal("-5")),
                new ScoreStep(new BigDecimal("60"), null, new BigDecimal("300"))))));
        group.addCriterion(scored("G1.C3", MeasurementType.COUNT, "200",
                ScoringRule.levels(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.TEN)));

        assertThatThrownBy(() -> framework.publish(NOW)).isInstanceOfSatisfying(FrameworkRuleViolation.class,
                violation -> assertThat(violation.problems()).extracting(FrameworkProblem::code,
                        FrameworkProblem::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("G1.C2", "framework.problem.scoring.negativePoints"),
                                org.assertj.core.groups.Tuple.tuple("G1.C2", "framework.problem.scoring.gapBetweenSteps"),
                                org.assertj.core.groups.Tuple.tuple("G1.C3", "framework.problem.scoring.levelsNeedLevel"),
                                org.assertj.core.groups.Tuple.tuple("PT-XA", "framework.problem.scoring.totalMismatch")));
        assertThat(framework.getStatus()).isEqualTo(FrameworkStatus.DRAFT);
    }

    @Test
    void aCloneKeepsTheScoreSettingsAndRules() {
        Framework framework = Framework.draft("PT-XA", "2025", text("Chỉ số xã Phú Thọ"));
        ScoreSettings points = new ScoreSettings(ScoreDisplay.POINTS, 2, new BigDecimal("40"));
        framework.changeScoreSettings(points);
        framework.addGroup("G1", text("Nhóm 1"))
                .addCriterion(scored("G1.C1", MeasurementType.PERCENT, "40", ScoringRule.PROPORTIONAL));
        framework.publish(NOW);

        Framework clone = framework.cloneAsDraft("2026");

        assertThat(clone.scoreSettings()).isEqualTo(points);
        assertThat(clone.getGroups().get(0).getCriteria().get(0).scoring()).isEqualTo(ScoringRule.PROPORTIONAL);
        assertThat(clone.maximumPoints()).isEqualByComparingTo("40");
    }

    @Test
    void cloneCopiesEveryGroupAndCriterionIntoANewDraft() {
        Framework published = validDraft();
        published.publish(NOW);

        Framework draft = published.cloneAsDraft("1.1");

        assertThat(draft.getStatus()).isEqualTo(FrameworkStatus.DRAFT);
        assertThat(draft.getVersion()).isEqualTo("1.1");
        assertThat(draft.getGroups()).extracting(CriterionGroup::getCode).containsExactly("G1", "G2");
        assertThat(draft.getGroups().get(0).getCriteria()).extracting(Criterion::definition)
                .containsExactlyElementsOf(published.getGroups().get(0).getCriteria().stream()
                        .map(Criterion::definition).toList());
        assertThatThrownBy(() -> published.cloneAsDraft("1.0")).isInstanceOf(FrameworkRuleViolation.class);
    }

    @Test
    void reorderingKeepsPositionsContiguous() {
        Framework framework = validDraft();
        CriterionGroup second = framework.getGroups().get(1);

        framework.moveGroup(second, -1);

        assertThat(framework.getGroups()).extracting(CriterionGroup::getCode, CriterionGroup::getPosition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("G2", 0), org.assertj.core.groups.Tuple.tuple("G1", 1));
    }

    @Test
    void atMostTargetsAreMetFromBelow() {
        Criterion incidents = Framework.draft("X", "1", text("x")).addGroup("G3", text("g"))
                .addCriterion(criterion("G3.C3", MeasurementType.COUNT, 0, Comparison.AT_MOST));

        assertThat(incidents.isMetBy(BigDecimal.ZERO)).isTrue();
        assertThat(incidents.isMetBy(BigDecimal.ONE)).isFalse();
    }

    private static Framework validDraft() {
        Framework framework = Framework.draft("DX-XA", "1.0", text("Mô hình chuyển đổi số cấp xã"));
        framework.addGroup("G1", text("Đào tạo")).addCriterion(percent("G1.C1", 100));
        framework.addGroup("G2", text("Hạ tầng số"))
                .addCriterion(criterion("G2.C4", MeasurementType.BOOLEAN, 1, Comparison.AT_LEAST));
        return framework;
    }

    private static CriterionDefinition percent(String code, int target) {
        return criterion(code, MeasurementType.PERCENT, target, Comparison.AT_LEAST);
    }

    private static CriterionDefinition criterion(String code, MeasurementType type, int target, Comparison comparison) {
        return new CriterionDefinition(code, text("Tiêu chí " + code), null, type, BigDecimal.valueOf(target),
                comparison, null, BigDecimal.ONE, null, true);
    }

    private static CriterionDefinition scored(String code, MeasurementType type, String maximum, ScoringRule rule) {
        return new CriterionDefinition(code, text("Tiêu chí " + code), null, type, BigDecimal.valueOf(80),
                Comparison.AT_LEAST, null, new BigDecimal(maximum), rule, null, true);
    }

    private static LocalizedText text(String vi) {
        return new LocalizedText(vi, vi + " (en)");
    }
}
