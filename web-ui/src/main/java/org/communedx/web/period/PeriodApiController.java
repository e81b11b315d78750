package org.communedx.web.period;

import java.time.LocalDate;
import java.util.List;

import org.communedx.service.period.PeriodService;
import org.communedx.service.period.PlanningViews.PeriodView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The periods, for scripts: their ids are what the write API's addresses and the progress API's {@code periodId}
 * take. A period is the whole country's, so every caller sees every one, as the pages' period choices show them.
 */
@RestController
class PeriodApiController {

    private final PeriodService periods;

    PeriodApiController(PeriodService periods) {
        this.periods = periods;
    }

    @Operation(summary = "Every period, newest first, with its id, dates and framework version")
    @GetMapping("/api/v1/periods")
    List<PeriodDocument> periods() {
        return periods.list().stream().map(PeriodDocument::of).toList();
    }

    record PeriodDocument(long id, String name, int year, LocalDate startDate, LocalDate endDate,
            LocalDate submissionDeadline,
            @Schema(description = "The last day communes may change their entries: the deadline plus the grace")
            LocalDate closesAfter,
            @Schema(description = "The framework version the period is assessed on, e.g. DX-XA 1.0") String framework) {

        static PeriodDocument of(PeriodView period) {
            return new PeriodDocument(period.id(), period.name(), period.year(), period.startDate(), period.endDate(),
                    period.submissionDeadline(), period.closesAfter(), period.frameworkLabel());
        }
    }
}
