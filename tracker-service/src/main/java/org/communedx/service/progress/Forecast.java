package org.communedx.service.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a commune's verified completion is heading: from today's figure, at the pace of its real history (the slope
 * of the least-squares line through the figure at the start, at the end of each day it changed, and today), to the
 * deadline. The line itself is not extended: for a commune that stalled it runs above today's figure, and would
 * forecast a gain the commune has not made. A figure never falls by forecast below today's, nor rises above 100.
 */
public final class Forecast {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Forecast() {
    }

    /** The commune's verified completion at the end of a day on which it changed. */
    public record Point(LocalDate day, BigDecimal verified) {
    }

    /**
     * @param start the day the history starts from, when the figure was 0 (the period's first day)
     * @param history the changes, oldest first, none after {@code today}
     * @param today the last day of the history: the figure then is the latest change's
     * @param deadline the day to project to, not before {@code today}
     * @return the projected figure, to six decimals (finer than the regression's doubles are exact, coarser than a
     *     kept percentage differs from a whole target): held to a plan's target unrounded, like the figure itself,
     *     and rounded when shown
     */
    public static BigDecimal project(LocalDate start, List<Point> history, LocalDate today, LocalDate deadline) {
        BigDecimal current = history.isEmpty() ? BigDecimal.ZERO : history.get(history.size() - 1).verified();
        List<double[]> points = new ArrayList<>();
        points.add(new double[] { 0, 0 });
        for (Point point : history) {
            points.add(new double[] { ChronoUnit.DAYS.between(start, point.day()), point.verified().doubleValue() });
        }
        points.add(new double[] { ChronoUnit.DAYS.between(start, today), current.doubleValue() });
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (double[] p : points) {
            covariance += (p[0] - meanX) * (p[1] - meanY);
            variance += (p[0] - meanX) * (p[0] - meanX);
        }
        if (variance == 0) {
            return current;
        }
        double slope = covariance / variance;
        double projected = current.doubleValue() + slope * ChronoUnit.DAYS.between(today, deadline);
        BigDecimal figure = BigDecimal.valueOf(projected).setScale(6, RoundingMode.HALF_UP);
        // Never below today's figure, unrounded: a flat 39.995% is not projected to reach 40%.
        return figure.max(current).min(HUNDRED);
    }
}
