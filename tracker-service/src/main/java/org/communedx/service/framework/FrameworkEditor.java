package org.communedx.service.framework;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.communedx.model.framework.Codes;
import org.communedx.model.framework.Criterion;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkProblem;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.model.framework.FrameworkStatus;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.ScoreClasses;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.service.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a draft version: its title, classes, groups and criteria. Every group or criterion is looked up inside the
 * version named, so an id from another version is "not found". The entity refuses changes to a version that
 * is not a draft; the forms are refused here as well, so nobody fills in a form that cannot be saved. Every change
 * is audited in its own transaction, with the changed group's, criterion's or version's snapshot before and after.
 */
@Service
@Transactional(readOnly = true)
public class FrameworkEditor {

    /** A part of the draft saved by another administrator since the form was opened. */
    public static final String CHANGED_MEANWHILE = "framework.problem.changedMeanwhile";

    private final FrameworkRepository frameworks;

    private final AuditLog audit;

    FrameworkEditor(FrameworkRepository frameworks, AuditLog audit) {
        this.frameworks = frameworks;
        this.audit = audit;
    }

    /** What the title form starts from. */
    public LocalizedText title(String code, String version) {
        return draft(code, version).title();
    }

    /** What the title form's score settings start from. */
    public ScoreSettings scoreSettings(String code, String version) {
        return draft(code, version).scoreSettings();
    }

    /** What the classes form starts from, with the scale its thresholds are on today. */
    public ClassesEdit scoreClasses(String code, String version) {
        Framework framework = draft(code, version);
        return new ClassesEdit(framework.scoreClasses(), framework.scoreSettings().display(),
                framework.scoreScaleTop());
    }

    public GroupEdit group(String code, String version, long groupId) {
        CriterionGroup group = group(draft(code, version), groupId);
        return new GroupEdit(group.getId(), group.getCode(), group.name(), group.getCriteria().size());
    }

    public CriterionEdit criterion(String code, String version, long criterionId) {
        Criterion criterion = criterion(draft(code, version), criterionId);
        return new CriterionEdit(criterion.getId(), criterion.getGroup().getCode(), criterion.definition(),
                criterion.getRowVersion());
    }

    /**
     * The version's title and how it shows its figures, saved together. Whether the declared total matches the
     * criteria is checked when the version is published, since a draft is still being filled.
     */
    @Transactional
    public void editTitle(String code, String version, LocalizedText title, ScoreSettings settings) {
        Framework framework = load(code, version);
        Map<String, Object> before = framework.snapshot();
        framework.editTitle(title);
        framework.changeScoreSettings(settings);
        recordEdit(FrameworkAudit.FRAMEWORK, framework.getId(), before, framework.snapshot());
    }

    /**
     * Replaces the version's classes, highest first, checked as an import and publishing check them
     * ({@link ScoreClasses#problemsPerClass}) against the draft's scale as it is now; publishing checks them again
     * against the scale it has then. A save that changes nothing records nothing.
     * @throws ScoreClassesRefused with every problem on its class, and nothing saved
     */
    @Transactional
    public void editScoreClasses(String code, String version, ScoreClasses classes) {
        Framework framework = draft(code, version);
        List<List<FrameworkProblem>> problems = classes.problemsPerClass(code, framework.scoreScaleTop());
        if (problems.stream().anyMatch(list -> !list.isEmpty())) {
            throw new ScoreClassesRefused(problems);
        }
        Map<String, Object> before = framework.snapshot();
        framework.changeScoreClasses(classes);
        recordEdit(FrameworkAudit.FRAMEWORK, framework.getId(), before, framework.snapshot());
    }

    @Transactional
    public long addGroup(String code, String version, String groupCode, LocalizedText name) {
        Framework framework = load(code, version);
        requireUnusedGroupCode(framework, groupCode, null);
        CriterionGroup group = framework.addGroup(groupCode, name);
        frameworks.flush();
        audit.record(FrameworkAudit.GROUP, group.getId(), "CREATE", null, group.snapshot());
        return group.getId();
    }

    @Transactional
    public void editGroup(String code, String version, long groupId, String groupCode, LocalizedText name) {
        Framework framework = load(code, version);
        CriterionGroup group = group(framework, groupId);
        requireUnusedGroupCode(framework, groupCode, group);
        Map<String, Object> before = group.snapshot();
        group.edit(groupCode, name);
        recordEdit(FrameworkAudit.GROUP, groupId, before, group.snapshot());
    }

    @Transactional
    public void removeGroup(String code, String version, long groupId) {
        Framework framework = load(code, version);
        CriterionGroup group = group(framework, groupId);
        // Its criteria go with it: each is recorded as removed, whole, so that the group's record need only name them.
        for (Criterion criterion : group.getCriteria()) {
            audit.record(FrameworkAudit.CRITERION, criterion.getId(), "REMOVE", criterion.snapshot(), null);
        }
        audit.record(FrameworkAudit.GROUP, groupId, "REMOVE", group.snapshot(), null);
        framework.removeGroup(group);
    }

    /** @param offset -1 for one place up, +1 for one place down */
    @Transactional
    public void moveGroup(String code, String version, long groupId, int offset) {
        Framework framework = load(code, version);
        CriterionGroup group = group(framework, groupId);
        Map<String, Object> before = group.snapshot();
        framework.moveGroup(group, offset);
        recordMove(FrameworkAudit.GROUP, groupId, before, group.snapshot());
    }

    @Transactional
    public long addCriterion(String code, String version, long groupId, CriterionDefinition definition) {
        Framework framework = load(code, version);
        CriterionGroup group = group(framework, groupId);
        check(framework, definition, null);
        Criterion criterion = group.addCriterion(definition);
        frameworks.flush();
        audit.record(FrameworkAudit.CRITERION, criterion.getId(), "CREATE", null, criterion.snapshot());
        return criterion.getId();
    }

    /**
     * @param seen the criterion's version the form was opened on: a later one means another administrator saved it
     *     meanwhile, whose change this save would undo without a word, and nothing is saved; so does none
     */
    @Transactional
    public void editCriterion(String code, String version, long criterionId, @Nullable Long seen,
            CriterionDefinition definition) {
        Framework framework = load(code, version);
        Criterion criterion = criterion(framework, criterionId);
        if (seen == null || seen != criterion.getRowVersion()) {
            throw new FrameworkRuleViolation(new FrameworkProblem(criterion.getCode(), CHANGED_MEANWHILE));
        }
        check(framework, definition, criterion);
        Map<String, Object> before = criterion.snapshot();
        criterion.edit(definition);
        recordEdit(FrameworkAudit.CRITERION, criterionId, before, criterion.snapshot());
    }

    /** A save that changes nothing records nothing: the trail had an "Edited" row naming no field. */
    private void recordEdit(String entityType, long id, Map<String, Object> before, Map<String, Object> after) {
        if (!before.equals(after)) {
            audit.record(entityType, id, "EDIT", before, after);
        }
    }

    @Transactional
    public void removeCriterion(String code, String version, long criterionId) {
        Framework framework = load(code, version);
        Criterion criterion = criterion(framework, criterionId);
        Map<String, Object> before = criterion.snapshot();
        criterion.getGroup().removeCriterion(criterion);
        audit.record(FrameworkAudit.CRITERION, criterionId, "REMOVE", before, null);
    }

    /** @param offset -1 for one place up, +1 for one place down, within its group */
    @Transactional
    public void moveCriterion(String code, String version, long criterionId, int offset) {
        Framework framework = load(code, version);
        Criterion criterion = criterion(framework, criterionId);
        Map<String, Object> before = criterion.snapshot();
        criterion.getGroup().moveCriterion(criterion, offset);
        recordMove(FrameworkAudit.CRITERION, criterionId, before, criterion.snapshot());
    }

    /**
     * A move records the moved group or criterion, whose place changed; its neighbour's follows from it. A move past
     * either end changes nothing and records nothing.
     */
    private void recordMove(String entityType, long id, Map<String, Object> before, Map<String, Object> after) {
        if (!before.equals(after)) {
            audit.record(entityType, id, "MOVE", before, after);
        }
    }

    private static void requireUnusedGroupCode(Framework framework, String groupCode, CriterionGroup self) {
        String wanted = groupCode == null ? null : groupCode.strip();
        Codes.shapeProblem(wanted).ifPresent(problem -> {
            throw new FrameworkRuleViolation(problem);
        });
        if (wanted != null) {
            framework.getGroups().stream().filter(g -> g != self && Codes.key(g.getCode()).equals(Codes.key(wanted)))
                    .findFirst().ifPresent(taken -> {
                        throw new FrameworkRuleViolation(new FrameworkProblem(wanted,
                                "framework.problem.duplicateCode", wanted, taken.getCode()));
                    });
        }
    }

    private static void check(Framework framework, CriterionDefinition definition, Criterion self) {
        List<FrameworkProblem> problems = new java.util.ArrayList<>(CriterionChecks.of(definition));
        if (definition.code() != null) {
            criteria(framework).filter(c -> c != self && Codes.key(c.getCode()).equals(Codes.key(definition.code())))
                    .findFirst().ifPresent(taken -> problems.add(0, new FrameworkProblem(definition.code(),
                            "framework.problem.duplicateCode", definition.code(), taken.getCode())));
        }
        if (!problems.isEmpty()) {
            throw new FrameworkRuleViolation(problems);
        }
    }

    private static CriterionGroup group(Framework framework, long groupId) {
        return framework.getGroups().stream()
                .filter(group -> Objects.equals(group.getId(), groupId))
                .findFirst()
                .orElseThrow(() -> new FrameworkPartNotFoundException("group", groupId, framework.getCode(),
                        framework.getVersion()));
    }

    private static Criterion criterion(Framework framework, long criterionId) {
        return criteria(framework)
                .filter(criterion -> Objects.equals(criterion.getId(), criterionId))
                .findFirst()
                .orElseThrow(() -> new FrameworkPartNotFoundException("criterion", criterionId, framework.getCode(),
                        framework.getVersion()));
    }

    private static Stream<Criterion> criteria(Framework framework) {
        return framework.getGroups().stream().flatMap(group -> group.getCriteria().stream());
    }

    private Framework draft(String code, String version) {
        Framework framework = load(code, version);
        if (framework.getStatus() != FrameworkStatus.DRAFT) {
            throw new FrameworkRuleViolation(new FrameworkProblem(code, "framework.problem.notDraft", version));
        }
        return framework;
    }

    /** Every change and every form of a draft starts here. */
    private Framework load(String code, String version) {
        FrameworkEditors.requireEditor();
        return frameworks.findByCodeAndVersion(code, version)
                .orElseThrow(() -> new FrameworkNotFoundException(code, version));
    }

    /**
     * A draft's classes as their form shows them, and the scale a threshold is on: points up to the sum of the
     * criteria's maxima, or percent up to 100.
     */
    public record ClassesEdit(ScoreClasses classes, ScoreDisplay display, BigDecimal scaleTop) {
    }

    /** A group as its edit form shows it. */
    public record GroupEdit(long id, String code, LocalizedText name, int criterionCount) {
    }

    /** A criterion as its edit form shows it. */
    /** @param rowVersion the criterion's version, which the form sends back with its changes */
    public record CriterionEdit(long id, String groupCode, CriterionDefinition definition, long rowVersion) {
    }
}
