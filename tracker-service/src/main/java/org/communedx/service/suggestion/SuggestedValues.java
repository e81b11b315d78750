package org.communedx.service.suggestion;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.assessment.SuggestedValue;
import org.communedx.model.framework.Codes;
import org.communedx.model.framework.Criterion;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.Actors;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.assessment.SystemSubmissions;
import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives the values provincial systems measure for communes' criteria: from the write API, one or many at once,
 * and from a spreadsheet import. Set-wise, because a province's system sends every commune's figures at once: a
 * national push is 3,321 communes × 27 criteria, 89,667 suggestions, and must take seconds.
 * <p>
 * All or nothing: every suggestion is checked first (its commune held the code during the period and lies in the
 * caller's scope; its criterion is one of the period's framework; its value reads as the criterion's type and lies in
 * range, by {@link EntryValue}'s own rule, the one the entry form uses; its reference fits), every problem is listed
 * with its index and field, and if there is any, nothing is written. Then the suggestions are upserted in a few
 * statements of arrays, the latest replacing the one before; a suggestion for an
 * {@link Criterion#isAutomatic() automatic} criterion also goes to the reviewer (see
 * {@link SystemSubmissions}). One audit event records the call.
 * <p>
 * A period closed to commune staff takes none: see {@link #closed}.
 * <p>
 * Who may: a provincial manager or an administrator, within their scope (a system's API token carries one of these
 * roles and a unit scope). A commune outside the scope is reported as unknown, like one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class SuggestedValues {

    static final String AUDIT_TYPE = "SUGGESTED_VALUES";

    /** The most suggestions one call takes: a national push (89,667) with room, and a bound on what is checked. */
    public static final int MAX_SUGGESTIONS = 100_000;

    /** How many rows one upsert statement carries. */
    private static final int CHUNK = 10_000;

    private final PeriodRepository periods;

    private final Scopes scopes;

    private final JdbcTemplate jdbc;

    private final AuditLog audit;

    private final Clock clock;

    private final SystemSubmissions submissions;

    SuggestedValues(PeriodRepository periods, Scopes scopes, JdbcTemplate jdbc, AuditLog audit, Clock clock,
            SystemSubmissions submissions) {
        this.periods = periods;
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.submissions = submissions;
    }

    /**
     * One value a system measured.
     * @param value the value as text, the way {@link EntryValue#parse} reads it ("18/20", "42", "2", "yes"); see
     *        {@link #of} for a typed value
     * @param reference the system's own reference for the figure, optional, at most
     *        {@link SuggestedValue#REFERENCE_MAX} characters
     * @param measuredAt when the system measured it, optional: not after today, nor more than a year before the
     *        period began
     */
    public record Suggestion(String communeCode, String criterionCode, String value, String reference,
            Instant measuredAt) {

        public static Suggestion of(String communeCode, String criterionCode, EntryValue value, String reference,
                Instant measuredAt) {
            return new Suggestion(communeCode, criterionCode, value == null ? null : value.text(), reference,
                    measuredAt);
        }
    }

    /**
     * One thing wrong with a call.
     * @param index the suggestion's place in the list, from 0; null for a problem of the whole call (its source, its
     *        size)
     * @param field {@code communeCode}, {@code criterionCode}, {@code value}, {@code reference}, {@code measuredAt},
     *        {@code source},
     *        {@code period} or {@code suggestions}
     * @param messageKey the message, in the bundles, with its {@code arguments}
     */
    public record Problem(Integer index, String field, String messageKey, List<Object> arguments) {
    }

    /**
     * What a call did.
     * @param received how many suggestions were stored
     * @param submitted how many entries of automatic criteria went to their reviewers as submissions
     */
    public record Outcome(int received, int submitted) {
    }

    /**
     * What {@link #put} would refuse in these suggestions, without storing any: for a file that is refused already
     * for what its rows could not say (a date that is not one), so that one pass names every problem.
     */
    public List<Problem> problems(long periodId, List<Suggestion> suggestions, String source) {
        requireSender();
        Period period = periods.findWithFramework(periodId).orElseThrow(() -> new PeriodNotFoundException(periodId));
        return check(period, suggestions, source).problems();
    }

    /**
     * Stores the suggestions of a system for communes' criteria in a period, all or nothing.
     * @param periodId the period; one that does not exist is a {@link org.communedx.service.NotFoundException}
     *        (404), as any unknown address
     * @param suggestions at most {@link #MAX_SUGGESTIONS}; one commune and criterion at most once
     * @param source the system's name, at most {@link SuggestedValue#SOURCE_MAX} characters
     * @throws SuggestionsRefused with every problem, when there is any; nothing is written then
     * @throws AccessDeniedException unless the caller is a provincial manager or an administrator
     */
    @Transactional
    public Outcome put(long periodId, List<Suggestion> suggestions, String source) {
        requireSender();
        Period period = periods.findWithFramework(periodId).orElseThrow(() -> new PeriodNotFoundException(periodId));
        Checked checked = check(period, suggestions, source);
        if (!checked.problems().isEmpty()) {
            throw new SuggestionsRefused(checked.problems());
        }
        Instant now = clock.instant();
        String sender = Actors.username();
        upsert(periodId, checked.rows(), source.strip(), now, sender);
        int submitted = submissions.submit(period, checked.rows().stream().filter(row -> row.criterion().isAutomatic())
                .map(row -> new SystemSubmissions.Automatic(row.unitId(), row.criterion(), row.value())).toList(),
                source.strip());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("period", periodId);
        summary.put("source", source.strip());
        summary.put("suggestions", checked.rows().size());
        summary.put("communes", checked.rows().stream().map(Row::unitId).distinct().count());
        summary.put("submitted", submitted);
        audit.record(AUDIT_TYPE, periodId, "RECEIVE", null, summary);
        return new Outcome(checked.rows().size(), submitted);
    }

    /**
     * Whether the caller may send suggestions: a provincial manager or an administrator, by the authorities of the
     * request (an API token's role reaches here as a person's does).
     */
    private static void requireSender() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority())
                        || "ROLE_PROVINCE_MANAGER".equals(authority.getAuthority()));
        if (!allowed) {
            throw new AccessDeniedException("Only provincial managers and administrators send suggested values");
        }
    }

    private record Row(long unitId, Criterion criterion, EntryValue value, String reference, Instant measuredAt) {
    }

    private record Checked(List<Row> rows, List<Problem> problems) {
    }

    /**
     * Why the period takes no suggestions, or null when it takes them: once it is closed to commune staff, nobody
     * could take a suggestion into a draft, and an automatic criterion's value could no longer be submitted, so a
     * file or a push would be stored only to show on entries that nobody can change.
     */
    public Problem closed(Period period) {
        LocalDate today = LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
        return period.isOpenForSubmissions(today) ? null
                : new Problem(null, "period", "suggestion.periodClosed", List.of(period.getName(), period.closesAfter()));
    }

    private Checked check(Period period, List<Suggestion> suggestions, String source) {
        List<Problem> problems = new ArrayList<>();
        Problem closed = closed(period);
        if (closed != null) {
            problems.add(closed);
        }
        if (source == null || source.isBlank()) {
            problems.add(new Problem(null, "source", "suggestion.sourceRequired", List.of()));
        }
        else if (source.strip().length() > SuggestedValue.SOURCE_MAX) {
            problems.add(new Problem(null, "source", "suggestion.sourceTooLong", List.of(SuggestedValue.SOURCE_MAX)));
        }
        if (suggestions == null || suggestions.isEmpty()) {
            problems.add(new Problem(null, "suggestions", "suggestion.none", List.of()));
            return new Checked(List.of(), problems);
        }
        if (suggestions.size() > MAX_SUGGESTIONS) {
            problems.add(new Problem(null, "suggestions", "suggestion.tooMany", List.of(MAX_SUGGESTIONS)));
            return new Checked(List.of(), problems);
        }
        // By code in any case, as codes are unique (Codes#key): "g4.c1" in a file names G4.C1.
        Map<String, Criterion> criteria = new HashMap<>();
        period.getFramework().getGroups().forEach(group -> group.getCriteria()
                .forEach(criterion -> criteria.put(Codes.key(criterion.getCode()), criterion)));
        Map<String, Long> communes = communesHeldDuring(period, suggestions);
        Map<String, Integer> seen = new HashMap<>();
        List<Row> rows = new ArrayList<>(suggestions.size());
        // A measurement is of now or of the recent past: one dated tomorrow or decades back is a mistyped date, and a
        // reviewer would weigh the value by it. A year before the period leaves room for last year's survey.
        LocalDate today = LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
        LocalDate earliestMeasured = period.getStartDate().minusYears(1);
        Instant earliest = earliestMeasured.atStartOfDay(ProgressLedger.VIETNAM).toInstant();
        Instant tomorrow = today.plusDays(1).atStartOfDay(ProgressLedger.VIETNAM).toInstant();
        for (int index = 0; index < suggestions.size(); index++) {
            Suggestion suggestion = suggestions.get(index);
            if (suggestion == null) {
                problems.add(new Problem(index, "suggestions", "suggestion.empty", List.of()));
                continue;
            }
            Long unitId = suggestion.communeCode() == null ? null : communes.get(suggestion.communeCode().strip());
            if (suggestion.communeCode() == null || suggestion.communeCode().isBlank()) {
                problems.add(new Problem(index, "communeCode", "suggestion.communeMissing", List.of()));
            }
            else if (unitId == null) {
                problems.add(new Problem(index, "communeCode", "suggestion.communeUnknown",
                        List.of(suggestion.communeCode())));
            }
            Criterion criterion = suggestion.criterionCode() == null ? null
                    : criteria.get(Codes.key(suggestion.criterionCode().strip()));
            if (suggestion.criterionCode() == null || suggestion.criterionCode().isBlank()) {
                problems.add(new Problem(index, "criterionCode", "suggestion.criterionMissing", List.of()));
            }
            else if (criterion == null) {
                problems.add(new Problem(index, "criterionCode", "suggestion.criterionUnknown",
                        List.of(suggestion.criterionCode())));
            }
            EntryValue value = null;
            if (criterion != null) {
                try {
                    value = EntryValue.parse(criterion.getType(), suggestion.value());
                }
                catch (RuleViolation refused) {
                    problems.add(new Problem(index, "value", refused.messageKey(), refused.arguments()));
                }
            }
            String reference = blankToNull(suggestion.reference());
            if (reference != null && reference.length() > SuggestedValue.REFERENCE_MAX) {
                problems.add(new Problem(index, "reference", "suggestion.referenceTooLong",
                        List.of(SuggestedValue.REFERENCE_MAX)));
            }
            Instant measured = suggestion.measuredAt();
            if (measured != null && (measured.isBefore(earliest) || !measured.isBefore(tomorrow))) {
                problems.add(new Problem(index, "measuredAt", "suggestion.measuredAtOutside",
                        List.of(day(measured), earliestMeasured, today)));
            }
            Integer earlier = unitId == null || criterion == null ? null
                    : seen.putIfAbsent(unitId + "/" + criterion.getId(), index);
            if (earlier != null) {
                problems.add(new Problem(index, "criterionCode", "suggestion.duplicate",
                        List.of(suggestion.communeCode(), suggestion.criterionCode(), earlier)));
            }
            if (unitId != null && criterion != null && value != null) {
                rows.add(new Row(unitId, criterion, value, reference, suggestion.measuredAt()));
            }
        }
        return new Checked(rows, problems);
    }

    /** The day of a time in Vietnam, or the time as written when it lies past any calendar's days (year 10⁹). */
    private static Object day(Instant time) {
        try {
            return LocalDate.ofInstant(time, ProgressLedger.VIETNAM);
        }
        catch (DateTimeException pastAnyDay) {
            return time.toString();
        }
    }

    /**
     * The communes of the caller's scope that held the suggestions' codes during the period, by code, in two queries
     * whatever their number: the unit that held the code on the period's first day, else on its last, as
     * {@link Scopes#heldDuring} finds one. A code outside the scope, or of a district or province, is not there.
     */
    private Map<String, Long> communesHeldDuring(Period period, List<Suggestion> suggestions) {
        UnitScope scope = scopes.current();
        Set<String> codes = new LinkedHashSet<>();
        for (Suggestion suggestion : suggestions) {
            if (suggestion != null && suggestion.communeCode() != null
                    && scope.includes(suggestion.communeCode().strip())) {
                codes.add(suggestion.communeCode().strip());
            }
        }
        Map<String, Long> held = new HashMap<>();
        for (LocalDate day : List.of(period.getStartDate(), period.getEndDate())) {
            List<String> missing = codes.stream().filter(code -> !held.containsKey(code)).toList();
            if (missing.isEmpty()) {
                break;
            }
            jdbc.query("""
                    select id, code, level from administrative_unit
                    where code = any (?) and (valid_from is null or valid_from <= ?) and (valid_to is null or valid_to >= ?)
                    """, rs -> {
                        held.put(rs.getString("code"), "COMMUNE".equals(rs.getString("level")) ? rs.getLong("id")
                                : -1L);
                    }, jdbc.execute((ConnectionCallback<Array>) connection -> connection.createArrayOf("varchar",
                            missing.toArray())), day, day);
        }
        Map<String, Long> communes = new HashMap<>();
        held.forEach((code, id) -> {
            if (id >= 0 && scope.includesUnit(id)) {
                communes.put(code, id);
            }
        });
        return communes;
    }

    /** Writes the rows, the latest replacing the one before, in statements of {@link #CHUNK} rows of arrays. */
    private void upsert(long periodId, List<Row> rows, String source, Instant now, String sender) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            jdbc.execute((ConnectionCallback<Integer>) connection -> upsertChunk(connection, periodId, chunk, source,
                    Timestamp.from(now), sender));
        }
    }

    private static int upsertChunk(Connection connection, long periodId, List<Row> chunk, String source,
            Timestamp now, String sender) throws SQLException {
        int size = chunk.size();
        Long[] units = new Long[size];
        Long[] criteria = new Long[size];
        Integer[] numerators = new Integer[size];
        Integer[] denominators = new Integer[size];
        Integer[] counts = new Integer[size];
        Integer[] levels = new Integer[size];
        Boolean[] yesNos = new Boolean[size];
        String[] references = new String[size];
        Timestamp[] measured = new Timestamp[size];
        for (int i = 0; i < size; i++) {
            Row row = chunk.get(i);
            units[i] = row.unitId();
            criteria[i] = row.criterion().getId();
            if (row.value() instanceof EntryValue.Percent percent) {
                numerators[i] = percent.numerator();
                denominators[i] = percent.denominator();
            }
            else if (row.value() instanceof EntryValue.Count count) {
                counts[i] = count.count();
            }
            else if (row.value() instanceof EntryValue.Level level) {
                levels[i] = level.level();
            }
            else if (row.value() instanceof EntryValue.YesNo yesNo) {
                yesNos[i] = yesNo.yes();
            }
            references[i] = row.reference();
            measured[i] = row.measuredAt() == null ? null : Timestamp.from(row.measuredAt());
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into suggested_value (unit_id, period_id, criterion_id, value_numerator, value_denominator,
                    value_count, value_level, value_yes_no, source, reference, measured_at, received_at, received_by)
                select u, ?, c, n, d, k, l, y, ?, r, m, ?, ?
                from unnest(?::bigint[], ?::bigint[], ?::integer[], ?::integer[], ?::integer[], ?::integer[],
                    ?::boolean[], ?::varchar[], ?::timestamptz[]) as s(u, c, n, d, k, l, y, r, m)
                on conflict (unit_id, period_id, criterion_id) do update set
                    value_numerator = excluded.value_numerator, value_denominator = excluded.value_denominator,
                    value_count = excluded.value_count, value_level = excluded.value_level,
                    value_yes_no = excluded.value_yes_no, source = excluded.source, reference = excluded.reference,
                    measured_at = excluded.measured_at, received_at = excluded.received_at,
                    received_by = excluded.received_by
                """)) {
            statement.setLong(1, periodId);
            statement.setString(2, source);
            statement.setTimestamp(3, now);
            statement.setString(4, sender);
            statement.setArray(5, connection.createArrayOf("bigint", units));
            statement.setArray(6, connection.createArrayOf("bigint", criteria));
            statement.setArray(7, connection.createArrayOf("integer", numerators));
            statement.setArray(8, connection.createArrayOf("integer", denominators));
            statement.setArray(9, connection.createArrayOf("integer", counts));
            statement.setArray(10, connection.createArrayOf("integer", levels));
            statement.setArray(11, connection.createArrayOf("boolean", yesNos));
            statement.setArray(12, connection.createArrayOf("varchar", references));
            statement.setArray(13, connection.createArrayOf("timestamptz", measured));
            return statement.executeUpdate();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Thrown when one of the suggestions of a call is wrong; nothing of the call was written. */
    public static class SuggestionsRefused extends RuntimeException {

        private final List<Problem> problems;

        SuggestionsRefused(List<Problem> problems) {
            super(problems.size() + " problem(s), first: " + problems.get(0));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }
}
