package org.communedx.model.framework;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for a group's or a criterion's code. A code is part of addresses ({@code /criteria/G1.C1}), of file
 * names and of the columns of value files, so it holds ASCII letters and digits in runs joined by one dot, hyphen or
 * underscore: no slash, space or {@code ..} that a browser or a server would read as part of the path. And since a
 * reader, a value file and a mapping take "g1.c1" for "G1.C1", one version never holds two codes that differ only in
 * case.
 */
public final class Codes {

    /** The longest code, the database column's. */
    public static final int MAX_LENGTH = 32;

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*");

    private Codes() {
    }

    /** The problem of a code that does not have the shape above; empty for a well-formed one. */
    public static Optional<FrameworkProblem> shapeProblem(String code) {
        return code == null || code.length() > MAX_LENGTH || SHAPE.matcher(code).matches() ? Optional.empty()
                : Optional.of(new FrameworkProblem(code, "framework.problem.codeShape", code));
    }

    /** What two codes share when one version may not hold both. */
    public static String key(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
