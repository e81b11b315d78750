package org.communedx.web.entry;

import java.io.Serializable;

import org.communedx.model.Numbers;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.MeasurementType;
import org.communedx.service.assessment.AssessmentViews.EntryView;

import org.springframework.validation.Errors;

/**
 * The value form of the entry page, one set of fields per measurement type. Fields are text so that anything a
 * user types comes back with a message in their language rather than a binding error; {@link #toValue} checks
 * them for the criterion's type.
 * <p>
 * Serializable: after an edit conflict what the user typed waits in the session for the next page, and shared
 * sessions are stored serialized.
 */
class ValueForm implements Serializable {

    static final int EXPLANATION_MAX = CriterionEntry.EXPLANATION_MAX;

    private String numerator;

    private String denominator;

    private String count;

    private String level;

    private String yesNo;

    private String explanation;

    private Long version;

    static ValueForm of(EntryView entry) {
        ValueForm form = new ValueForm();
        form.version = entry.version();
        form.explanation = entry.explanation();
        if (entry.value() instanceof EntryValue.Percent percent) {
            form.numerator = String.valueOf(percent.numerator());
            form.denominator = String.valueOf(percent.denominator());
        }
        else if (entry.value() instanceof EntryValue.Count c) {
            form.count = String.valueOf(c.count());
        }
        else if (entry.value() instanceof EntryValue.Level l) {
            form.level = String.valueOf(l.level());
        }
        else if (entry.value() instanceof EntryValue.YesNo y) {
            form.yesNo = y.yes() ? "yes" : "no";
        }
        return form;
    }

    /**
     * What the user typed, on the entry as it now is: after a conflict the form keeps their value, and saving it again
     * replaces the current one knowingly.
     */
    ValueForm atVersion(long current) {
        ValueForm typed = new ValueForm();
        typed.numerator = numerator;
        typed.denominator = denominator;
        typed.count = count;
        typed.level = level;
        typed.yesNo = yesNo;
        typed.explanation = explanation;
        typed.version = current;
        return typed;
    }

    /** The value for the criterion's type, or null with every problem rejected on its field. */
    EntryValue toValue(MeasurementType type, Errors errors) {
        if (version == null) {
            errors.reject("entry.form.stale");
        }
        if (explanation != null && explanation.length() > EXPLANATION_MAX) {
            errors.rejectValue("explanation", "entry.form.explanationTooLong", new Object[] { EXPLANATION_MAX }, null);
        }
        EntryValue value = switch (type) {
            case PERCENT -> percent(errors);
            case COUNT -> {
                Integer parsed = wholeNumber("count", count, errors);
                if (parsed != null && parsed < 0) {
                    errors.rejectValue("count", "entry.value.countNegative");
                    yield null;
                }
                yield parsed == null ? null : new EntryValue.Count(parsed);
            }
            case LEVEL -> {
                if (level == null || level.isBlank()) {
                    errors.rejectValue("level", "entry.form.chooseLevel");
                    yield null;
                }
                Integer parsed = wholeNumber("level", level, errors);
                if (parsed != null && (parsed < 0 || parsed > 3)) {
                    errors.rejectValue("level", "entry.value.levelOutOfRange", new Object[] { parsed }, null);
                    yield null;
                }
                yield parsed == null ? null : new EntryValue.Level(parsed);
            }
            case BOOLEAN -> {
                if (!"yes".equals(yesNo) && !"no".equals(yesNo)) {
                    errors.rejectValue("yesNo", "entry.form.chooseYesNo");
                    yield null;
                }
                yield new EntryValue.YesNo("yes".equals(yesNo));
            }
        };
        return errors.hasErrors() ? null : value;
    }

    private EntryValue percent(Errors errors) {
        Integer top = wholeNumber("numerator", numerator, errors);
        Integer bottom = wholeNumber("denominator", denominator, errors);
        if (top != null && top < 0) {
            errors.rejectValue("numerator", "entry.value.numeratorNegative");
            return null;
        }
        if (bottom != null && bottom <= 0) {
            errors.rejectValue("denominator", "entry.value.denominatorNotPositive");
            return null;
        }
        if (top == null || bottom == null) {
            return null;
        }
        if (top > bottom) {
            errors.rejectValue("numerator", "entry.value.numeratorAboveDenominator", new Object[] { top, bottom },
                    null);
            return null;
        }
        return new EntryValue.Percent(top, bottom);
    }

    private static Integer wholeNumber(String field, String text, Errors errors) {
        if (text == null || text.isBlank()) {
            errors.rejectValue(field, "entry.form.required");
            return null;
        }
        try {
            return Numbers.wholeNumber(text);
        }
        catch (NumberFormatException ex) {
            if (text.strip().matches("[0-9]+")) {
                // A whole number all the same, only past what a value may be: say that, not "a whole number".
                errors.rejectValue(field, "entry.form.tooLarge", new Object[] { Integer.MAX_VALUE }, null);
            }
            else if (Numbers.groupedThousands(text)) {
                errors.rejectValue(field, "entry.value.thousandsSeparator");
            }
            else {
                errors.rejectValue(field, "entry.form.wholeNumber");
            }
            return null;
        }
    }

    public String getNumerator() {
        return numerator;
    }

    public void setNumerator(String numerator) {
        this.numerator = numerator;
    }

    public String getDenominator() {
        return denominator;
    }

    public void setDenominator(String denominator) {
        this.denominator = denominator;
    }

    public String getCount() {
        return count;
    }

    public void setCount(String count) {
        this.count = count;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public String getYesNo() {
        return yesNo;
    }

    public void setYesNo(String yesNo) {
        this.yesNo = yesNo;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
