package org.communedx.model.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
    void aSystemsSubmissionNamesItsSystemUntilTheEntryMovesOn() {
        percent.submitFromSystem(EIGHTEEN_OF_TWENTY, "Một cửa điện tử", "tinh.hoabinh", NOW);

        assertThat(percent.getStatus()).isEqualTo(EntryStatus.SUBMITTED);
        assertThat(percent.getSubmittedFrom()).isEqualTo("Một cửa điện tử");
        assertThat(percent.getLastChangedBy()).isEqualTo("tinh.hoabinh");

        percent.returnWithReason("Thiếu số liệu tháng 12", "huyen.lacson", NOW);
        assertThat(percent.getSubmittedFrom()).as("returned by a reviewer").isNull();
        percent.submit(1, "xa.yenphu", NOW);
        assertThat(percent.getSubmittedFrom()).as("submitted again by the commune").isNull();
        level.saveValue(new EntryValue.Level(2), null, "xa.yenphu", NOW);
        level.submit(0, "xa.yenphu", NOW);
        assertThat(level.getSubmittedFrom()).as("a person's submission").isNull();
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
        // A no-break space or zero-width characters alone are as good as nothing: the commune would read no reason.
        assertRefused(() -> level.returnWithReason("\u00A0", "huyen.lacson", NOW), "entry.refused.reasonRequired");
        assertRefused(() -> level.returnWithReason("\u200B\u200B \uFEFF", "huyen.lacson", NOW),
                "entry.refused.reasonRequired");
        assertThat(level.getStatus()).isEqualTo(EntryStatus.SUBMITTED);

        level.returnWithReason("\u00A0Thiếu biên bản\u200B", "huyen.lacson", NOW);
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
        assertRefused(() -> level.requestNotApplicable("\u00A0\u200B", "xa.yenphu", NOW),
                "entry.refused.explanationRequired");
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

    /**
     * A request's reason stands in the explanation while it waits and once accepted; refused or undone, the value
     * comes back with its own explanation, not the request's reason (which the history keeps).
     */
    @Test
    void aValueKeepsItsExplanationThroughARefusedOrUndoneNotApplicable() {
        level.saveValue(new EntryValue.Level(2), "Theo báo cáo quý IV", "xa.yenphu", NOW);
        level.requestNotApplicable("Xã không có doanh nghiệp", "xa.yenphu", NOW);
        assertThat(level.getExplanation()).isEqualTo("Xã không có doanh nghiệp");

        level.returnWithReason("Tiêu chí áp dụng cho mọi xã", "huyen.lacson", NOW);
        assertThat(level.getExplanation()).isEqualTo("Theo báo cáo quý IV");
        assertThat(level.value()).isEqualTo(new EntryValue.Level(2));

        level.requestNotApplicable("Xã không có doanh nghiệp", "xa.yenphu", NOW);
        level.approveNotApplicable("huyen.lacson", NOW);
        level.reopen("Xã đã có hợp tác xã", "huyen.lacson", NOW);
        assertThat(level.getExplanation()).isEqualTo("Theo báo cáo quý IV");
    }

    /** However it arrives (the page's form, the API, a hand-made request), an explanation is at most 2,000 long. */
    @Test
    void anExplanationPastTheLimitIsRefusedAndNothingChanges() {
        String tooLong = "x".repeat(CriterionEntry.EXPLANATION_MAX + 1);
        assertRefused(() -> level.requestNotApplicable(tooLong, "xa.yenphu", NOW), "entry.form.explanationTooLong");
        assertRefused(() -> level.saveValue(new EntryValue.Level(1), tooLong, "xa.yenphu", NOW),
                "entry.form.explanationTooLong");
        assertThat(level.getStatus()).isEqualTo(EntryStatus.NOT_STARTED);
        assertThat(level.value()).isNull();
        assertThat(level.getExplanation()).isNull();

        level.requestNotApplicable(" " + "x".repeat(CriterionEntry.EXPLANATION_MAX) + " ", "xa.yenphu", NOW);
        assertThat(level.getExplanation()).hasSize(CriterionEntry.EXPLANATION_MAX);
    }

    @Test
    void notApplicableRequestCanBeReturned() {
        level.requestNotApplicable("Không áp dụng", "xa.yenphu", NOW);
        level.returnWithReason("Tiêu chí áp dụng cho mọi xã", "huyen.lacson", NOW);
        assertThat(level.getStatus()).isEqualTo(EntryStatus.RETURNED);
        assertRefused(() -> level.submit(0, "xa.yenphu", NOW), "entry.refused.noValue");
    }

    /**
     * Every move from every status: where it is allowed, the status it leads to; everywhere else a refusal that
     * names the move and leaves the entry as it was. The table is the workflow of the product's design, written out
     * here rather than read from the entity.
     */
    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyMoveFromEveryStatus")
    void everyMoveFromEveryStatusIsAllowedOrRefusedAsTheWorkflowSays(String move, EntryStatus from,
            EntryStatus expected) {
        CriterionEntry entry = assessment().entry("G1.C2").orElseThrow();
        reach(entry, from);
        Runnable attempt = switch (move) {
            case "saveValue" -> () -> entry.saveValue(new EntryValue.Level(1), null, "xa.yenphu", NOW);
            case "submit" -> () -> entry.submit(1, "xa.yenphu", NOW);
            case "approve" -> () -> entry.approve("huyen.lacson", NOW);
            case "return" -> () -> entry.returnWithReason("Thiếu biên bản", "huyen.lacson", NOW);
            case "reopen" -> () -> entry.reopen("Cập nhật", "huyen.lacson", NOW);
            case "requestNotApplicable" -> () -> entry.requestNotApplicable("Không có chợ", "xa.yenphu", NOW);
            case "approveNotApplicable" -> () -> entry.approveNotApplicable("huyen.lacson", NOW);
            case "addEvidence" -> () -> entry.evidenceAdded("xa.yenphu", NOW);
            case "removeEvidence" -> () -> entry.evidenceRemoved("xa.yenphu", NOW);
            default -> throw new IllegalArgumentException(move);
        };
        if (expected == null) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(RuleViolation.class, violation -> {
                assertThat(violation.messageKey()).isEqualTo("entry.refused.transition");
                assertThat(violation.arguments()).containsExactly(move, from);
            });
            assertThat(entry.getStatus()).isEqualTo(from);
        }
        else {
            attempt.run();
            assertThat(entry.getStatus()).isEqualTo(expected);
        }
    }

    static Stream<Arguments> everyMoveFromEveryStatus() {
        EntryStatus[] statuses = { EntryStatus.NOT_STARTED, EntryStatus.DRAFT, EntryStatus.SUBMITTED,
                EntryStatus.APPROVED, EntryStatus.RETURNED, EntryStatus.NOT_APPLICABLE_REQUESTED,
                EntryStatus.NOT_APPLICABLE };
        // One row per move, one column per status above: where the move leads, or null where it is refused.
        Map<String, EntryStatus[]> table = new LinkedHashMap<>();
        table.put("saveValue", new EntryStatus[] { EntryStatus.DRAFT, EntryStatus.DRAFT, null, null,
                EntryStatus.DRAFT, null, null });
        table.put("submit", new EntryStatus[] { null, EntryStatus.SUBMITTED, null, null, EntryStatus.SUBMITTED, null,
                null });
        table.put("approve", new EntryStatus[] { null, null, EntryStatus.APPROVED, null, null, null, null });
        table.put("return", new EntryStatus[] { null, null, EntryStatus.RETURNED, null, null, EntryStatus.RETURNED,
                null });
        table.put("reopen", new EntryStatus[] { null, null, null, EntryStatus.RETURNED, null, null,
                EntryStatus.RETURNED });
        table.put("requestNotApplicable", new EntryStatus[] { EntryStatus.NOT_APPLICABLE_REQUESTED,
                EntryStatus.NOT_APPLICABLE_REQUESTED, null, null, EntryStatus.NOT_APPLICABLE_REQUESTED, null, null });
        table.put("approveNotApplicable", new EntryStatus[] { null, null, null, null, null,
                EntryStatus.NOT_APPLICABLE, null });
        table.put("addEvidence", new EntryStatus[] { EntryStatus.DRAFT, EntryStatus.DRAFT, null, null,
                EntryStatus.RETURNED, null, null });
        table.put("removeEvidence", new EntryStatus[] { null, EntryStatus.DRAFT, null, null, EntryStatus.RETURNED,
                null, null });
        assertThat(statuses).as("every status has a column").hasSize(EntryStatus.values().length);
        return table.entrySet().stream().flatMap(row -> IntStream.range(0, statuses.length)
                .mapToObj(i -> Arguments.of(row.getKey(), statuses[i], row.getValue()[i])));
    }

    /** Brings a new LEVEL entry to {@code status} by the moves a commune and a reviewer make. */
    private static void reach(CriterionEntry entry, EntryStatus status) {
        switch (status) {
            case NOT_STARTED -> { }
            case DRAFT -> entry.saveValue(new EntryValue.Level(2), null, "xa.yenphu", NOW);
            case SUBMITTED -> submitted(entry);
            case APPROVED -> {
                submitted(entry);
                entry.approve("huyen.lacson", NOW);
            }
            case RETURNED -> {
                submitted(entry);
                entry.returnWithReason("Thiếu biên bản", "huyen.lacson", NOW);
            }
            case NOT_APPLICABLE_REQUESTED -> entry.requestNotApplicable("Không có chợ", "xa.yenphu", NOW);
            case NOT_APPLICABLE -> {
                entry.requestNotApplicable("Không có chợ", "xa.yenphu", NOW);
                entry.approveNotApplicable("huyen.lacson", NOW);
            }
        }
        assertThat(entry.getStatus()).isEqualTo(status);
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
