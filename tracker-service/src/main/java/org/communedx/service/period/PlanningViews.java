package org.communedx.service.period;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** What the period and plan pages show and send: plain records, so that no template lazy-loads. */
public final class PlanningViews {

    private PlanningViews() {
    }

    /**
     * @param graceDays days after the deadline during which communes may still change their entries
     * @param closesAfter the last day the period takes communes' changes: the deadline plus the grace
     */
    public record PeriodView(long id, String name, int year, LocalDate startDate, LocalDate endDate,
            LocalDate submissionDeadline, int graceDays, LocalDate closesAfter, long frameworkId,
            String frameworkLabel) {
    }

    /**
     * What an edit form starts from: the record as it is, and the version a save from that form must still find, so
     * that a form opened before someone else's save cannot undo it. The version stays out of the view, which the audit
     * trail records.
     */
    public record Editing<V>(V view, long version) {
    }

    /** A published framework version that a period may use, e.g. "DX-XA 1.0". */
    public record FrameworkChoice(long id, String label) {
    }

    public record PeriodDraft(String name, int year, LocalDate startDate, LocalDate endDate,
            LocalDate submissionDeadline, int graceDays, long frameworkId) {
    }

    /** @param pilotNames the pilots as the list of plans names them, "Xã Yên Phú (05305)", in the order of their codes */
    public record PlanView(long id, String name, String scopeUnitCode, String scopeUnitName,
            List<String> participantCodes, List<String> pilotCodes, int targetPercent, int targetCommunes,
            LocalDate startDate, LocalDate deadline, List<String> pilotNames) {
    }

    /** Communes by GSO code, as valid on the plan's start date. */
    public record PlanDraft(String name, String scopeUnitCode, Collection<String> participantCodes,
            Collection<String> pilotCodes, int targetPercent, int targetCommunes, LocalDate startDate,
            LocalDate deadline) {
    }
}
