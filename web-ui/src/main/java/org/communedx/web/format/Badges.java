package org.communedx.web.format;

import org.communedx.model.assessment.EntryStatus;
import org.communedx.service.progress.ProgressViews.PlanStatus;

/**
 * The colour of a status badge, as {@code #badges} in the templates: {@code #badges.entry(row.status)}.
 * <p>
 * In Java rather than as a chain of {@code status.name() == 'NOT_APPLICABLE'} in the template: Thymeleaf looks for its
 * {@code __…__} preprocessing in every attribute that holds an underscore, with a regular expression on each
 * evaluation, and never keeps such an attribute's parsed expression. A profile of the scorecard put 15% of its samples
 * in the 27 badges' attributes; measured side by side, this change together with the observations switched off saved
 * about 5% of a scorecard's CPU (docs/performance.md, "Rendering").
 */
public final class Badges {

    static final Badges INSTANCE = new Badges();

    private Badges() {
    }

    /** Done is green, waiting for a reviewer blue, sent back red, begun yellow, not begun grey. */
    public String entry(EntryStatus status) {
        return switch (status) {
            case APPROVED, NOT_APPLICABLE -> "text-bg-success";
            case SUBMITTED, NOT_APPLICABLE_REQUESTED -> "text-bg-info";
            case RETURNED -> "text-bg-danger";
            case DRAFT -> "text-bg-warning";
            case NOT_STARTED -> "text-bg-secondary";
        };
    }

    /** On course is green, at risk yellow, off course or missed red, not begun grey. */
    public String plan(PlanStatus status) {
        return switch (status) {
            case NOT_STARTED -> "text-bg-secondary";
            case ACHIEVED, ON_TRACK -> "text-bg-success";
            case AT_RISK -> "text-bg-warning";
            case OFF_TRACK, MISSED -> "text-bg-danger";
        };
    }
}
