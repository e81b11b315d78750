package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.util.List;

import org.communedx.model.assessment.EntryStatus;
import org.communedx.service.assessment.Completion.Item;
import org.communedx.service.assessment.Completion.Percentages;
import org.communedx.service.assessment.Completion.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.model.assessment.EntryStatus.APPROVED;
import static org.communedx.model.assessment.EntryStatus.DRAFT;
import static org.communedx.model.assessment.EntryStatus.NOT_APPLICABLE;
import static org.communedx.model.assessment.EntryStatus.NOT_APPLICABLE_REQUESTED;
import static org.communedx.model.assessment.EntryStatus.RETURNED;
import static org.communedx.model.assessment.EntryStatus.SUBMITTED;

class CompletionTests {

    @Test
    void verifiedCountsOnlyApprovedCriteriaThatMeetTheTarget() {
        Result result = Completion.of(List.of(item("G1", 1, APPROVED, true), item("G1", 1, APPROVED, false),
                item("G1", 1, SUBMITTED, true), item("G1", 1, DRAFT, true)));

        assertThat(result.overall()).isEqualTo(percent("25.0", "50.0"));
    }

    @Test
    void claimedAddsSubmittedCriteriaThatMeetTheTargetButNotReturnedOnes() {
        Result result = Completion.of(List.of(item("G1", 2, SUBMITTED, true), item("G1", 1, SUBMITTED, false),
                item("G1", 1, RETURNED, true)));

        assertThat(result.overall()).isEqualTo(percent("0.0", "50.0"));
    }

    @Test
    void weightsDecide() {
        Result result = Completion.of(List.of(item("G1", 3, APPROVED, true), item("G1", 1, DRAFT, false)));

        assertThat(result.overall()).isEqualTo(percent("75.0", "75.0"));
    }

    @Test
    void approvedNotApplicableCriteriaLeaveTheDenominatorButRequestsDoNot() {
        Result approved = Completion.of(List.of(item("G1", 1, APPROVED, true), item("G1", 1, NOT_APPLICABLE, false)));
        Result requested = Completion.of(List.of(item("G1", 1, APPROVED, true),
                item("G1", 1, NOT_APPLICABLE_REQUESTED, false)));

        assertThat(approved.overall()).isEqualTo(percent("100.0", "100.0"));
        assertThat(requested.overall()).isEqualTo(percent("50.0", "50.0"));
    }

    @Test
    void roundsHalfUpToOneDecimal() {
        // 1 of 3 = 33.333..; 2 of 3 = 66.666..; 1 of 8 = 12.5 exactly; 1 of 16 = 6.25 -> 6.3 (half up, not even)
        assertThat(Completion.of(List.of(item("G", 1, APPROVED, true), item("G", 2, DRAFT, false))).overall())
                .isEqualTo(percent("33.3", "33.3"));
        assertThat(Completion.of(List.of(item("G", 2, APPROVED, true), item("G", 1, DRAFT, false))).overall())
                .isEqualTo(percent("66.7", "66.7"));
        assertThat(Completion.of(List.of(item("G", 1, APPROVED, true), item("G", 15, DRAFT, false))).overall())
                .isEqualTo(percent("6.3", "6.3"));
        assertThat(Completion.of(List.of(item("G", 1, APPROVED, true), item("G", 7, DRAFT, false))).overall())
                .isEqualTo(percent("12.5", "12.5"));
    }

    @Test
    void givesEveryGroupItsOwnPercentagesInOrder() {
        Result result = Completion.of(List.of(item("G2", 1, APPROVED, true), item("G1", 1, SUBMITTED, true),
                item("G1", 1, DRAFT, false), item("G2", 1, APPROVED, true)));

        assertThat(result.byGroup()).containsOnlyKeys("G2", "G1");
        assertThat(result.byGroup().keySet()).containsExactly("G2", "G1");
        assertThat(result.byGroup().get("G2")).isEqualTo(percent("100.0", "100.0"));
        assertThat(result.byGroup().get("G1")).isEqualTo(percent("0.0", "50.0"));
        assertThat(result.overall()).isEqualTo(percent("50.0", "75.0"));
    }

    @Test
    void aGroupWithNothingApplicableHasNoPercentage() {
        Result result = Completion.of(List.of(item("G1", 1, NOT_APPLICABLE, false)));

        assertThat(result.overall()).isEqualTo(new Percentages(null, null));
    }

    @Test
    void theExplanationAddsUpToThePercentagesAndSaysWhyEachCriterionCountsOrNot() {
        List<Item> items = List.of(item("G1", 2, APPROVED, true), item("G1", 1, SUBMITTED, true),
                item("G1", 3, APPROVED, false), item("G1", 1, NOT_APPLICABLE, true), item("G1", 1, DRAFT, false));

        Completion.Explanation explanation = Completion.explain(items);

        assertThat(explanation.lines()).extracting(Completion.Line::verified).containsExactly(Completion.Reason.COUNTS,
                Completion.Reason.NOT_APPROVED, Completion.Reason.NOT_MET, Completion.Reason.NOT_APPLICABLE,
                Completion.Reason.NOT_MET);
        assertThat(explanation.lines()).extracting(Completion.Line::claimed).containsExactly(Completion.Reason.COUNTS,
                Completion.Reason.COUNTS, Completion.Reason.NOT_MET, Completion.Reason.NOT_APPLICABLE,
                Completion.Reason.NOT_MET);
        assertThat(explanation.applicableWeight()).isEqualByComparingTo("7");
        assertThat(explanation.verifiedWeight()).as("the counted lines' weights").isEqualByComparingTo(
                explanation.lines().stream().filter(line -> line.verified() == Completion.Reason.COUNTS)
                        .map(Completion.Line::weight).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(explanation.percentages()).isEqualTo(Completion.of(items).overall());
        assertThat(Completion.percent(explanation.verifiedWeight(), explanation.applicableWeight()))
                .isEqualByComparingTo(explanation.percentages().verified()).isEqualByComparingTo("28.6");
        assertThat(Completion.percent(explanation.claimedWeight(), explanation.applicableWeight()))
                .isEqualByComparingTo(explanation.percentages().claimed()).isEqualByComparingTo("42.9");
    }

    /**
     * A draft's points count in neither figure because it is the commune's still: "not approved" said of the
     * claimed figure, which counts what is submitted, sent the commune looking for a reviewer. A returned entry was
     * sent: "not submitted" said of it told the commune it had forgotten a step it had taken.
     */
    @Test
    void aDraftIsNotSubmittedAReturnedEntryIsReturnedAndWhatWaitsIsNotApproved() {
        List<Item> items = List.of(item("G1", 1, DRAFT, true), item("G1", 1, RETURNED, true),
                item("G1", 1, SUBMITTED, true), item("G1", 1, NOT_APPLICABLE_REQUESTED, true));

        Completion.Explanation explanation = Completion.explain(items);

        assertThat(explanation.lines()).extracting(Completion.Line::verified).containsExactly(
                Completion.Reason.NOT_SUBMITTED, Completion.Reason.RETURNED, Completion.Reason.NOT_APPROVED,
                Completion.Reason.NOT_APPROVED);
        assertThat(explanation.lines()).extracting(Completion.Line::claimed).containsExactly(
                Completion.Reason.NOT_SUBMITTED, Completion.Reason.RETURNED, Completion.Reason.COUNTS,
                Completion.Reason.NOT_APPROVED);
    }

    private static int sequence;

    private static Item item(String group, int weight, EntryStatus status, boolean met) {
        return new Item(group + ".C" + (++sequence), group, BigDecimal.valueOf(weight), status, met);
    }

    private static Percentages percent(String verified, String claimed) {
        return new Percentages(new BigDecimal(verified), new BigDecimal(claimed));
    }
}
