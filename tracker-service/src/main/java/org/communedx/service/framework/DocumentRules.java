package org.communedx.service.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.communedx.model.Numbers;
import org.communedx.model.framework.Codes;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkProblem;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreClass;
import org.communedx.model.framework.ScoreClasses;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoreStep;
import org.communedx.model.framework.ScoringMethod;
import org.communedx.model.framework.ScoringRule;
import org.communedx.service.framework.FrameworkDocument.GroupDocument;
import org.communedx.service.framework.RawFramework.RawGroup;
import org.communedx.service.framework.RawFramework.RawRecord;

/**
 * Turns what a file holds into a {@link FrameworkDocument}, or lists every problem with its place. The limits
 * are those of the database columns (V1__framework.sql), so that an accepted file always saves.
 */
final class DocumentRules {

    private static final BigDecimal TARGET_LIMIT = new BigDecimal("10000000");

    private static final BigDecimal WEIGHT_LIMIT = new BigDecimal("10000");

    private final List<ImportProblem> problems = new ArrayList<>();

    private DocumentRules() {
    }

    /** The document, or {@code null} when {@code problems} received at least one problem. */
    static FrameworkDocument check(RawFramework raw, List<ImportProblem> problems) {
        DocumentRules rules = new DocumentRules();
        FrameworkDocument document = rules.document(raw);
        problems.addAll(rules.problems);
        return rules.problems.isEmpty() ? document : null;
    }

    private FrameworkDocument document(RawFramework raw) {
        RawRecord header = raw.header();
        String code = text(header, "code", Codes.MAX_LENGTH, true);
        Codes.shapeProblem(code).ifPresent(problem -> problems.add(header.problem("code", problem.messageKey(),
                problem.arguments().toArray())));
        String version = text(header, "version", 16, true);
        if (version != null && !Framework.isVersion(version)) {
            problems.add(header.problem("version", "framework.import.problem.badVersion", version));
        }
        LocalizedText title = new LocalizedText(text(header, "titleVi", 300, true),
                text(header, "titleEn", 300, true));
        ScoreSettings settings = scoreSettings(header);
        if (raw.groups().isEmpty()) {
            problems.add(ImportProblem.ofFile("framework.import.problem.noGroups"));
        }
        // Each code's key (codes ignore case) with where it was first, which a clash names.
        Map<String, Taken> groupCodes = new HashMap<>();
        Map<String, Taken> criterionCodes = new HashMap<>();
        List<GroupDocument> groups = new ArrayList<>();
        for (RawGroup rawGroup : raw.groups()) {
            RawRecord group = rawGroup.group();
            String groupCode = text(group, "code", Codes.MAX_LENGTH, true);
            Optional<FrameworkProblem> badGroupCode = Codes.shapeProblem(groupCode);
            badGroupCode.ifPresent(problem -> problems.add(group.problem("code", problem.messageKey(),
                    problem.arguments().toArray())));
            Taken groupTaken = groupCode == null || badGroupCode.isPresent() ? null
                    : groupCodes.putIfAbsent(Codes.key(groupCode), Taken.at(group, groupCode));
            if (groupTaken != null) {
                problems.add(group.problem("code", "framework.import.problem.duplicateCode", groupCode,
                        groupTaken.code(), groupTaken.row()));
            }
            LocalizedText name = new LocalizedText(text(group, "nameVi", 300, true), text(group, "nameEn", 300, true));
            List<CriterionDefinition> criteria = new ArrayList<>();
            for (RawRecord criterion : rawGroup.criteria()) {
                CriterionDefinition definition = criterion(criterion);
                if (definition == null) {
                    continue;
                }
                Taken taken = criterionCodes.putIfAbsent(Codes.key(definition.code()),
                        Taken.at(criterion, definition.code()));
                if (taken != null) {
                    problems.add(criterion.problem("code", "framework.import.problem.duplicateCode",
                            definition.code(), taken.code(), taken.row()));
                }
                criteria.add(definition);
            }
            groups.add(new GroupDocument(groupCode, name, criteria));
        }
        List<ScoreClass> classes = raw.classes().stream().map(this::scoreClass).toList();
        // The maxima add up only when every criterion could be read; the decimals are wrong or not regardless, and
        // are said with the rest rather than once the rest is mended. A total the criteria do not reach is left to
        // publishing, as the draft editor leaves it: a draft exported half-way came back refused.
        boolean whole = problems.isEmpty();
        BigDecimal maximum = groups.stream().flatMap(group -> group.criteria().stream())
                .map(CriterionDefinition::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (FrameworkProblem problem : Framework.scoreSettingsProblems(code, settings, maximum)) {
            if (problem.messageKey().endsWith("decimalsOutOfRange")) {
                problems.add(header.problem("scoreDecimals", problem.messageKey(), problem.arguments().toArray()));
            }
        }
        if (whole) {
            List<List<FrameworkProblem>> classProblems = new ScoreClasses(classes).problemsPerClass(code,
                    Framework.scaleTop(settings, maximum));
            for (int i = 0; i < classProblems.size(); i++) {
                for (FrameworkProblem problem : classProblems.get(i)) {
                    problems.add(raw.classes().get(i).problem(ScoreClasses.field(problem), problem.messageKey(),
                            problem.arguments().toArray()));
                }
            }
        }
        return problems.isEmpty()
                ? new FrameworkDocument(code, version, title, settings, groups, new ScoreClasses(classes)) : null;
    }

    /** How the version shows its figures; percent with two decimals and no declared total when the file says nothing. */
    private ScoreSettings scoreSettings(RawRecord header) {
        ScoreDisplay display = header.value("scoreDisplay").text() == null ? ScoreDisplay.PERCENT
                : choice(header, "scoreDisplay", ScoreDisplay.class, "framework.import.problem.unknownScoreDisplay");
        BigDecimal decimals = number(header, "scoreDecimals", BigDecimal.TEN, false);
        if (decimals != null && decimals.stripTrailingZeros().scale() > 0) {
            problems.add(header.problem("scoreDecimals", "framework.import.problem.notANumber",
                    decimals.toPlainString()));
            decimals = null;
        }
        BigDecimal declaredTotal = number(header, "declaredTotal", TARGET_LIMIT, false);
        if (declaredTotal != null && declaredTotal.signum() <= 0) {
            problems.add(header.problem("declaredTotal", "framework.import.problem.totalNotPositive",
                    declaredTotal.toPlainString()));
        }
        return new ScoreSettings(display, decimals == null ? ScoreSettings.PERCENT.decimals() : decimals.intValue(),
                declaredTotal);
    }

    /** A class of the file, or null when its row has a problem (listed). */
    private ScoreClass scoreClass(RawRecord row) {
        String nameVi = text(row, "nameVi", 100, true);
        String nameEn = text(row, "nameEn", 100, true);
        BigDecimal threshold = number(row, "threshold", TARGET_LIMIT, true);
        return nameVi == null || nameEn == null || threshold == null ? null
                : new ScoreClass(nameVi, nameEn, threshold);
    }

    private CriterionDefinition criterion(RawRecord row) {
        int before = problems.size();
        String code = text(row, "code", Codes.MAX_LENGTH, true);
        LocalizedText name = new LocalizedText(text(row, "nameVi", 500, true), text(row, "nameEn", 500, true));
        LocalizedText description = new LocalizedText(text(row, "descriptionVi", 10_000, false),
                text(row, "descriptionEn", 10_000, false));
        MeasurementType type = choice(row, "type", MeasurementType.class, "framework.import.problem.unknownType");
        BigDecimal target = number(row, "target", TARGET_LIMIT, true);
        Comparison comparison = choice(row, "comparison", Comparison.class,
                "framework.import.problem.unknownComparison");
        String unit = text(row, "unit", 32, false);
        BigDecimal weight = number(row, "weight", WEIGHT_LIMIT, false);
        ScoringMethod method = row.value("scoring").text() == null ? ScoringMethod.ALL_OR_NOTHING
                : choice(row, "scoring", ScoringMethod.class, "framework.import.problem.unknownScoring");
        List<ScoreStep> steps = List.of();
        if (method != null) {
            try {
                steps = ScoreStepsText.parse(row.value("steps").text(), method);
            }
            catch (IllegalArgumentException notABand) {
                String key = method == ScoringMethod.LEVELS ? "framework.import.problem.badStep.LEVELS"
                        : "framework.import.problem.badStep";
                problems.add(row.problem("steps", key, notABand.getMessage()));
            }
        }
        LocalizedText evidence = new LocalizedText(text(row, "typicalEvidenceVi", 10_000, false),
                text(row, "typicalEvidenceEn", 10_000, false));
        Boolean evidenceRequired = yesNo(row, "evidenceRequired");
        Boolean automatic = yesNo(row, "automatic");
        if (problems.size() > before) {
            return null;
        }
        CriterionDefinition definition = new CriterionDefinition(code, name, description, type, target, comparison,
                unit, weight, new ScoringRule(method, steps), evidence, evidenceRequired == null || evidenceRequired,
                Boolean.TRUE.equals(automatic));
        for (FrameworkProblem problem : CriterionChecks.of(definition)) {
            String field = problem.messageKey().equals("framework.problem.codeShape") ? "code"
                    : problem.messageKey().contains("weight") ? "weight"
                    : problem.messageKey().contains("scoring.") ? "steps" : "target";
            problems.add(row.problem(field, problem.messageKey(), problem.arguments().toArray()));
        }
        return definition;
    }

    private String text(RawRecord row, String field, int maxLength, boolean required) {
        String text = row.value(field).text();
        if (text == null) {
            if (required) {
                problems.add(row.problem(field, "framework.import.problem.required"));
            }
            return null;
        }
        if (text.length() > maxLength) {
            problems.add(row.problem(field, "framework.import.problem.tooLong", maxLength));
            return null;
        }
        return text;
    }

    private <E extends Enum<E>> E choice(RawRecord row, String field, Class<E> type, String unknownKey) {
        String text = text(row, field, 32, true);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            problems.add(row.problem(field, unknownKey, text));
            return null;
        }
    }

    /** A number with at most two decimals that fits its column, e.g. numeric(9, 2) for a target. */
    private BigDecimal number(RawRecord row, String field, BigDecimal limit, boolean required) {
        String text = text(row, field, 32, required);
        if (text == null) {
            return null;
        }
        if (Numbers.groupedThousands(text)) {
            // "1.000" is one thousand in Vietnamese and "1,000" in English: read as a decimal, either had been 1.
            problems.add(row.problem(field, "framework.import.problem.thousandsSeparator", text));
            return null;
        }
        BigDecimal number;
        try {
            number = Numbers.decimal(text);
        }
        catch (NumberFormatException ex) {
            problems.add(row.problem(field, "framework.import.problem.notANumber", text));
            return null;
        }
        // The decimals as written, as the criterion form counts them: "12.500" is refused there too.
        if (number.scale() > 2 || number.abs().compareTo(limit) >= 0) {
            problems.add(row.problem(field, "framework.import.problem.numberOutOfBounds", text,
                    limit.toPlainString()));
            return null;
        }
        return Numbers.plain(number);
    }

    private Boolean yesNo(RawRecord row, String field) {
        String text = text(row, field, 32, false);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "có", "1" -> true;
            case "false", "no", "không", "0" -> false;
            default -> {
                problems.add(row.problem(field, "framework.import.problem.notYesNo", text));
                yield null;
            }
        };
    }

    /** A code where it was first: the row a clash names. */
    private record Taken(String code, int row) {

        static Taken at(RawRecord record, String code) {
            return new Taken(code, record.value("code").number());
        }
    }
}
