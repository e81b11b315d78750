package org.communedx.model.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.communedx.model.Numbers;

/**
 * The one definition of how a criterion's value earns points. Every figure of the tracker adds up what this returns:
 * the entry keeps it with its value ({@code criterion_entry.points}) and the summary rows, the explanation, exports and
 * dashboards sum the kept points rather than judging the value again.
 * @param steps the bands of a STEPS or LEVELS rule, in ascending order of their lower bound; empty for the others
 */
public record ScoringRule(ScoringMethod method, List<ScoreStep> steps) {

    /** Points are kept with two decimals, as provinces publish them (825.61 points). */
    public static final int POINT_SCALE = 2;

    /** The scale a proportion is worked out to before its points are rounded to {@link #POINT_SCALE}. */
    private static final int EXACT_SCALE = 20;

    public static final ScoringRule ALL_OR_NOTHING = new ScoringRule(ScoringMethod.ALL_OR_NOTHING, List.of());

    public static final ScoringRule PROPORTIONAL = new ScoringRule(ScoringMethod.PROPORTIONAL, List.of());

    public ScoringRule {
        method = method == null ? ScoringMethod.ALL_OR_NOTHING : method;
        steps = steps == null ? List.of()
                : steps.stream().sorted(Comparator.comparing(ScoreStep::from)).toList();
    }

    public static ScoringRule steps(List<ScoreStep> steps) {
        return new ScoringRule(ScoringMethod.STEPS, steps);
    }

    /** Points for level 0, 1, 2 and 3, in that order. */
    public static ScoringRule levels(BigDecimal... points) {
        List<ScoreStep> steps = new ArrayList<>();
        for (int level = 0; level < points.length; level++) {
            steps.add(ScoreStep.level(level, points[level]));
        }
        return new ScoringRule(ScoringMethod.LEVELS, steps);
    }

    /**
     * The points a value earns, two decimals, rounded half up once at the end.
     * <ul>
     * <li>ALL_OR_NOTHING: the maximum when the value meets the target, else 0.</li>
     * <li>PROPORTIONAL, "at least": maximum × value / target, at most the maximum (a target of 0 is always met).
     * "At most", the mirror: the maximum while the value stays within the target, maximum × target / value above
     * it (5 incidents against at most 4 earn 4/5 of the maximum).</li>
     * <li>STEPS and LEVELS: the points of the band that holds the value; 0 outside every band, which for a rule
     * that may be published means below the first (its last band has no upper end).</li>
     * </ul>
     * @param measure the value as its target measures it (a percent, a count, a level, 1 or 0), or null for none
     */
    public BigDecimal points(BigDecimal measure, BigDecimal target, Comparison comparison, BigDecimal maximum) {
        if (measure == null) {
            return BigDecimal.ZERO.setScale(POINT_SCALE);
        }
        BigDecimal points = switch (method) {
            case ALL_OR_NOTHING -> comparison.isMet(measure, target) ? maximum : BigDecimal.ZERO;
            // To twenty decimals first: a percent's measure is a rounded ratio (193/300 is 64.333…%), and 30 points of
            // an 80% target came to 24.12499…, rounded down, where the exact 24.125 is 24.13 half up. Twenty decimals
            // put an exact half back, and are far finer than any real value's distance from one.
            case PROPORTIONAL -> comparison.isMet(measure, target) ? maximum
                    : comparison == Comparison.AT_LEAST
                            ? maximum.multiply(measure).divide(target, EXACT_SCALE, RoundingMode.HALF_UP)
                            : maximum.multiply(target).divide(measure, EXACT_SCALE, RoundingMode.HALF_UP);
            case STEPS, LEVELS -> stepFor(measure).map(ScoreStep::points).orElse(BigDecimal.ZERO);
        };
        return points.setScale(POINT_SCALE, RoundingMode.HALF_UP);
    }

    /** The band of a STEPS or LEVELS rule that holds the value; empty for the other rules, or when none holds it. */
    public Optional<ScoreStep> stepFor(BigDecimal measure) {
        return steps.stream().filter(step -> step.contains(measure)).findFirst();
    }

    /** Every reason this rule cannot score criterion {@code code} of that type and maximum; empty when it can. */
    public List<FrameworkProblem> problems(String code, MeasurementType type, BigDecimal maximum) {
        List<FrameworkProblem> problems = new ArrayList<>();
        boolean banded = method == ScoringMethod.STEPS || method == ScoringMethod.LEVELS;
        if (!banded && !steps.isEmpty()) {
            problems.add(new FrameworkProblem(code, "framework.problem.scoring.stepsNotUsed", code, method));
        }
        if (banded && steps.isEmpty()) {
            problems.add(new FrameworkProblem(code, "framework.problem.scoring.noSteps", code));
        }
        if (method == ScoringMethod.LEVELS) {
            if (type != MeasurementType.LEVEL) {
                problems.add(new FrameworkProblem(code, "framework.problem.scoring.levelsNeedLevel", code));
            }
            for (int level = 0; level <= 3; level++) {
                int wanted = level;
                if (steps.stream().noneMatch(step -> step.from().compareTo(BigDecimal.valueOf(wanted)) == 0)) {
                    problems.add(new FrameworkProblem(code, "framework.problem.scoring.levelMissing", code, level));
                }
            }
        }
        for (ScoreStep step : steps) {
            if (step.to() != null && step.to().compareTo(step.from()) <= 0) {
                problems.add(new FrameworkProblem(code, "framework.problem.scoring.emptyStep", code, band(step)));
            }
            if (step.points().signum() < 0) {
                problems.add(new FrameworkProblem(code, "framework.problem.scoring.negativePoints", code,
                        Numbers.plain(step.points())));
            }
            else if (maximum != null && step.points().compareTo(maximum) > 0) {
                // Numbers, written as the page's language writes them (1,5 in Vietnamese); a band's bounds stay as
                // the rule is typed.
                problems.add(new FrameworkProblem(code, "framework.problem.scoring.pointsAboveMaximum", code,
                        Numbers.plain(step.points()), Numbers.plain(maximum)));
            }
        }
        for (int i = 1; i < steps.size(); i++) {
            ScoreStep before = steps.get(i - 1);
            ScoreStep after = steps.get(i);
            if (before.to() == null || before.to().compareTo(after.from()) > 0) {
                problems.add(new FrameworkProblem(code, "framework.problem.scoring.overlappingSteps", code,
                        band(before), band(after)));
            }
            // A level without points is reported as missing, not as a gap between its neighbours.
            else if (before.to().compareTo(after.from()) < 0 && method != ScoringMethod.LEVELS) {
                problems.add(new FrameworkProblem(code, "framework.problem.scoring.gapBetweenSteps", code,
                        plain(before.to()), plain(after.from())));
            }
        }
        // "80..100=10" looks whole, yet 100% falls outside it (a band excludes its upper end) and would earn 0.
        if (method == ScoringMethod.STEPS && !steps.isEmpty() && steps.get(steps.size() - 1).to() != null) {
            ScoreStep last = steps.get(steps.size() - 1);
            problems.add(new FrameworkProblem(code, "framework.problem.scoring.lastStepClosed", code, band(last),
                    plain(last.to())));
        }
        return problems;
    }

    private static String band(ScoreStep step) {
        return band(ScoringMethod.STEPS, step);
    }

    /**
     * The bands as the editor and the files write them, "0..50=0; 50..80=25; 80..=50" (levels as "0=0; 1=20"), or
     * null when the rule has none: the one notation a person reads bands in, on a page or in the audit trail.
     */
    public String text() {
        if (steps.isEmpty()) {
            return null;
        }
        return String.join("; ", steps.stream().map(step -> band(method, step) + "=" + plain(step.points())).toList());
    }

    /** One band without its points: "50..80" or "80.." for STEPS, the level for LEVELS. */
    public static String band(ScoringMethod method, ScoreStep step) {
        return method == ScoringMethod.LEVELS ? plain(step.from())
                : plain(step.from()) + ".." + (step.to() == null ? "" : plain(step.to()));
    }

    static String plain(BigDecimal number) {
        return Numbers.plain(number).toPlainString();
    }
}
