package org.communedx.model.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.communedx.model.RuleViolation;
import org.communedx.model.framework.MeasurementType;

/**
 * A value entered for a criterion, one shape per measurement type. Each checks its range as it is made, so an
 * invalid value never exists.
 */
public sealed interface EntryValue {

    MeasurementType type();

    /** The value as the criterion's target measures it: a percent, a count, a level, or 1 and 0 for yes and no. */
    BigDecimal measure();

    /**
     * A numerator over a denominator, e.g. 18 of 20 officials trained. The percent is rounded half up to two
     * decimals; that is the one place a percent of a value is rounded.
     */
    record Percent(int numerator, int denominator) implements EntryValue {

        public Percent {
            if (denominator <= 0) {
                throw new RuleViolation("entry.value.denominatorNotPositive");
            }
            if (numerator < 0) {
                throw new RuleViolation("entry.value.numeratorNegative");
            }
            if (numerator > denominator) {
                throw new RuleViolation("entry.value.numeratorAboveDenominator", numerator, denominator);
            }
        }

        @Override
        public MeasurementType type() {
            return MeasurementType.PERCENT;
        }

        @Override
        public BigDecimal measure() {
            return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
        }
    }

    record Count(int count) implements EntryValue {

        public Count {
            if (count < 0) {
                throw new RuleViolation("entry.value.countNegative");
            }
        }

        @Override
        public MeasurementType type() {
            return MeasurementType.COUNT;
        }

        @Override
        public BigDecimal measure() {
            return BigDecimal.valueOf(count);
        }
    }

    record Level(int level) implements EntryValue {

        public Level {
            if (level < 0 || level > 3) {
                throw new RuleViolation("entry.value.levelOutOfRange", level);
            }
        }

        @Override
        public MeasurementType type() {
            return MeasurementType.LEVEL;
        }

        @Override
        public BigDecimal measure() {
            return BigDecimal.valueOf(level);
        }
    }

    record YesNo(boolean yes) implements EntryValue {

        @Override
        public MeasurementType type() {
            return MeasurementType.BOOLEAN;
        }

        @Override
        public BigDecimal measure() {
            return yes ? BigDecimal.ONE : BigDecimal.ZERO;
        }
    }
}
