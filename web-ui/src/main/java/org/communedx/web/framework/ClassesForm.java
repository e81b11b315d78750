package org.communedx.web.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.communedx.model.Numbers;
import org.communedx.model.framework.ScoreClass;
import org.communedx.model.framework.ScoreClasses;

import org.springframework.validation.Errors;

/**
 * A draft's classes as one form: a row per class, highest first, then an empty row to add one. A row marked for
 * removal, or left empty, is dropped before anything is checked. A threshold stays text here, so that what was typed
 * comes back as it was, and a decimal comma is read as the import reads it. Whether the classes fit together (order,
 * names and thresholds given twice, the scale) is {@link ScoreClasses}'s one check, made by the service.
 */
public class ClassesForm {

    /** The column of {@code framework_score_class.name_vi} and {@code name_en}. */
    static final int NAME_LENGTH = 100;

    /** Below numeric(9, 2), the column of a threshold, as an import bounds it. */
    private static final BigDecimal THRESHOLD_LIMIT = new BigDecimal("10000000");

    private List<Row> classes = new ArrayList<>();

    static ClassesForm of(ScoreClasses classes) {
        ClassesForm form = new ClassesForm();
        for (ScoreClass scoreClass : classes.classes()) {
            form.classes.add(new Row(scoreClass.nameVi(), scoreClass.nameEn(),
                    scoreClass.threshold().toPlainString()));
        }
        return form.withEmptyRow();
    }

    /** Drops the rows marked for removal and those left empty: what would be saved. */
    ClassesForm kept() {
        classes.removeIf(row -> row == null || row.isRemove() || row.isEmpty());
        return this;
    }

    ClassesForm withEmptyRow() {
        classes.add(new Row());
        return this;
    }

    /**
     * Rejects what cannot be a class at all: a missing or too long name, a threshold that is not a number.
     * @return the rows that are classes, by their place in the form, in order: all of them when nothing was rejected,
     *     else those whose fit with each other can be checked in the same round
     */
    SortedMap<Integer, ScoreClass> checkShape(Errors errors) {
        SortedMap<Integer, ScoreClass> shaped = new TreeMap<>();
        for (int i = 0; i < classes.size(); i++) {
            Row row = classes.get(i);
            boolean whole = true;
            if (blank(row.nameVi) || row.nameVi.strip().length() > NAME_LENGTH) {
                errors.rejectValue(path(i, "nameVi"), "framework.edit.class.nameVi.invalid",
                        new Object[] { NAME_LENGTH }, null);
                whole = false;
            }
            if (blank(row.nameEn) || row.nameEn.strip().length() > NAME_LENGTH) {
                errors.rejectValue(path(i, "nameEn"), "framework.edit.class.nameEn.invalid",
                        new Object[] { NAME_LENGTH }, null);
                whole = false;
            }
            BigDecimal threshold = threshold(row.threshold);
            // "1.000" is one thousand as the version's page writes it, and 1 to the decimal reader: neither is taken.
            // ("12,500" stays 12.5, a Vietnamese decimal, as "62,5" is.)
            if (!blank(row.threshold) && Numbers.dotGroupedThousands(row.threshold)) {
                errors.rejectValue(path(i, "threshold"), "entry.value.thousandsSeparator", null, null);
                whole = false;
            }
            else if (threshold == null) {
                errors.rejectValue(path(i, "threshold"), "framework.edit.class.threshold.invalid", null, null);
                whole = false;
            }
            if (whole) {
                shaped.put(i, new ScoreClass(row.nameVi.strip(), row.nameEn.strip(), threshold));
            }
        }
        return shaped;
    }

    static String path(int row, String field) {
        return "classes[" + row + "]." + field;
    }

    /** A number with at most two decimals below the column's limit, or null. Negative passes: the range is the check's. */
    private static BigDecimal threshold(String text) {
        if (blank(text) || text.strip().length() > 32) {
            return null;
        }
        try {
            BigDecimal number = Numbers.decimal(text).stripTrailingZeros();
            return number.scale() > 2 || number.abs().compareTo(THRESHOLD_LIMIT) >= 0 ? null : number;
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public List<Row> getClasses() {
        return classes;
    }

    public void setClasses(List<Row> classes) {
        this.classes = classes;
    }

    /** One class as typed, and whether to remove it. */
    public static class Row {

        private String nameVi;

        private String nameEn;

        private String threshold;

        private boolean remove;

        public Row() {
        }

        Row(String nameVi, String nameEn, String threshold) {
            this.nameVi = nameVi;
            this.nameEn = nameEn;
            this.threshold = threshold;
        }

        /** Nothing typed: an empty row adds nothing, and offers no removal. */
        public boolean isEmpty() {
            return blank(nameVi) && blank(nameEn) && blank(threshold);
        }

        public String getNameVi() {
            return nameVi;
        }

        public void setNameVi(String nameVi) {
            this.nameVi = nameVi;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }

        public String getThreshold() {
            return threshold;
        }

        public void setThreshold(String threshold) {
            this.threshold = threshold;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }
}
