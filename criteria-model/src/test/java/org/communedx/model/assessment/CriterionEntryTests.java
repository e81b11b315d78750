package org.communedx.model.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.communedx.model.RuleViolation;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CriterionEntryTests {

    private static final Instant NOW = Instant.parse("2024-05-02T03:00:00Z");

    private static final EntryValue EIGHTEEN_OF_TWENTY = new EntryValue.Percent(18, 20);

    // G1.C1 is a PERCENT criterion with target 80% that needs evidence; G1.C2 a LEVEL criterion that does not.
    private final Assessment assessment = assessment();

    private final CriterionEntry percent = assessment.entry("G1.C1").orElseThrow();

    private final CriterionEntry level = assessment.entry("G1.C2").orElseThrow();

    @Test
    void opensWithEveryCriterionNotStarted() {
        assertThat(assessment.getEntries()).hasSize(3)
                .allSatisfy(entry -> assertThat(entry.getStatus()).isEqualTo(EntryStatus.NOT_STARTED));
        assertThat(percent.value()).isNull();
    }

    @Test
    void anAtMostCountIsMetByNoIncidentsAndMissedByOne() {
        CriterionEntry incidents = assessment.entry("G1.C3").orElseThrow();

        incidents.saveValue(new EntryValue.Count(0), null, "xa.yenphu", NOW);
        assertThat(incidents.isMet()).as("0 incidents, at most 0").isTrue();
        incidents.saveValue(new EntryValue.Count(1), null, "xa.yenphu", NOW);
        assertThat(incidents.isMet()).as("1 incident, at most 0").isFalse();
    }

    @Test
    void assessmentIsForCommunesOnly() {
        AdministrativeUnit province = AdministrativeUnit.province("17", "Tỉnh Hòa Bình", UnitType.TINH, null);
        assertRefused(() -> Assessment.open(province, assessment.getPeriod(), NOW), "assessment.invalid.notACommune");
    }

    @Test
    void savingAValueMakesADraftAndRecordsWhoAndWhen() {
        percent.saveValue(EIGHTEEN_OF_TWENTY, " tập huấn 2 đợt ", "xa.yenphu", NOW);

        assertThat(percent.getStatus()).isEqualTo(EntryStatus.DRAFT);
        assertThat(percent.value()).isEqualTo(EIGHTEEN_OF_TWENTY);
        assertThat(percent.getExplanation()).isEqualTo("tập huấn 2 đợt");
        assertThat(percent.getLastChangedBy()).isEqualTo("xa.yenphu");
        assertThat(percent.getLastChangedAt()).isEqualTo(NOW);
        assertThat(percent.isMet()).as("90% meets 80%").isTrue();
    }

    @Test
    void valueMustBeOfTheCriterionsType() {
        assertRefused(() -> percent.saveValue(new EntryValue.Count(3), null, "x", NOW), "entry.refused.wrongType");
        assertRefused(() -> percent.saveValue(null, null, "x", NOW), "entry.refused.noValue");
        assertThat(percent.getStatus()).isEqualTo(EntryStatus.NOT_STARTED);
    }

    @Test
    void submittingNeedsAValue() {
        assertRefused(() -> level.submit(0, "x", NOW), "entry.refused.transition");
        assertThat(level.getStatus()).isEqualTo(EntryStatus.NOT_STARTED);
    }

    @Test
    void submittingNeedsEvidenceWhereTheCriterionRequiresIt() {
        percent.saveValue(EIGHTEEN_OF_TWENTY, null, "x", NOW);
        assertRefused(() -> percent.submit(0, "x", NOW), "entry.refused.evidenceRequired");
        assertThat(percent.getStatus()).isEqualTo(EntryStatus.DRAFT);

        percent.submit(1, "x", NOW);
        assertThat(percent.getStatus()).isEqualTo(EntryStatus.SUBMITTED);

        level.saveValue(new EntryValue.Level(2), null, "x", NOW);
        level.submit(0, "x", NOW);
        assertThat(level.getStatus()).isEqualTo(EntryStatus.SUBMITTED);
    }

    @Test
    void submittedEntryIsLockedForCommuneStaff() {
        submitted(level);
        assertRefused(() -> level.saveValue(new EntryValue.Level(3), null, "x", NOW), "entry.refused.transition");
        assertRefused(() -> level.submit(0, "x", NOW), "entry.refused.transition");
        assertRefused(() -> level.requestNotApplicable("không có", "x", NOW), "entry.refused.transition");
        assertThat(level.value()).isEqualTo(new EntryValue.Level(2));
    }

    @Test
    void approvingASubmissionLocksIt() {
        submitted(level);
        level.approve("huyen.lacson", NOW);

        assertThat(level.getStatus()).isEqualTo(EntryStatus.APPROVED);
        assertThat(level.getStatus().isLocked()).isTrue();
        assertRefused(() -> level.saveValue(new EntryValue.Level(0), null, "x", NOW), "entry.refused.transition");
        assertRefused(() -> level.approve("x", NOW), "entry.refused.transition");
        assertRefused(() -> level.returnWithReason("sai", "x", NOW), "entry.refused.transition");
    }

    @Test
    void approvingADraftIsRefused() {
        level.saveValue(new EntryValue.Level(2), null, "x", NOW);
        assertRefused(() -> level.approve("huyen.lacson", NOW), "entry.refused.transition");
        assertRefused(() -> percent.approve("huyen.lacson", NOW), "entry.refused.transition");
        assertThat(level.getStatus()).isEqualTo(EntryStatus.DRAFT);
    }

    @Test
    void returnedEntryNeedsAReason() {
        submitted(level);
        assertRefused(() -> level.returnWithReason("  ", "huyen.lacson", NOW), "entry.refused.reasonRequired");
        assertRefused(() -> level.returnWithReason(null, "huyen.lacson", NOW), "entry.refused.reasonRequired");
        assertThat(level.getStatus()).isEqualTo(EntryStatus.SUBMITTED);

        level.returnWithReason("Thiếu biên bản", "huyen.lacson", NOW);
        assertThat(level.getStatus()).isEqualTo(EntryStatus.RETURNED);
        assertThat(level.getReason()).isEqualTo("Thiếu biên bản");
    }

    @Test
    void returnedEntryCanBeCorrectedOrResubmitted() {
        submitted(level);
        level.returnWithReason("Thiếu biên bản", "huyen.lacson", NOW);
        level.submit(0, "xa.yenphu", NOW);
        assertThat(level.getStatus()).isEqualTo(EntryStatus.SUBMITTED);

        level.returnWithReason("Vẫn thiếu", "huyen.lacson", NOW);
        level.saveValue(new EntryValue.Level(3), null, "xa.yenphu", NOW);
        assertThat(level.getStatus()).isEqualTo(EntryStatus.DRAFT);
        level.submit(0, "xa.yenphu", NOW);
        level.approve("huyen.lacson", NOW);
        assertThat(level.getReason()).as("approval clears the last reason").isNull();
    }

    @Test
    void reopeningNeedsAReasonAndReturnsTheEntry() {
        submitted(level);
        assertRefused(() -> level.reopen("sai", "huyen.lacson", NOW), "entry.refused.transition");
        level.approve("huyen.lacson", NOW);

        assertRefused(() -> level.reopen("", "huyen.lacson", NOW), "entry.refused.reasonRequired");
        assertThat(level.getStatus()).isEqualTo(EntryStatus.APPROVED);

        level.reopen("Số liệu cần cập nhật", "huyen.lacson", NOW);
        assertThat(level.getStatus()).isEqualTo(EntryStatus.RETURNED);
        assertThat(level.getReason()).isEqualTo("Số liệu cần cập nhật");
    }

    @Test
    void notApplicableIsRequestedWithAnExplanationAndApprovedByAReviewer() {
        assertRefused(() -> level.requestNotApplicable(" ", "xa.yenphu", NOW), "entry.refused.explanationRequired");
        assertRefused(() -> level.approveNotApplicable("huyen.lacson", NOW), "entry.refused.transition");

        level.requestNotApplicable("Xã không có doanh nghiệp", "xa.yenphu", NOW);
        assertThat(level.getStatus()).isEqualTo(EntryStatus.NOT_APPLICABLE_REQUESTED);
        assertRefused(() -> level.approve("huyen.lacson", NOW), "entry.refused.transition");

        level.approveNotApplicable("huyen.lacson", NOW);
        assertThat(level.getStatus()).isEqualTo(EntryStatus.NOT_APPLICABLE);
        assertThat(level.getStatus().isLocked()).isTrue();
        assertRefused(() -> level.saveValue(new EntryValue.Level(1), null, "x", NOW), "entry.refused.transition");

        level.reopen("Xã đã có hợp tác xã", "huyen.lacson", NOW);
        assertThat(level.getStatus()).isEqualTo(EntryStatus.RETURNED);
    }

    @Test
    void notApplicableRequestCanBeReturned() {
        level.requestNotApplicable("Không áp dụng", "xa.yenphu", NOW);
        level.returnWithReason("Tiêu chí áp dụng cho mọi xã", "huyen.lacson", NOW);
        assertThat(level.getStatus()).isEqualTo(EntryStatus.RETURNED);
        assertRefused(() -> level.submit(0, "xa.yenphu", NOW), "entry.refused.noValue");
    }

    private static void submitted(CriterionEntry entry) {
        entry.saveValue(new EntryValue.Level(2), null, "xa.yenphu", NOW);
        entry.submit(0, "xa.yenphu", NOW);
    }

    static void assertRefused(Runnable action, String messageKey) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.messageKey()).isEqualTo(messageKey));
    }

    static Assessment assessment() {
        Framework framework = Framework.draft("TEST", "1.0", new LocalizedText("Thử", "Test"));
        CriterionGroup group = framework.addGroup("G1", new LocalizedText("Nhóm", "Group"));
        group.addCriterion(definition("G1.C1", MeasurementType.PERCENT, 80, true));
        group.addCriterion(definition("G1.C2", MeasurementType.LEVEL, 2, false));
        group.addCriterion(new CriterionDefinition("G1.C3", new LocalizedText("Sự cố", "Incidents"), null,
                MeasurementType.COUNT, BigDecimal.ZERO, Comparison.AT_MOST, null, BigDecimal.ONE, null, false));
        framework.publish(NOW);
        Period period = new Period(new PeriodTerms("Năm 2024", 2024, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 15)), framework);
        AdministrativeUnit province = AdministrativeUnit.province("17", "Tỉnh Hòa Bình", UnitType.TINH, null);
        AdministrativeUnit district = AdministrativeUnit.within(province, UnitLevel.DISTRICT, "157", "Huyện Lạc Sơn",
                UnitType.HUYEN, null);
        AdministrativeUnit commune = AdministrativeUnit.within(district, UnitLevel.COMMUNE, "05305", "Xã Yên Phú",
                UnitType.XA, null);
        return Assessment.open(commune, period, NOW);
    }

    static CriterionDefinition definition(String code, MeasurementType type, int target, boolean evidence) {
        return new CriterionDefinition(code, new LocalizedText(code, code), null, type, BigDecimal.valueOf(target),
                Comparison.AT_LEAST, null, BigDecimal.ONE, null, evidence);
    }
}
