package org.communedx.model.framework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.communedx.model.Numbers;

/**
 * A versioned model of groups and criteria. A published version is frozen, because assessments are scored
 * against it; it may only be retired. Changes go into a new draft cloned from an existing version.
 */
@Entity
@Table(name = "framework")
public class Framework {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false, updatable = false)
    private String version;

    @Column(name = "title_vi", nullable = false)
    private String titleVi;

    @Column(name = "title_en", nullable = false)
    private String titleEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FrameworkStatus status;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "score_display", nullable = false)
    private ScoreDisplay scoreDisplay = ScoreDisplay.PERCENT;

    @Column(name = "score_decimals", nullable = false)
    private int scoreDecimals = 2;

    @Column(name = "declared_total")
    private BigDecimal declaredTotal;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    /** Highest threshold first; see {@link ScoreClasses}. */
    @ElementCollection
    @CollectionTable(name = "framework_score_class", joinColumns = @JoinColumn(name = "framework_id"))
    @OrderColumn(name = "position")
    private List<ScoreClass> scoreClasses = new ArrayList<>();

    @OneToMany(mappedBy = "framework", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<CriterionGroup> groups = new ArrayList<>();

    /**
     * A version's label, e.g. "1.1": letters, digits, dots and hyphens, at most 16, the first a letter or a digit. It
     * is a segment of the version's address (/frameworks/DX-XA/1.1), which "." or ".." cannot be: the browser folds
     * them away, and a draft called ".." could never be opened, edited or removed.
     */
    public static final String VERSION_SHAPE = "[0-9A-Za-z][0-9A-Za-z.\\-]{0,15}";

    private static final Pattern VERSION = Pattern.compile(VERSION_SHAPE);

    protected Framework() {
    }

    private Framework(String code, String version, LocalizedText title) {
        this.code = requireText(code, "code");
        this.version = requireText(version, "version");
        if (!isVersion(this.version)) {
            throw new IllegalArgumentException("not a version label: " + version);
        }
        this.titleVi = requireText(title.vi(), "title (vi)");
        this.titleEn = requireText(title.en(), "title (en)");
        this.status = FrameworkStatus.DRAFT;
    }

    /** Whether {@code label} has a version's shape ({@link #VERSION_SHAPE}). */
    public static boolean isVersion(String label) {
        return label != null && VERSION.matcher(label).matches();
    }

    public static Framework draft(String code, String version, LocalizedText title) {
        return new Framework(code, version, title);
    }

    /** A new draft with a copy of every group and criterion of this version. */
    public Framework cloneAsDraft(String newVersion) {
        if (version.equals(newVersion)) {
            throw new FrameworkRuleViolation(new FrameworkProblem(code, "framework.problem.versionTaken", newVersion));
        }
        Framework copy = new Framework(code, newVersion, title());
        copy.changeScoreSettings(scoreSettings());
        copy.changeScoreClasses(scoreClasses());
        for (CriterionGroup group : groups) {
            group.copyInto(copy);
        }
        return copy;
    }

    public CriterionGroup addGroup(String groupCode, LocalizedText name) {
        requireDraft();
        CriterionGroup group = new CriterionGroup(this, groupCode, name, groups.size());
        groups.add(group);
        return group;
    }

    public void removeGroup(CriterionGroup group) {
        requireDraft();
        groups.remove(group);
        renumber(groups);
    }

    /** Moves a group one place up (-1) or down (+1). */
    public void moveGroup(CriterionGroup group, int offset) {
        requireDraft();
        move(groups, group, offset);
    }

    public void editTitle(LocalizedText title) {
        requireDraft();
        this.titleVi = requireText(title.vi(), "title (vi)");
        this.titleEn = requireText(title.en(), "title (en)");
    }

    public void changeScoreSettings(ScoreSettings settings) {
        requireDraft();
        this.scoreDisplay = settings.display();
        this.scoreDecimals = settings.decimals();
        this.declaredTotal = settings.declaredTotal();
    }

    public ScoreSettings scoreSettings() {
        return new ScoreSettings(scoreDisplay, scoreDecimals, declaredTotal);
    }

    public void changeScoreClasses(ScoreClasses classes) {
        requireDraft();
        this.scoreClasses.clear();
        this.scoreClasses.addAll(classes.classes());
    }

    public ScoreClasses scoreClasses() {
        return new ScoreClasses(scoreClasses);
    }

    /** The top of the scale a score is shown and classed on: the maximum points, or 100 for percent. */
    public BigDecimal scoreScaleTop() {
        return scaleTop(scoreSettings(), maximumPoints());
    }

    public static BigDecimal scaleTop(ScoreSettings settings, BigDecimal maximumPoints) {
        return settings.display() == ScoreDisplay.POINTS ? maximumPoints : BigDecimal.valueOf(100);
    }

    /** The most points the whole version gives: the sum of its criteria's maxima. */
    public BigDecimal maximumPoints() {
        return groups.stream().flatMap(group -> group.getCriteria().stream()).map(Criterion::getWeight)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every reason this version could not be published; empty when it can. */
    public List<FrameworkProblem> problems() {
        List<FrameworkProblem> problems = new ArrayList<>();
        if (groups.isEmpty()) {
            problems.add(new FrameworkProblem(code, "framework.problem.noGroups"));
        }
        // Each code's key (codes ignore case) with the code that took it first, which a clash names.
        Map<String, String> groupCodes = new HashMap<>();
        Map<String, String> criterionCodes = new HashMap<>();
        for (CriterionGroup group : groups) {
            Codes.shapeProblem(group.getCode()).ifPresent(problems::add);
            String groupTaken = groupCodes.putIfAbsent(Codes.key(group.getCode()), group.getCode());
            if (groupTaken != null) {
                problems.add(new FrameworkProblem(group.getCode(), "framework.problem.duplicateCode", group.getCode(),
                        groupTaken));
            }
            if (group.getCriteria().isEmpty()) {
                problems.add(new FrameworkProblem(group.getCode(), "framework.problem.emptyGroup", group.getCode()));
            }
            for (Criterion criterion : group.getCriteria()) {
                Codes.shapeProblem(criterion.getCode()).ifPresent(problems::add);
                String taken = criterionCodes.putIfAbsent(Codes.key(criterion.getCode()), criterion.getCode());
                if (taken != null) {
                    problems.add(new FrameworkProblem(criterion.getCode(), "framework.problem.duplicateCode",
                            criterion.getCode(), taken));
                }
                problems.addAll(criterion.problems());
            }
        }
        problems.addAll(scoreSettingsProblems(code, scoreSettings(), maximumPoints()));
        problems.addAll(scoreClasses().problems(code, scoreScaleTop()));
        return problems;
    }

    /**
     * What is wrong with a version's score settings, given the sum of its criteria's maxima: decimals beyond what
     * points keep, or a declared total the criteria do not add up to.
     */
    public static List<FrameworkProblem> scoreSettingsProblems(String code, ScoreSettings settings,
            BigDecimal maximumPoints) {
        List<FrameworkProblem> problems = new ArrayList<>();
        if (settings.decimals() < 0 || settings.decimals() > ScoreSettings.MAX_DECIMALS) {
            problems.add(new FrameworkProblem(code, "framework.problem.scoring.decimalsOutOfRange",
                    settings.decimals(), ScoreSettings.MAX_DECIMALS));
        }
        if (settings.declaredTotal() != null && settings.declaredTotal().compareTo(maximumPoints) != 0) {
            problems.add(new FrameworkProblem(code, "framework.problem.scoring.totalMismatch",
                    Numbers.plain(settings.declaredTotal()), Numbers.plain(maximumPoints)));
        }
        return problems;
    }

    public void publish(Instant now) {
        requireDraft();
        List<FrameworkProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new FrameworkRuleViolation(problems);
        }
        status = FrameworkStatus.PUBLISHED;
        publishedAt = now;
    }

    public void retire() {
        if (status != FrameworkStatus.PUBLISHED) {
            throw new FrameworkRuleViolation(new FrameworkProblem(code, "framework.problem.onlyPublishedRetire"));
        }
        status = FrameworkStatus.RETIRED;
    }

    /** Refuses a version that is no longer a draft: published ones are frozen, and periods may be scored on them. */
    public void requireDraft() {
        if (status != FrameworkStatus.DRAFT) {
            throw new FrameworkRuleViolation(new FrameworkProblem(code, "framework.problem.notDraft", version));
        }
    }

    /** "DX-XA 1.1": how the audit trail names the version its groups and criteria belong to. */
    public String label() {
        return code + " " + version;
    }

    /**
     * What the audit trail records of the version itself, before and after a change: its titles, status, how it shows
     * its score, and its classes.
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("framework", label());
        snapshot.put("titleVi", titleVi);
        snapshot.put("titleEn", titleEn);
        snapshot.put("status", status.name());
        snapshot.put("publishedAt", publishedAt == null ? null : publishedAt.toString());
        snapshot.put("scoreDisplay", scoreDisplay.name());
        snapshot.put("scoreDecimals", scoreDecimals);
        snapshot.put("declaredTotal", declaredTotal == null ? null : ScoringRule.plain(declaredTotal));
        snapshot.put("classes", scoreClasses.stream().map(scoreClass -> Map.of("nameVi", scoreClass.nameVi(),
                "nameEn", scoreClass.nameEn(), "threshold", ScoringRule.plain(scoreClass.threshold()))).toList());
        return snapshot;
    }

    /**
     * The version with every group and every criterion, each as its own snapshot: what the audit trail records of a
     * version made whole at once, by a clone or an import.
     */
    public Map<String, Object> contents() {
        Map<String, Object> contents = snapshot();
        contents.put("groups", groups.stream().map(CriterionGroup::contents).toList());
        return contents;
    }

    public int criterionCount() {
        return groups.stream().mapToInt(group -> group.getCriteria().size()).sum();
    }

    static <T extends Positioned> void move(List<T> items, T item, int offset) {
        int from = items.indexOf(item);
        int to = from + Integer.signum(offset);
        if (from < 0 || to < 0 || to >= items.size()) {
            return;
        }
        Collections.swap(items, from, to);
        renumber(items);
    }

    static <T extends Positioned> void renumber(List<T> items) {
        for (int i = 0; i < items.size(); i++) {
            items.get(i).setPosition(i);
        }
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getVersion() {
        return version;
    }

    public LocalizedText title() {
        return new LocalizedText(titleVi, titleEn);
    }

    public FrameworkStatus getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public long getRowVersion() {
        return rowVersion;
    }

    public List<CriterionGroup> getGroups() {
        return Collections.unmodifiableList(groups);
    }
}
