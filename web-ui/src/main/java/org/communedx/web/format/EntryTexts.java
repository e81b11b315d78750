package org.communedx.web.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoreStep;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.model.framework.ScoringRule;
import org.communedx.service.assessment.Completion;
import org.communedx.service.assessment.Scorecards.ExplainedCriterion;
import org.communedx.service.report.Labels;
import org.thymeleaf.context.ITemplateContext;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * How a criterion entry's status, value, target and verdict read (the scorecard, the entry page, the review queue,
 * the printed report), and why it earns its points (the explanation of a figure), as {@code #entries} in the
 * templates: {@code <span th:text="${#entries.value(row.value)}">}.
 * In Java rather than as template fragments, because inserting a fragment costs more than its few words: the
 * scorecard inserted four of them for each of its 27 rows, and writing them from here cost 15% less CPU a scorecard
 * (docs/performance.md, "Rendering"). Messages are read as {@code #{...}} reads them, in the page's language.
 */
public final class EntryTexts {

    private final ITemplateContext page;

    private final Formats formats;

    EntryTexts(ITemplateContext page, Formats formats) {
        this.page = page;
        this.formats = formats;
    }

    /** "Đã duyệt"; its badge's colour is {@link Badges#entry}. */
    public String status(EntryStatus status) {
        return message("entry.status." + status.name());
    }

    /** "18/20 (90,00%)", "42", "Mức 2", "Có"; "Chưa nhập" when there is none. */
    public String value(@Nullable EntryValue value) {
        if (value == null) {
            return message("entry.value.none");
        }
        if (value instanceof EntryValue.Percent percent) {
            return message("entry.value.percent", percent.numerator(), percent.denominator(),
                    formats.decimal(percent.shownMeasure(), 2));
        }
        if (value instanceof EntryValue.Count count) {
            return String.valueOf(count.count());
        }
        if (value instanceof EntryValue.Level level) {
            return message("entry.value.level", level.level());
        }
        return message(((EntryValue.YesNo) value).yes() ? "entry.yes" : "entry.no");
    }

    /** The class of a value's text: grey while there is none. */
    public @Nullable String valueClass(@Nullable EntryValue value) {
        return value == null ? "text-body-secondary" : null;
    }

    /** "≥ 80%", "≤ 3 ngày", "Mức ≥ 2"; "Có (đã thực hiện)" for a yes-or-no criterion: {@link Labels#target}. */
    public String target(MeasurementType type, BigDecimal target, Comparison comparison, @Nullable String unit) {
        MessageSourceResolvable wording = Labels.target(type, target, comparison, unit);
        return message(wording.getCodes()[0], wording.getArguments());
    }

    /** The class of a target's text: a yes-or-no criterion's has none. */
    public @Nullable String targetClass(MeasurementType type) {
        return type == MeasurementType.BOOLEAN ? null : "text-target";
    }

    /**
     * A criterion's points out of its maximum, "40,00 / 40 điểm", as the scorecard and its report show them. A
     * draft's (or a value sent back) are its value's but not yet in the totals, which count them only once submitted,
     * and say so: "40,00 / 40 điểm (chưa tính vào tổng)".
     */
    public String points(EntryStatus status, @Nullable BigDecimal points, BigDecimal maximum, ScoreSettings settings) {
        String note = pointsNote(status, points);
        return note == null ? score(points, maximum, settings) : score(points, maximum, settings) + " " + note;
    }

    /** {@link #points}' first part, "40,00 / 40 điểm", which a printed report keeps on one line. */
    public String score(@Nullable BigDecimal points, BigDecimal maximum, ScoreSettings settings) {
        return message("scorecard.points", formats.points(points, settings), formats.maximum(maximum));
    }

    /**
     * {@link #points}' note, or null where the points count: "(chưa tính vào tổng)" while they may yet count, and "(không
     * áp dụng, không tính)" once a reviewer has approved the criterion as not applicable, when neither its points nor
     * its maximum ever will (0,00 / 40 read as 40 points missed).
     */
    public @Nullable String pointsNote(EntryStatus status, @Nullable BigDecimal points) {
        if (status == EntryStatus.NOT_APPLICABLE) {
            return message("scorecard.points.notApplicable");
        }
        if (points == null || points.signum() <= 0 || Completion.claims(status)) {
            return null;
        }
        return message("scorecard.points.notCounted");
    }

    /**
     * How a criterion's value earns its points, in words, as a points version's entry page states it before there is
     * a value: the rule with the maximum, then each band of a banded rule, "Từ 50 đến dưới 80: 20 điểm" (in words, as
     * the bands are half-open).
     */
    public List<String> rule(ScoringRule rule, BigDecimal maximum) {
        List<String> lines = new ArrayList<>();
        lines.add(message("entry.scoring.rule", message("entry.scoring." + rule.method()),
                formats.maximum(maximum)));
        for (ScoreStep step : rule.steps()) {
            String points = formats.maximum(step.points());
            lines.add(rule.method() == ScoringMethod.LEVELS ? message("entry.scoring.level", step.from().intValue(), points)
                    : step.to() == null ? message("entry.scoring.stepOpen", formats.number(step.from()), points)
                    : message("entry.scoring.step", formats.number(step.from()), formats.number(step.to()), points));
        }
        return lines;
    }

    /** "Đạt", "Chưa đạt", or "Chưa có giá trị" while there is no value. */
    public String met(@Nullable EntryValue value, boolean met) {
        return message(Verdict.of(value, met).key);
    }

    /** Met in bold green, not met in red, no value yet in grey. */
    public String metClass(@Nullable EntryValue value, boolean met) {
        return Verdict.of(value, met).cssClass;
    }

    /**
     * Why an explained criterion earns the points it does: "Đạt chỉ tiêu: được toàn bộ điểm tối đa", "Mức 2: điểm của
     * mức đó".
     */
    public String why(ExplainedCriterion row) {
        if (!row.hasValue()) {
            return message("explain.why.noValue");
        }
        return switch (row.scoring()) {
            case ALL_OR_NOTHING -> message(row.met() ? "explain.why.ALL_OR_NOTHING.met"
                    : "explain.why.ALL_OR_NOTHING.notMet");
            case PROPORTIONAL -> message(row.met() ? "explain.why.PROPORTIONAL.met" : "explain.why.PROPORTIONAL.share");
            case LEVELS -> row.step() == null ? message("explain.why.noStep")
                    : message("explain.why.LEVELS", row.step().from().intValue());
            // In words, as the bands are half-open: "0..1" and "1..2" seemed both to hold 1.
            case STEPS -> row.step() == null ? message("explain.why.noStep")
                    : row.step().to() == null ? message("explain.why.STEPS.open", row.step().from())
                    : message("explain.why.STEPS", row.step().from(), row.step().to());
        };
    }

    /**
     * Whether an explained criterion counts toward one of the figures (verified or claimed), and if not why: "Được
     * tính", "Không tính: chưa nhập" for a criterion without a value.
     */
    public String reason(ExplainedCriterion row, Completion.Reason reason) {
        boolean notEntered = !row.hasValue() && reason == Completion.Reason.NOT_MET;
        return message("explain.reason." + (notEntered ? "NOT_ENTERED" : reason.name()));
    }

    /** A reason that counts in bold green. */
    public @Nullable String reasonClass(Completion.Reason reason) {
        return reason == Completion.Reason.COUNTS ? "text-success fw-semibold" : null;
    }

    private String message(String key, Object... arguments) {
        return page.getMessage(null, key, arguments, true);
    }

    private enum Verdict {
        UNKNOWN("entry.met.unknown", "text-body-secondary"),
        MET("entry.met.yes", "text-success fw-semibold"),
        NOT_MET("entry.met.no", "text-danger");

        private final String key;

        private final String cssClass;

        Verdict(String key, String cssClass) {
            this.key = key;
            this.cssClass = cssClass;
        }

        static Verdict of(@Nullable EntryValue value, boolean met) {
            return value == null ? UNKNOWN : met ? MET : NOT_MET;
        }
    }
}
