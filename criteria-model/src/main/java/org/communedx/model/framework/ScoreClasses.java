package org.communedx.model.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.communedx.model.Numbers;

/**
 * A framework's classes, highest threshold first: the one place a score is classed and the classes are checked.
 * A score below the lowest threshold has no class.
 */
public record ScoreClasses(List<ScoreClass> classes) {

    public static final ScoreClasses NONE = new ScoreClasses(List.of());

    public ScoreClasses {
        classes = List.copyOf(classes);
    }

    public boolean isEmpty() {
        return classes.isEmpty();
    }

    /** The position (0 = highest) of the class a score falls in, or empty below the lowest threshold. */
    public Optional<Integer> classify(BigDecimal score) {
        for (int i = 0; i < classes.size(); i++) {
            if (score.compareTo(classes.get(i).threshold()) >= 0) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * Every reason the classes cannot be published: a threshold outside 0 to the top of the scale (the maximum points,
     * or 100 percent), a threshold not strictly below the one listed before it, a threshold or a name given twice.
     */
    public List<FrameworkProblem> problems(String code, BigDecimal top) {
        return problemsPerClass(code, top).stream().flatMap(List::stream).toList();
    }

    /**
     * The field of its class a problem of {@link #problemsPerClass} is about: the name given twice, in either language,
     * or {@code threshold} for the rest. An import's row and the draft editor's form place it alike.
     */
    public static String field(FrameworkProblem problem) {
        String key = problem.messageKey();
        return key.endsWith("duplicateNameEn") ? "nameEn" : key.endsWith("duplicateName") ? "nameVi" : "threshold";
    }

    /** {@link #problems}, one list per class in order, so that an import or a form can place each on its row. */
    public List<List<FrameworkProblem>> problemsPerClass(String code, BigDecimal top) {
        List<List<FrameworkProblem>> perClass = new ArrayList<>();
        Set<BigDecimal> thresholds = new HashSet<>();
        Set<String> names = new HashSet<>();
        ScoreClass previous = null;
        for (ScoreClass scoreClass : classes) {
            List<FrameworkProblem> problems = new ArrayList<>();
            BigDecimal threshold = scoreClass.threshold().stripTrailingZeros();
            String name = scoreClass.nameVi();
            // Named in the reader's language: an English page said "Class “Xuất sắc”" of a class it calls Excellent.
            LocalizedText named = new LocalizedText(name, scoreClass.nameEn());
            if (threshold.signum() < 0 || threshold.compareTo(top) > 0) {
                problems.add(new FrameworkProblem(code, "framework.problem.class.outOfRange", named,
                        Numbers.plain(threshold), Numbers.plain(top)));
            }
            if (!thresholds.add(threshold)) {
                problems.add(new FrameworkProblem(code, "framework.problem.class.duplicateThreshold", named,
                        Numbers.plain(threshold)));
            }
            else if (previous != null && threshold.compareTo(previous.threshold()) > 0) {
                problems.add(new FrameworkProblem(code, "framework.problem.class.notOrdered", named,
                        Numbers.plain(threshold), new LocalizedText(previous.nameVi(), previous.nameEn()),
                        Numbers.plain(previous.threshold())));
            }
            // Both names must tell the classes apart, in either language's page and export.
            boolean newVi = names.add("vi:" + name.toLowerCase(Locale.ROOT));
            boolean newEn = names.add("en:" + scoreClass.nameEn().toLowerCase(Locale.ROOT));
            if (!newVi) {
                problems.add(new FrameworkProblem(code, "framework.problem.class.duplicateName", name));
            }
            if (!newEn) {
                problems.add(new FrameworkProblem(code, "framework.problem.class.duplicateNameEn",
                        scoreClass.nameEn()));
            }
            perClass.add(problems);
            previous = scoreClass;
        }
        return perClass;
    }
}
