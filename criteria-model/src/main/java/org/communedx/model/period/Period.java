package org.communedx.model.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.communedx.model.RuleViolation;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkStatus;

/**
 * A time span, usually a calendar year, in which communes are assessed against one published framework version,
 * with a deadline for submissions.
 */
@Entity
@Table(name = "period")
public class Period {

    /** The longest grace a period may give after its deadline: a quarter, beyond which the deadline means little. */
    public static final int MAX_GRACE_DAYS = 90;

    /**
     * The longest a period may run: a plan's few years at most. From 0001 to 9999 a scorecard's monthly trend had
     * 120,000 rows and weighed 2.5 MB.
     */
    public static final int MAX_YEARS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int year;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(name = "submission_deadline", nullable = false)
    private LocalDate submissionDeadline;

    /** Days after the deadline during which communes may still change their entries; see {@link #closesAfter}. */
    @Column(name = "grace_days", nullable = false)
    private int graceDays;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "framework_id")
    private Framework framework;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Period() {
    }

    public Period(PeriodTerms terms, Framework framework) {
        apply(terms, framework);
    }

    /** New terms; the service keeps the framework once assessments use the period. */
    public void revise(PeriodTerms terms, Framework framework) {
        apply(terms, framework);
    }

    private void apply(PeriodTerms terms, Framework framework) {
        TermsRefused.throwIfAny(termProblems(terms));
        // A period takes only a published version, but keeps the one it has when that is retired later: its dates
        // and deadline stay editable, as the retirement promised.
        if (framework == null || framework != this.framework && framework.getStatus() != FrameworkStatus.PUBLISHED) {
            throw new RuleViolation("period.invalid.frameworkNotPublished");
        }
        this.name = terms.name().strip();
        this.year = terms.year();
        this.startDate = terms.startDate();
        this.endDate = terms.endDate();
        this.submissionDeadline = terms.submissionDeadline();
        this.graceDays = terms.graceDays();
        this.framework = framework;
    }

    /**
     * Every problem of the terms alone, in the order a reader meets the fields: what a form can be told at once, even
     * while other fields are still to be corrected.
     */
    public static List<RuleViolation> termProblems(PeriodTerms terms) {
        List<RuleViolation> problems = new ArrayList<>();
        if (terms.name() == null || terms.name().isBlank()) {
            problems.add(new RuleViolation("period.invalid.name"));
        }
        boolean yearInRange = terms.year() >= 2000 && terms.year() <= 2100;
        if (!yearInRange) {
            problems.add(new RuleViolation("period.invalid.year", terms.year()));
        }
        if (terms.startDate() == null || terms.endDate() == null || terms.submissionDeadline() == null) {
            problems.add(new RuleViolation("period.invalid.datesMissing"));
        }
        if (terms.startDate() != null && terms.endDate() != null) {
            if (terms.endDate().isBefore(terms.startDate())) {
                problems.add(new RuleViolation("period.invalid.datesOrder"));
            }
            else if (!terms.endDate().isBefore(terms.startDate().plusYears(MAX_YEARS))) {
                problems.add(new RuleViolation("period.invalid.tooLong", MAX_YEARS));
            }
            // The year names the period to the API (?period=2026) and in lists: it is a year the period runs in.
            else if (yearInRange
                    && (terms.year() < terms.startDate().getYear() || terms.year() > terms.endDate().getYear())) {
                problems.add(new RuleViolation("period.invalid.yearOutsideDates", String.valueOf(terms.year())));
            }
        }
        if (terms.startDate() != null && terms.submissionDeadline() != null
                && terms.submissionDeadline().isBefore(terms.startDate())) {
            problems.add(new RuleViolation("period.invalid.deadlineBeforeStart"));
        }
        if (terms.graceDays() < 0 || terms.graceDays() > MAX_GRACE_DAYS) {
            problems.add(new RuleViolation("period.invalid.graceDays", MAX_GRACE_DAYS));
        }
        return problems;
    }

    /**
     * The last day on which commune staff may change their entries: the submission deadline plus the grace. The
     * period is closed to them from the next day.
     */
    public LocalDate closesAfter() {
        return submissionDeadline.plusDays(graceDays);
    }

    /**
     * Whether commune staff may still change their entries on {@code today}: up to and including the deadline day
     * plus the grace, in Vietnam's calendar (the caller's {@code today}). Reviewers are not bound by it: they review
     * after it. An entry a reviewer reopened after closing takes the commune's changes again by its own rule
     * ({@code CriterionEntry.isOpenToCommune}).
     */
    public boolean isOpenForSubmissions(LocalDate today) {
        return !today.isAfter(closesAfter());
    }

    /**
     * Refuses a commune's change (a value, a file added or removed, a submission, a not-applicable request) once the
     * deadline and its grace have passed, a returned entry's as well: the review that returned it came too late for
     * the commune to answer it, unless a reviewer reopens that entry for the commune, and an administrator who wants
     * every commune's answer extends the deadline or the grace on the period's page.
     */
    public void requireOpenForSubmissions(LocalDate today) {
        if (!isOpenForSubmissions(today)) {
            throw new RuleViolation("period.refused.deadlinePassed", submissionDeadline, graceDays, closesAfter());
        }
    }

    public PeriodTerms terms() {
        return new PeriodTerms(name, year, startDate, endDate, submissionDeadline, graceDays);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getYear() {
        return year;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public LocalDate getSubmissionDeadline() {
        return submissionDeadline;
    }

    public int getGraceDays() {
        return graceDays;
    }

    public Framework getFramework() {
        return framework;
    }

    public long getRowVersion() {
        return rowVersion;
    }
}
