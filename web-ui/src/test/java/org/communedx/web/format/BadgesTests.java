package org.communedx.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.communedx.model.assessment.EntryStatus;
import org.communedx.service.progress.ProgressViews.PlanStatus;
import org.junit.jupiter.api.Test;

class BadgesTests {

    private final Badges badges = Badges.INSTANCE;

    @Test
    void entriesAreColouredByWhoseTurnItIs() {
        assertThat(badges.entry(EntryStatus.APPROVED)).isEqualTo("text-bg-success");
        assertThat(badges.entry(EntryStatus.NOT_APPLICABLE)).isEqualTo("text-bg-success");
        assertThat(badges.entry(EntryStatus.SUBMITTED)).isEqualTo("text-bg-info");
        assertThat(badges.entry(EntryStatus.NOT_APPLICABLE_REQUESTED)).isEqualTo("text-bg-info");
        assertThat(badges.entry(EntryStatus.RETURNED)).isEqualTo("text-bg-danger");
        assertThat(badges.entry(EntryStatus.DRAFT)).isEqualTo("text-bg-warning");
        assertThat(badges.entry(EntryStatus.NOT_STARTED)).isEqualTo("text-bg-secondary");
    }

    @Test
    void plansOnCourseAreGreenAndOffCourseRed() {
        assertThat(badges.plan(PlanStatus.ACHIEVED)).isEqualTo("text-bg-success");
        assertThat(badges.plan(PlanStatus.ON_TRACK)).isEqualTo("text-bg-success");
        assertThat(badges.plan(PlanStatus.AT_RISK)).isEqualTo("text-bg-warning");
        assertThat(badges.plan(PlanStatus.OFF_TRACK)).isEqualTo("text-bg-danger");
    }
}
