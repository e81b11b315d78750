package org.communedx.service.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.communedx.model.Numbers;
import org.communedx.model.framework.ScoreStep;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.model.framework.ScoringRule;

/**
 * The bands of a scoring rule as one line of text, the same in a YAML file, a spreadsheet cell and the editor's field:
 * {@code 0..50=0; 50..80=5; 80..=10} for STEPS (from, up to but not including, points; no upper end after the last
 * {@code ..}), and {@code 0=0; 1=3; 2=6; 3=10} for LEVELS (level, points). {@link ScoringRule#text} writes it.
 */
public final class ScoreStepsText {

    private ScoreStepsText() {
    }

    /**
     * The bands that {@code text} writes for a rule of that method; an empty list for blank text.
     * @throws IllegalArgumentException naming the piece that is not a band, with its numbers of at most two decimals
     */
    public static List<ScoreStep> parse(String text, ScoringMethod method) {
        List<ScoreStep> steps = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return steps;
        }
        for (String piece : text.split(";")) {
            if (piece.isBlank()) {
                continue;
            }
            String[] bandAndPoints = piece.split("=", -1);
            if (bandAndPoints.length != 2) {
                throw new IllegalArgumentException(piece.strip());
            }
            BigDecimal points = number(bandAndPoints[1], piece);
            String band = bandAndPoints[0].strip();
            if (method == ScoringMethod.LEVELS) {
                BigDecimal level = number(band, piece);
                if (level.stripTrailingZeros().scale() > 0 || level.signum() < 0 || level.compareTo(BigDecimal.TEN) > 0) {
                    throw new IllegalArgumentException(piece.strip());
                }
                steps.add(ScoreStep.level(level.intValue(), points));
                continue;
            }
            int dots = band.indexOf("..");
            if (dots < 0) {
                throw new IllegalArgumentException(piece.strip());
            }
            String upper = band.substring(dots + 2).strip();
            steps.add(new ScoreStep(number(band.substring(0, dots), piece),
                    upper.isEmpty() ? null : number(upper, piece), points));
        }
        return steps;
    }

    private static BigDecimal number(String text, String piece) {
        try {
            BigDecimal number = Numbers.decimal(text);
            if (number.stripTrailingZeros().scale() > 2 || number.abs().compareTo(new BigDecimal("10000000")) >= 0) {
                throw new IllegalArgumentException(piece.strip());
            }
            return number;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(piece.strip(), ex);
        }
    }
}
