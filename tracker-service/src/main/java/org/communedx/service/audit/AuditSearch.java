package org.communedx.service.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.communedx.service.scope.Scopes;
import org.communedx.service.scope.UnitScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators search the whole audit trail: the trail crosses every unit, so nobody with a narrower scope may
 * read it this way (each entry page shows its own history to those who may see the entry).
 */
@Service
@Transactional(readOnly = true)
public class AuditSearch {

    /** One page of results; a search that finds more says so and asks for narrower filters. */
    public static final int PAGE_SIZE = 100;

    /** Days in the tracker's own time zone, which is Vietnam's whatever the server's. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;

    private final Scopes scopes;

    AuditSearch(JdbcClient jdbc, Scopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** Empty or null filters match everything; {@code from} and {@code to} are whole days, both included. */
    public record Filter(String actor, String entityType, String action, LocalDate from, LocalDate to) {
    }

    public record AuditRecord(long id, String actor, Instant occurredAt, String ip, String entityType, String entityId,
            String action, String beforeJson, String afterJson) {

        /** When it happened, on the clock of the officials who read it. */
        public ZonedDateTime localTime() {
            return occurredAt.atZone(VIETNAM);
        }
    }

    /** Newest first, at most {@link #PAGE_SIZE} + 1 rows, so that the page can tell whether there are more. */
    public List<AuditRecord> search(Filter filter) {
        UnitScope scope = scopes.current();
        if (!scope.everything()) {
            throw new AccessDeniedException("Only administrators search the audit trail");
        }
        StringBuilder sql = new StringBuilder("""
                select id, actor, occurred_at, ip, entity_type, entity_id, action,
                    before_json::text as before_json, after_json::text as after_json
                from audit_event where true""");
        List<Object> params = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            sql.append(" and lower(actor) = lower(?)");
            params.add(filter.actor().strip());
        }
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            sql.append(" and entity_type = ?");
            params.add(filter.entityType());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            sql.append(" and action = ?");
            params.add(filter.action());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(filter.from().atStartOfDay(VIETNAM).toOffsetDateTime());
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime());
        }
        sql.append(" order by occurred_at desc, id desc limit ").append(PAGE_SIZE + 1);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new AuditRecord(rs.getLong("id"), rs.getString("actor"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("ip"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"),
                        rs.getString("before_json"), rs.getString("after_json")))
                .list();
    }
}
