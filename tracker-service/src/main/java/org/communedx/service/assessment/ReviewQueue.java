package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.service.Actors;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.NotFoundException;
import org.communedx.service.assessment.AssessmentViews.ChangeSinceReview;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.scope.Scopes;
import org.communedx.service.unit.UnitNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue (journey J2): what waits for the current reviewer, i.e. SUBMITTED entries and not-applicable
 * requests of the communes whose reviewer they are (a district official's district, or the communes directly under
 * the province a district official sits at; a provincial manager's communes that lie directly under the province).
 * Read with SQL, so that a queue never loads whole assessments.
 */
@Service
@Transactional(readOnly = true)
public class ReviewQueue {

    private static final String FROM = """
            from criterion_entry e
            join assessment a on a.id = e.assessment_id
            join administrative_unit u on u.id = a.unit_id
            join administrative_unit parent on parent.id = u.parent_id
            join period p on p.id = a.period_id
            join criterion c on c.id = e.criterion_id
            join criterion_group g on g.id = c.group_id
            where e.status in ('SUBMITTED', 'NOT_APPLICABLE_REQUESTED') and parent.code = :unit and parent.level in (:levels)
            """;

    private final AdministrativeUnitRepository units;

    private final JdbcClient jdbc;

    private final Scopes scopes;

    private final AssessmentWorkflow workflow;

    private final EvidenceCounts evidence;

    /** A queue page shows at most this many entries, oldest first; the rest follow as those are reviewed. */
    private final int limit;

    ReviewQueue(JdbcClient jdbc, Scopes scopes, AssessmentWorkflow workflow,
            EvidenceCounts evidence, CommuneDxProperties properties, AdministrativeUnitRepository units) {
        this.units = units;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.workflow = workflow;
        this.evidence = evidence;
        this.limit = properties.review().queueLimit();
    }

    /** Narrows the queue; a null or blank filter lets everything through. */
    public record Filter(String communeCode, String groupCode, Long periodId) {

        /** Whether any of the three narrows the queue, so that an empty answer is the filters', not the queue's. */
        public boolean narrows() {
            return given(communeCode) || given(groupCode) || periodId != null;
        }

        static boolean given(String code) {
            return code != null && !code.isBlank();
        }
    }

    /**
     * @param submittedFrom the system whose value this is, sent to the reviewer as an automatic criterion's
     *        ({@link org.communedx.model.assessment.CriterionEntry#getSubmittedFrom()}); null when a person
     *        submitted it
     */
    public record QueueItem(long entryId, long version, EntryStatus status, String communeCode, String communeName,
            long periodId, String periodName, String groupCode, String criterionCode, LocalizedText criterionName,
            MeasurementType type, BigDecimal target, Comparison comparison, String unit, EntryValue value,
            boolean met, String explanation, List<EvidenceCounts.Listed> files, Instant submittedAt,
            String submittedBy, String submittedFrom, ChangeSinceReview sinceReview, boolean evidenceExpired) {

        public int evidenceCount() {
            return files.size();
        }
    }

    public record Choice(String code, String name) {
    }

    public record PeriodChoice(long id, String name) {
    }

    /** The reviewer's unit, which has ended: its name and last day. */
    public record Ended(String name, LocalDate lastDay) {
    }

    /**
     * The queue and what its filters can choose from. {@code waiting} counts every entry the filter matches, of which
     * {@code items} holds the oldest, up to the page's limit: the page says when some are not shown, as the count in
     * the menu covers them all.
     */
    public record Queue(List<QueueItem> items, long waiting, List<Choice> communes, List<PeriodChoice> periods,
            List<String> groups, Ended reviewerUnitEnded) {

        public boolean partial() {
            return waiting > items.size();
        }
    }

    /** One entry of a bulk approval: approved, or why not, as a message key with its arguments. */
    public record Outcome(long entryId, String label, boolean approved, String messageKey, List<Object> arguments) {
    }

    public Queue queue(Filter filter) {
        Reviewer reviewer = reviewer().orElseThrow(() -> new AccessDeniedException("Not a reviewer"));
        StringBuilder sql = new StringBuilder("""
                select e.id, e.row_version, e.status, e.value_numerator, e.value_denominator, e.value_count,
                    e.value_level, e.value_yes_no, e.explanation, e.last_changed_at, e.last_changed_by, e.submitted_from,
                    u.code as commune_code, u.name as commune_name, p.id as period_id, p.name as period_name,
                    g.code as group_code, c.code as criterion_code, c.name_vi, c.name_en, c.measurement_type,
                    c.target_value, c.comparison, c.unit, count(*) over () as waiting
                """).append(FROM);
        Map<String, Object> params = new LinkedHashMap<>(reviewer.params());
        if (Filter.given(filter.communeCode())) {
            sql.append(" and u.code = :commune");
            params.put("commune", filter.communeCode().strip());
        }
        if (Filter.given(filter.groupCode())) {
            sql.append(" and g.code = :group");
            params.put("group", filter.groupCode().strip());
        }
        if (filter.periodId() != null) {
            sql.append(" and p.id = :period");
            params.put("period", filter.periodId());
        }
        sql.append(" order by e.last_changed_at nulls first, e.id limit ").append(limit);
        // Each row carries the count of all the rows the filter matches, before the limit: one query for both.
        List<Counted> found = jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new Counted(item(rs, row), rs.getLong("waiting"))).list();
        long waiting = found.isEmpty() ? 0 : found.get(0).waiting();
        List<QueueItem> rows = found.stream().map(Counted::item).toList();
        Map<Long, EntryValue> values = new LinkedHashMap<>();
        rows.forEach(row -> values.put(row.entryId(), row.value()));
        Map<Long, ChangeSinceReview> changes = workflow.sinceReview(values);
        Map<Long, List<EvidenceCounts.Listed>> files = evidence.listed(values.keySet());
        Set<Long> expired = evidence.allExpired(values.keySet(), workflow.today());
        List<QueueItem> items = rows.stream().map(row -> new QueueItem(row.entryId(), row.version(), row.status(),
                row.communeCode(), row.communeName(), row.periodId(), row.periodName(), row.groupCode(),
                row.criterionCode(), row.criterionName(), row.type(), row.target(), row.comparison(), row.unit(),
                row.value(), row.met(), row.explanation(), files.getOrDefault(row.entryId(), List.of()), row.submittedAt(),
                row.submittedBy(), row.submittedFrom(), changes.get(row.entryId()), expired.contains(row.entryId())))
                .toList();
        // The communes and periods the queue reaches, ended ones too: a district that the reform ended still reviews
        // its communes' entries of before it, and has nothing in the periods after.
        List<Choice> communes = jdbc.sql("""
                select distinct u.code, u.name from administrative_unit u
                join administrative_unit parent on parent.id = u.parent_id
                where u.level = 'COMMUNE' and parent.code = :unit and parent.level in (:levels)
                order by u.code""").params(reviewer.params())
                .query((rs, row) -> new Choice(rs.getString("code"), rs.getString("name"))).stream()
                .sorted(UnitNames.comparing(Choice::name)).toList();
        List<PeriodChoice> periods = jdbc.sql("""
                select p.id, p.name from period p
                where exists (select 1 from assessment a join administrative_unit u on u.id = a.unit_id
                    join administrative_unit parent on parent.id = u.parent_id
                    where a.period_id = p.id and parent.code = :unit and parent.level in (:levels))
                order by p.year desc, p.start_date desc""").params(reviewer.params())
                .query((rs, row) -> new PeriodChoice(rs.getLong("id"), rs.getString("name"))).list();
        // The groups of the frameworks of those periods: a group a later version removed is no choice.
        List<String> groups = periods.isEmpty() ? List.of() : jdbc.sql("""
                select distinct g.code from criterion_group g join period p on p.framework_id = g.framework_id
                where p.id in (:periods) order by g.code""")
                .param("periods", periods.stream().map(PeriodChoice::id).toList()).query(String.class).list();
        // A reviewer whose unit has ended (a district the 2025 reform closed) reviews only the periods before; the
        // page says so, rather than an empty queue while the communes' entries wait for the province.
        return new Queue(items, waiting, communes, periods, groups, ended(reviewer));
    }

    private Ended ended(Reviewer reviewer) {
        return units.findEndedBefore(reviewer.unitCode(), workflow.today())
                .map(unit -> new Ended(unit.getName(), unit.getValidTo())).orElse(null);
    }

    /** How many entries wait for the current user; empty for whoever reviews nothing. One SQL count. */
    public Optional<Integer> pendingCount() {
        if (!Actors.hasAnyRole("DISTRICT_OFFICIAL", "PROVINCE_MANAGER")) {
            return Optional.empty();
        }
        return reviewer().map(reviewer -> jdbc.sql("select count(*) " + FROM).params(reviewer.params())
                .query(Integer.class).single());
    }

    /**
     * What waits for the current user, as a dashboard's callout shows it.
     * @param oldest when the longest-waiting entry was last changed, i.e. submitted; null when none waits
     * @param unitEnded the reviewer's unit, when it has ended (a district the 2025 reform closed): its callout says
     *        why nothing more comes, as the queue's page does, where "nothing waits" left a new reviewer guessing
     */
    public record Waiting(long count, Instant oldest, Ended unitEnded) {
    }

    /**
     * What waits for one reviewer account's decision, and how many other enabled accounts review the same communes.
     * Counts only, for the page that asks before an account is disabled ({@code UserAdministration#pendingReviews},
     * which checks the caller's scope): a province's only reviewer was disabled with a submission waiting, which then
     * had nobody to decide it, and nothing said so.
     * @param others the enabled accounts besides {@code username} at the same unit that review its communes: a
     *        district's officials, or a province's managers and the officials who sit at it
     */
    public record Pending(long waiting, long others) {
    }

    /** {@link Pending} of an account of that role and unit; empty for a role that reviews nothing. */
    public Optional<Pending> pending(String username, Role role, String unitCode) {
        if (unitCode == null) {
            return Optional.empty();
        }
        return reviewer(role, unitCode).map(reviewer -> new Pending(
                jdbc.sql("select count(*) " + FROM).params(reviewer.params()).query(Long.class).single(),
                jdbc.sql("""
                        select count(*) from user_account
                        where enabled and username <> :username and unit_code = :unit
                            and role in ('DISTRICT_OFFICIAL', 'PROVINCE_MANAGER')""")
                        .param("username", username).param("unit", unitCode).query(Long.class).single()));
    }

    /**
     * What waits for the current user in a unit's communes, for that unit's dashboard: empty unless the user reviews
     * there, i.e. is a reviewer whose own unit it is. The same scope as the queue itself; one SQL aggregate.
     */
    public Optional<Waiting> waitingAt(String unitCode) {
        if (unitCode == null || !Actors.hasAnyRole("DISTRICT_OFFICIAL", "PROVINCE_MANAGER")) {
            return Optional.empty();
        }
        return reviewer().filter(reviewer -> reviewer.unitCode().equals(unitCode))
                .map(reviewer -> {
                    Ended ended = ended(reviewer);
                    return jdbc.sql("select count(*) as waiting, min(e.last_changed_at) as oldest " + FROM)
                            .params(reviewer.params()).query((rs, row) -> {
                                OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
                                return new Waiting(rs.getLong("waiting"),
                                        oldest == null ? null : oldest.toInstant(), ended);
                            }).single();
                });
    }

    /**
     * Approves each entry at the version the reviewer saw, each in its own transaction, so that one refusal or
     * conflict leaves the others approved; every entry gets its own outcome.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<Outcome> approveEach(Map<Long, Long> versionsByEntry) {
        List<Outcome> outcomes = new ArrayList<>();
        versionsByEntry.forEach((entryId, version) -> {
            String label = "#" + entryId;
            try {
                EntryView entry = workflow.entry(entryId);
                // Which commune's, and of which period: a bulk approval spans several, and "G1.C1: Đã duyệt" alone
                // does not say; nor does one criterion of a commune waiting in two periods.
                label = jdbc.sql("""
                        select u.name || ' (' || p.name || ')' from criterion_entry e
                        join assessment a on a.id = e.assessment_id join administrative_unit u on u.id = a.unit_id
                        join period p on p.id = a.period_id where e.id = :entry""")
                        .param("entry", entryId).query(String.class).single() + ", " + entry.criterionCode();
                if (entry.status() == EntryStatus.APPROVED && entry.version() != version) {
                    // Approved since the queue was shown: the same form sent twice, or another reviewer first.
                    // Done, not "someone else changed it".
                    outcomes.add(new Outcome(entryId, label, true, "review.approved.already", List.of(label)));
                    return;
                }
                workflow.approve(entryId, version);
                outcomes.add(new Outcome(entryId, label, true, "review.approved.one", List.of(label)));
            }
            catch (RuleViolation violation) {
                outcomes.add(new Outcome(entryId, label, false, violation.messageKey(), violation.arguments()));
            }
            catch (NotFoundException | AccessDeniedException ex) {
                outcomes.add(new Outcome(entryId, label, false, "review.approve.notYours", List.of()));
            }
        });
        return outcomes;
    }

    private record Counted(QueueItem item, long waiting) {
    }

    private Optional<Reviewer> reviewer() {
        return scopes.acting().filter(account -> account.unitCode() != null)
                .flatMap(account -> reviewer(account.role(), account.unitCode()));
    }

    /** Whose communes a reviewer reviews, as {@link AssessmentWorkflow#isReviewer} decides it for one entry. */
    private static Optional<Reviewer> reviewer(Role role, String unitCode) {
        if (role == Role.DISTRICT_OFFICIAL) {
            return Optional.of(new Reviewer(unitCode, List.of("DISTRICT", "PROVINCE")));
        }
        if (role == Role.PROVINCE_MANAGER) {
            return Optional.of(new Reviewer(unitCode, List.of("PROVINCE")));
        }
        return Optional.empty();
    }

    private static QueueItem item(ResultSet rs, int row) throws SQLException {
        MeasurementType type = MeasurementType.valueOf(rs.getString("measurement_type"));
        Comparison comparison = Comparison.valueOf(rs.getString("comparison"));
        BigDecimal target = rs.getBigDecimal("target_value");
        EntryValue value = value(rs);
        OffsetDateTime changed = rs.getObject("last_changed_at", OffsetDateTime.class);
        return new QueueItem(rs.getLong("id"), rs.getLong("row_version"), EntryStatus.valueOf(rs.getString("status")),
                rs.getString("commune_code"), rs.getString("commune_name"), rs.getLong("period_id"),
                rs.getString("period_name"), rs.getString("group_code"), rs.getString("criterion_code"),
                new LocalizedText(rs.getString("name_vi"), rs.getString("name_en")), type, target, comparison,
                rs.getString("unit"), value, value != null && comparison.isMet(value.measure(), target),
                rs.getString("explanation"), List.of(), changed == null ? null : changed.toInstant(),
                rs.getString("last_changed_by"), rs.getString("submitted_from"), null, false);
    }

    private static EntryValue value(ResultSet rs) throws SQLException {
        Integer numerator = rs.getObject("value_numerator", Integer.class);
        Integer denominator = rs.getObject("value_denominator", Integer.class);
        if (numerator != null && denominator != null) {
            return new EntryValue.Percent(numerator, denominator);
        }
        Integer count = rs.getObject("value_count", Integer.class);
        if (count != null) {
            return new EntryValue.Count(count);
        }
        Integer level = rs.getObject("value_level", Integer.class);
        if (level != null) {
            return new EntryValue.Level(level);
        }
        Boolean yes = rs.getObject("value_yes_no", Boolean.class);
        return yes == null ? null : new EntryValue.YesNo(yes);
    }

    /** @param levels the levels the communes' parent may have: a district official may sit at a province */
    private record Reviewer(String unitCode, List<String> levels) {

        Map<String, Object> params() {
            return Map.of("unit", unitCode, "levels", levels);
        }
    }
}
