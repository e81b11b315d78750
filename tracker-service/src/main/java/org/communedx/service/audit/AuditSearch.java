package org.communedx.service.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.communedx.service.Actors;
import org.communedx.service.report.Labels;
import org.communedx.service.scope.Scopes;
import org.communedx.service.token.TokenActors;
import org.communedx.service.token.TokenActors.TokenActor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators search the whole audit trail: the trail crosses every unit, so nobody with a narrower scope may
 * read it this way (each entry page shows its own history to those who may see the entry). Each event comes back
 * readable: who by name, the unit, period and criterion it concerns by name, and each changed field before and
 * after; never the raw record.
 */
@Service
@Transactional(readOnly = true)
public class AuditSearch {

    /** Events a page. */
    public static final int PAGE_SIZE = 50;

    /** The last page one may ask for (from 0): half a million events back, and a bound on the offset. */
    public static final int MAX_PAGE = 9_999;

    /** The most events one CSV file holds, the newest that match. */
    public static final int EXPORT_LIMIT = 10_000;

    /** Events read at a time for the CSV, so that memory holds one slice whatever the file's length. */
    private static final int EXPORT_SLICE = 500;

    /** The longest text one value of a changed field keeps; a framework's whole contents would run to pages. */
    static final int MAX_VALUE = 300;

    /** Days in the tracker's own time zone, which is Vietnam's whatever the server's. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Pattern UNIT_CODE = Pattern.compile("[0-9]{2,5}");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    private final Scopes scopes;

    private final TokenActors tokenActors;

    AuditSearch(JdbcClient jdbc, Scopes scopes, TokenActors tokenActors) {
        this.tokenActors = tokenActors;
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /**
     * Empty or null filters match everything; {@code from} and {@code to} are whole days, both included.
     * @param actor who acted, by username (any case)
     * @param unit a unit's code: the events of its entries and their evidence, and of the accounts that belong to it
     *     or belonged to it before the event
     * @param entityType the kind of record, e.g. {@code USER}
     */
    public record Filter(String actor, String unit, String entityType, String action, LocalDate from, LocalDate to) {

        public Filter {
            actor = actor == null ? "" : actor.strip();
            unit = unit == null ? "" : unit.strip();
            entityType = entityType == null ? "" : entityType;
            action = action == null ? "" : action;
        }

        /** A start after the end, which no event can match: the page says so rather than only "nothing found". */
        public boolean datesReversed() {
            return from != null && to != null && from.isAfter(to);
        }
    }

    /**
     * What an event concerns, by name: for an entry or its evidence the unit, period and criterion; for a part of a
     * framework its version and code; otherwise a name (an account, a plan, a file).
     * @param entryId the entry to link to, when the event is about one
     */
    public record Subject(String unitName, String periodName, String criterionCode, String criterionNameVi,
            String criterionNameEn, String name, Long entryId) {
    }

    /**
     * One field of the record: {@code before} is null for a record made anew and empty for a field that was empty in
     * the record before; {@code after} is null for a field emptied or a record removed.
     */
    public record Change(String field, String before, String after) {
    }

    /** @param token the API token that acted, when one did: its name and issuer, which "token:2" does not say */
    public record AuditRow(long id, Instant occurredAt, String actor, String actorName, @Nullable TokenActor token,
            String ip, String entityType, String entityId, String action, Subject subject, List<Change> changes) {

        /** When it happened, on the clock of the officials who read it. */
        public ZonedDateTime localTime() {
            return occurredAt.atZone(VIETNAM);
        }

        /** Whether the tracker itself acted (demo data, a job), with no account signed in: no account's name. */
        public boolean bySystem() {
            return actorName == null && Actors.SYSTEM.equals(actor);
        }
    }

    /** @param page from 0 */
    public record AuditPage(List<AuditRow> rows, int page, boolean hasNext) {

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    /** The events as stored, before they are named. */
    private record Stored(long id, Instant occurredAt, String actor, String ip, String entityType, String entityId,
            String action, JsonNode before, JsonNode after) {
    }

    /** Newest first, {@link #PAGE_SIZE} a page; a page beyond {@link #MAX_PAGE} is the last one allowed. */
    public AuditPage search(Filter filter, int page) {
        requireAdministrator();
        int number = Math.max(0, Math.min(page, MAX_PAGE));
        Query query = where(filter);
        query.sql.append(" order by occurred_at desc, id desc limit ").append(PAGE_SIZE + 1).append(" offset ")
                .append((long) number * PAGE_SIZE);
        List<Stored> found = query.run(jdbc);
        boolean more = found.size() > PAGE_SIZE && number < MAX_PAGE;
        return new AuditPage(named(found.subList(0, Math.min(found.size(), PAGE_SIZE))), number, more);
    }

    /**
     * The events that match, newest first and at most {@link #EXPORT_LIMIT}, as CSV in the reader's language, read
     * and written a slice at a time.
     */
    public void export(Filter filter, Labels labels, OutputStream out) throws IOException {
        requireAdministrator();
        try (AuditCsv csv = new AuditCsv(out, labels)) {
            int written = 0;
            Stored last = null;
            while (written < EXPORT_LIMIT) {
                Query query = where(filter);
                if (last != null) {
                    query.sql.append(" and (occurred_at, id) < (?, ?)");
                    query.params.add(OffsetDateTime.ofInstant(last.occurredAt(), ZoneOffset.UTC));
                    query.params.add(last.id());
                }
                int slice = Math.min(EXPORT_SLICE, EXPORT_LIMIT - written);
                query.sql.append(" order by occurred_at desc, id desc limit ").append(slice);
                List<Stored> found = query.run(jdbc);
                for (AuditRow row : named(found)) {
                    csv.write(row);
                }
                written += found.size();
                if (found.size() < slice) {
                    break;
                }
                last = found.get(found.size() - 1);
            }
        }
    }

    private void requireAdministrator() {
        if (!scopes.current().everything()) {
            throw new AccessDeniedException("Only administrators search the audit trail");
        }
    }

    private static final class Query {

        private final StringBuilder sql = new StringBuilder("""
                select id, actor, occurred_at, ip, entity_type, entity_id, action,
                    before_json::text as before_json, after_json::text as after_json
                from audit_event where true""");

        private final List<Object> params = new ArrayList<>();

        List<Stored> run(JdbcClient jdbc) {
            return jdbc.sql(sql.toString()).params(params)
                    .query((rs, row) -> new Stored(rs.getLong("id"),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                            rs.getString("ip"), rs.getString("entity_type"), rs.getString("entity_id"),
                            rs.getString("action"), json(rs.getString("before_json")),
                            json(rs.getString("after_json"))))
                    .list();
        }
    }

    private static Query where(Filter filter) {
        Query query = new Query();
        if (!filter.actor().isEmpty()) {
            query.sql.append(" and lower(actor) = lower(?)");
            query.params.add(filter.actor());
        }
        if (!filter.unit().isEmpty()) {
            // A code that is no unit's matches nothing, rather than everything.
            String unit = UNIT_CODE.matcher(filter.unit()).matches() ? filter.unit() : "-";
            query.sql.append(" ").append("""
                    and ((entity_type = 'CRITERION_ENTRY' and entity_id in (%1$s))
                        or (entity_type in ('EVIDENCE', 'ENTRY_COMMENT')
                            and coalesce(after_json, before_json) ->> 'entryId' in (%1$s))
                        or (entity_type = 'USER'
                            and (after_json ->> 'unitCode' = ? or before_json ->> 'unitCode' = ?)))"""
                    .formatted("""
                            select e.id::text from criterion_entry e join assessment a on a.id = e.assessment_id
                                join administrative_unit u on u.id = a.unit_id where u.code = ?"""));
            // An account's event under the unit it belonged to before or after: one moved away leaves under both.
            query.params.add(unit);
            query.params.add(unit);
            query.params.add(unit);
            query.params.add(unit);
        }
        if (!filter.entityType().isEmpty()) {
            query.sql.append(" and entity_type = ?");
            query.params.add(filter.entityType());
        }
        if (!filter.action().isEmpty()) {
            query.sql.append(" and action = ?");
            query.params.add(filter.action());
        }
        if (filter.from() != null) {
            query.sql.append(" and occurred_at >= ?");
            query.params.add(filter.from().atStartOfDay(VIETNAM).toOffsetDateTime());
        }
        if (filter.to() != null) {
            query.sql.append(" and occurred_at < ?");
            query.params.add(filter.to().plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime());
        }
        return query;
    }

    /** The events with their actors, units, periods, criteria and records named: a few queries for the lot. */
    private List<AuditRow> named(List<Stored> events) {
        Set<Long> entryIds = new LinkedHashSet<>();
        Set<Long> periodIds = new LinkedHashSet<>();
        Set<Long> planIds = new LinkedHashSet<>();
        Set<Long> frameworkIds = new LinkedHashSet<>();
        Set<String> actors = new LinkedHashSet<>();
        for (Stored event : events) {
            actors.add(event.actor().toLowerCase(Locale.ROOT));
            switch (event.entityType()) {
                case "CRITERION_ENTRY" -> add(entryIds, event.entityId());
                case "EVIDENCE", "ENTRY_COMMENT" -> add(entryIds, field(event, "entryId"));
                case "PERIOD", "SUGGESTED_VALUES" -> add(periodIds, event.entityId());
                case "PLAN" -> add(planIds, event.entityId());
                case "FRAMEWORK" -> add(frameworkIds, event.entityId());
                default -> {
                }
            }
        }
        Map<Long, Subject> entries = entries(entryIds);
        Map<Long, String> periods = names("select id, name from period where id in (:ids)", periodIds);
        Map<Long, String> plans = names("select id, name from plan where id in (:ids)", planIds);
        Map<Long, String> frameworks = names("select id, code || ' ' || version as name from framework where id in (:ids)",
                frameworkIds);
        Map<String, String> actorNames = actorNames(actors);
        List<AuditRow> rows = new ArrayList<>(events.size());
        for (Stored event : events) {
            Subject subject = switch (event.entityType()) {
                case "CRITERION_ENTRY" -> entry(entries, event.entityId(), field(event, "criterion"), null);
                case "EVIDENCE" -> entry(entries, field(event, "entryId"), null, field(event, "originalName"));
                case "ENTRY_COMMENT" -> entry(entries, field(event, "entryId"), null, null);
                case "PERIOD" -> named(periods.get(id(event.entityId())), event, "name");
                case "PLAN" -> named(plans.get(id(event.entityId())), event, "name");
                case "FRAMEWORK" -> named(frameworks.get(id(event.entityId())), event, "framework");
                case "CRITERION_GROUP", "CRITERION" -> new Subject(null, null, field(event, "code"),
                        field(event, "nameVi"), field(event, "nameEn"), field(event, "framework"), null);
                case "USER" -> named(user(event), event, "username");
                case "FRAMEWORK_MAPPING" -> named(field(event, "from") == null ? null
                        : field(event, "from") + " → " + field(event, "to"), event, "periodName");
                // A list's day as every page writes it, and the period suggestions came for by its name, not its id.
                case "UNITS" -> named(AuditText.day(field(event, field(event, "listDate") != null ? "listDate" : "effectiveDate")),
                        event, "listDate");
                case "SUGGESTED_VALUES" -> named(periods.get(id(event.entityId())), event, "period");
                // A release is the login audit's row: named by the address or the username it let in again, not by
                // that row's id.
                case "LOGIN_ATTEMPTS" -> named(field(event, "address"), event, "username");
                default -> named(null, event, "name");
            };
            rows.add(new AuditRow(event.id(), event.occurredAt(), event.actor(),
                    actorNames.get(event.actor().toLowerCase(Locale.ROOT)), tokenActors.of(event.actor()).orElse(null),
                    event.ip(), event.entityType(),
                    event.entityId(), event.action(), subject, changes(event.before(), event.after())));
        }
        return rows;
    }

    private static String user(Stored event) {
        String username = field(event, "username");
        String name = field(event, "displayName");
        return username == null ? null : name == null ? username : name + " (" + username + ")";
    }

    private static Subject named(String found, Stored event, String field) {
        String name = found != null ? found : field(event, field);
        return new Subject(null, null, null, null, null, name != null ? name : "#" + event.entityId(), null);
    }

    private static Subject entry(Map<Long, Subject> entries, String entry, String criterionCode, String name) {
        Long entryId = id(entry);
        Subject found = entryId == null ? null : entries.get(entryId);
        if (found == null) {
            // The entry is gone with its assessment; its events stay, with what they themselves say.
            return new Subject(null, null, criterionCode, null, null, name != null ? name : "#" + entry, null);
        }
        return new Subject(found.unitName(), found.periodName(), found.criterionCode(), found.criterionNameVi(),
                found.criterionNameEn(), name, entryId);
    }

    private Map<Long, Subject> entries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Subject> entries = new HashMap<>();
        jdbc.sql("""
                select e.id, u.name as unit_name, p.name as period_name, c.code, c.name_vi, c.name_en
                from criterion_entry e join assessment a on a.id = e.assessment_id
                    join administrative_unit u on u.id = a.unit_id join period p on p.id = a.period_id
                    join criterion c on c.id = e.criterion_id
                where e.id in (:ids)""")
                .param("ids", List.copyOf(ids))
                .query((rs, row) -> entries.put(rs.getLong("id"), new Subject(rs.getString("unit_name"),
                        rs.getString("period_name"), rs.getString("code"), rs.getString("name_vi"),
                        rs.getString("name_en"), null, rs.getLong("id"))))
                .list();
        return entries;
    }

    private Map<Long, String> names(String sql, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.sql(sql).param("ids", List.copyOf(ids))
                .query((rs, row) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
        return names;
    }

    private Map<String, String> actorNames(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select lower(username) as username, display_name from user_account where lower(username) in (:names)")
                .param("names", List.copyOf(usernames))
                .query((rs, row) -> names.put(rs.getString("username"), rs.getString("display_name"))).list();
        return names;
    }

    /**
     * Ids that a record keeps to be found by, and that its row names in words: the entry of a file or a comment is
     * the row's subject, and a period's framework is its label. Shown, they read "Giá trị tiêu chí số: 2108".
     */
    public static final Set<String> NAMED_IN_WORDS = Set.of("entryId", "frameworkId");

    /**
     * Each top-level field whose text differs before and after, in the order PostgreSQL keeps a record's fields
     * (shorter names first); a field empty on both sides is left out, and so is one that did not change, and an id
     * the row names in words ({@link #NAMED_IN_WORDS}).
     */
    static List<Change> changes(JsonNode before, JsonNode after) {
        Set<String> fields = new LinkedHashSet<>();
        for (JsonNode side : new JsonNode[] { after, before }) {
            if (side != null && side.isObject()) {
                side.properties().forEach(property -> fields.add(property.getKey()));
            }
        }
        List<Change> changes = new ArrayList<>();
        fields.removeAll(NAMED_IN_WORDS);
        for (String field : fields) {
            String was = text(before == null ? null : before.get(field));
            String is = text(after == null ? null : after.get(field));
            if (!Objects.equals(was, is)) {
                boolean recordWasThere = before != null && before.isObject();
                changes.add(new Change(field, was == null && recordWasThere ? "" : was, is));
            }
        }
        return changes;
    }

    /**
     * A value as words: a list's items joined by "; ", a record's values by " / ", nothing for null or empty, and at
     * most {@link #MAX_VALUE} characters. A record in a list that has a code (a group of a version made whole by a
     * clone or an import, a criterion of it) is named by its code, with the codes of its own coded records after it:
     * "G1 (G1.C1, G1.C2); G2 (…)", where every field of every criterion in a row read as nothing.
     */
    static String text(JsonNode value) {
        StringBuilder out = new StringBuilder();
        append(out, value, false);
        if (out.isEmpty()) {
            return null;
        }
        return out.length() > MAX_VALUE ? out.substring(0, MAX_VALUE - 1) + "…" : out.toString();
    }

    private static void append(StringBuilder out, JsonNode value, boolean inList) {
        if (value == null || value.isNull() || out.length() > MAX_VALUE) {
            return;
        }
        if (value.isValueNode()) {
            out.append(value.asString());
            return;
        }
        if (inList && value.isObject() && value.hasNonNull("code")) {
            out.append(value.get("code").asString());
            for (JsonNode part : value.values()) {
                List<String> codes = new ArrayList<>();
                if (part.isArray()) {
                    part.values().forEach(item -> {
                        if (item.isObject() && item.hasNonNull("code")) {
                            codes.add(item.get("code").asString());
                        }
                    });
                }
                if (!codes.isEmpty()) {
                    out.append(" (").append(String.join(", ", codes)).append(')');
                }
            }
            return;
        }
        String separator = value.isArray() ? "; " : " / ";
        boolean first = true;
        for (JsonNode item : value.values()) {
            int mark = out.length();
            if (!first) {
                out.append(separator);
            }
            int start = out.length();
            append(out, item, value.isArray());
            if (out.length() == start) {
                out.setLength(mark);
            }
            else {
                first = false;
            }
        }
    }

    private static String field(Stored event, String name) {
        JsonNode record = event.after() != null ? event.after() : event.before();
        if (record == null || !record.isObject()) {
            return null;
        }
        JsonNode value = record.get(name);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    private static void add(Set<Long> ids, String id) {
        Long parsed = id(id);
        if (parsed != null) {
            ids.add(parsed);
        }
    }

    private static Long id(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(text);
    }

    private static JsonNode json(String text) {
        return text == null ? null : JSON.readTree(text);
    }
}
