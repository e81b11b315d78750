package org.communedx.service.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.communedx.service.Actors;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail: who changed what, when, from where, and the record before and after as JSON.
 * It writes only inside the caller's transaction, so that a change and its audit row commit or fail together.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    private final JdbcTemplate jdbcTemplate;

    private final Clock clock;

    AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    /**
     * @param before what the record was, or null for a creation
     * @param after what it is now; both are serialised as JSON (records, maps)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String entityType, Object entityId, String action, Object before, Object after) {
        jdbc.sql("""
                insert into audit_event (actor, occurred_at, ip, entity_type, entity_id, action, before_json, after_json)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(Actors.username(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        RequestOrigin.current(), entityType, String.valueOf(entityId), action, json(before),
                        json(after))
                .update();
    }

    /**
     * An event that happened at a given time by a given actor, for records written on behalf of the past: the demo's
     * sample history, whose trends need real dates.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAt(String actor, java.time.Instant at, String entityType, Object entityId, String action,
            Object before, Object after) {
        jdbc.sql("""
                insert into audit_event (actor, occurred_at, ip, entity_type, entity_id, action, before_json, after_json)
                values (?, ?, null, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(actor, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), entityType, String.valueOf(entityId),
                        action, json(before), json(after))
                .update();
    }

    /**
     * Events written on behalf of the past, as {@link #recordAt} writes them, in one batch: the demo's sample history
     * is thousands of rows, and a statement each would make the first start wait on as many round trips.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAllAt(List<PastEvent> events) {
        jdbcTemplate.batchUpdate("""
                insert into audit_event (actor, occurred_at, ip, entity_type, entity_id, action, before_json, after_json)
                values (?, ?, null, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""", events, 1000,
                (statement, event) -> {
                    statement.setString(1, event.actor());
                    statement.setObject(2, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
                    statement.setString(3, event.entityType());
                    statement.setString(4, String.valueOf(event.entityId()));
                    statement.setString(5, event.action());
                    statement.setString(6, json(event.before()));
                    statement.setString(7, json(event.after()));
                });
    }

    /** One event of {@link #recordAllAt}. */
    public record PastEvent(String actor, Instant at, String entityType, Object entityId, String action, Object before,
            Object after) {
    }

    /** The events of one record, oldest first. */
    public List<AuditEvent> history(String entityType, Object entityId) {
        return jdbc.sql("""
                select actor, occurred_at, ip, action, before_json::text as before_json, after_json::text as after_json
                from audit_event where entity_type = ? and entity_id = ? order by occurred_at, id""")
                .params(entityType, String.valueOf(entityId))
                .query((rs, row) -> new AuditEvent(rs.getString("actor"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("ip"),
                        rs.getString("action"), rs.getString("before_json"), rs.getString("after_json")))
                .list();
    }

    /**
     * For each of the records, its latest event with one of the actions, e.g. the last review of each entry in a
     * queue; one query for the lot. Records with no such event are missing from the map.
     */
    public Map<String, AuditEvent> latest(String entityType, Collection<?> entityIds, Collection<String> actions) {
        if (entityIds.isEmpty() || actions.isEmpty()) {
            return Map.of();
        }
        Map<String, AuditEvent> latest = new HashMap<>();
        jdbc.sql("""
                select distinct on (entity_id) entity_id, actor, occurred_at, ip, action,
                    before_json::text as before_json, after_json::text as after_json
                from audit_event where entity_type = :type and entity_id in (:ids) and action in (:actions)
                order by entity_id, occurred_at desc, id desc""")
                .param("type", entityType)
                .param("ids", entityIds.stream().map(String::valueOf).toList())
                .param("actions", List.copyOf(actions))
                .query((rs, row) -> latest.put(rs.getString("entity_id"), new AuditEvent(rs.getString("actor"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("ip"),
                        rs.getString("action"), rs.getString("before_json"), rs.getString("after_json"))))
                .list();
        return latest;
    }

    /**
     * The events of records of one type, with one of the actions and later than {@code after}, whose record refers
     * to one of the values in a top-level JSON field: the record after the change or, for a removal, before it. For
     * example the evidence files added to or removed from some entries since a review; one query for the lot.
     * @return record id to its events, oldest first; records in the order of their first such event
     */
    public Map<String, List<AuditEvent>> referringTo(String entityType, Collection<String> actions, String field,
            Collection<?> values, Instant after) {
        if (actions.isEmpty() || values.isEmpty()) {
            return Map.of();
        }
        if (!FIELD_NAME.matcher(field).matches()) {
            throw new IllegalArgumentException("not a field name: " + field);
        }
        Map<String, List<AuditEvent>> events = new LinkedHashMap<>();
        // The field is written into the SQL, checked above, rather than bound: only then does the planner see the
        // expression of audit_event_referring_entry_idx in the query and use the index.
        jdbc.sql("""
                select entity_id, actor, occurred_at, ip, action,
                    before_json::text as before_json, after_json::text as after_json
                from audit_event
                where entity_type = :type and action in (:actions) and occurred_at > :after
                    and coalesce(after_json, before_json) ->> '%s' in (:values)
                order by occurred_at, id""".formatted(field))
                .param("type", entityType)
                .param("actions", List.copyOf(actions))
                .param("after", OffsetDateTime.ofInstant(after, ZoneOffset.UTC))
                .param("values", values.stream().map(String::valueOf).toList())
                .query((rs, row) -> events.computeIfAbsent(rs.getString("entity_id"), id -> new ArrayList<>())
                        .add(event(rs)))
                .list();
        return events;
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getString("actor"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("ip"), rs.getString("action"), rs.getString("before_json"), rs.getString("after_json"));
    }

    private static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    public record AuditEvent(String actor, Instant occurredAt, String ip, String action, String beforeJson,
            String afterJson) {
    }
}
