package org.communedx.service.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.communedx.service.Actors;
import org.communedx.service.Pages;
import org.communedx.service.period.SubmissionDeadlineMoved;
import org.communedx.service.revision.DataRevision;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's notices: made by the listeners and jobs of this package, read and marked read by their recipient only.
 * <p>
 * Making a notice also plans its e-mail, in the same transaction, when mail is on (a {@link JavaMailSender}, i.e.
 * {@code spring.mail.host}) and the recipient has an address: an outbox row at once for {@code IMMEDIATE}, a mark
 * that it waits for the day's digest for {@code DAILY}, nothing for {@code NONE}. The sender
 * ({@code MailSending}) takes it from there, never in the request's thread.
 * <p>
 * Writes that touch notices alone (a notice read, a job's notices) do not move the {@link DataRevision}: the kept
 * pages show nothing of them but the menu's unread count, and {@code RenderedPages} keys a kept page by that count
 * too. That costs one indexed count per kept page served, against starting every user's kept pages afresh whenever
 * anyone reads a notice.
 */
@Service
@Transactional(readOnly = true)
public class NotificationInbox {

    /** The most notices on one page of the inbox, in the page and the API alike. */
    public static final int MAX_PAGE_SIZE = 100;

    /** What {@link #view} reads, from {@code notification n} and its unit {@code u}. */
    static final String COLUMNS = """
            n.id, n.kind, n.entry_id, u.code as unit_code, n.period_id, n.parameters, n.created_at, n.read_at
            from notification n left join administrative_unit u on u.id = n.unit_id
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final Clock clock;

    private final DataRevision revision;

    private final ObjectProvider<JavaMailSender> mailSender;

    NotificationInbox(JdbcClient jdbc, Clock clock, DataRevision revision, ObjectProvider<JavaMailSender> mailSender) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.revision = revision;
        this.mailSender = mailSender;
    }

    /**
     * A deadline moved withdraws what was not yet read of the old one, reminders and warnings that it passed, with
     * their e-mails not yet sent: "Còn 60 ngày" to a deadline since brought forward to this week had stayed on a
     * commune's list. The next morning's run tells of the new deadline when it is due; what was read stays, as what
     * was said then.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void deadlineMoved(SubmissionDeadlineMoved moved) {
        jdbc.sql("""
                delete from notification where period_id = :period and kind in ('DEADLINE_AHEAD', 'DEADLINE_PASSED')
                    and read_at is null and cast(parameters as jsonb) ->> 'deadline' <> :deadline""")
                .param("period", moved.periodId()).param("deadline", moved.deadline().toString()).update();
    }

    /** Whether notices become e-mails: only with a mail server configured. */
    public boolean mailEnabled() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Makes the notice for each recipient (their account ids), inside the caller's transaction, so that it is kept if
     * and only if what it tells of is. A recipient who already has a notice with the same dedupe key gets no second.
     *
     * @return how many notices were made
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int notify(Collection<Long> recipients, Notice notice) {
        boolean mail = mailEnabled();
        Instant now = clock.instant();
        String parameters = JSON.writeValueAsString(notice.parameters());
        int made = 0;
        for (long recipient : new LinkedHashSet<>(recipients)) {
            List<Long> ids = jdbc.sql("""
                    insert into notification (recipient_id, kind, entry_id, unit_id, period_id, parameters, dedupe_key,
                        created_at, awaiting_digest)
                    select u.id, :kind, cast(:entry as bigint), cast(:unit as bigint), cast(:period as bigint),
                        :parameters, cast(:dedupe as varchar), :now,
                        cast(:mail as boolean) and u.email is not null and u.email_preference = 'DAILY'
                    from user_account u where u.id = :recipient
                    on conflict (recipient_id, dedupe_key) where dedupe_key is not null do nothing
                    returning id""")
                    .param("kind", notice.kind().name()).param("entry", notice.entryId())
                    .param("unit", notice.unitId()).param("period", notice.periodId())
                    .param("parameters", parameters).param("dedupe", notice.dedupeKey())
                    .param("now", Timestamp.from(now)).param("mail", mail).param("recipient", recipient)
                    .query(Long.class).list();
            if (ids.isEmpty()) {
                continue;
            }
            made++;
            if (mail) {
                jdbc.sql("""
                        insert into mail_outbox (recipient_id, kind, notification_id, created_at, next_attempt_at)
                        select u.id, 'IMMEDIATE', :notice, :now, :now from user_account u
                        where u.id = :recipient and u.email is not null and u.email_preference = 'IMMEDIATE'""")
                        .param("notice", ids.get(0)).param("now", Timestamp.from(now)).param("recipient", recipient)
                        .update();
            }
        }
        return made;
    }

    /**
     * The current user's notices, newest first; past the last page an empty one, as the API answers it (the page
     * shows the last instead, {@link NoticePage#pastTheEnd}).
     *
     * @param page from 0
     * @param size at most {@link #MAX_PAGE_SIZE}
     */
    public NoticePage page(int page, int size) {
        int boundedSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        long me = currentUser();
        long total = jdbc.sql("select count(*) from notification where recipient_id = ?").param(me)
                .query(Long.class).single();
        int boundedPage = Pages.bounded(page);
        List<NoticeView> notices = jdbc.sql("select " + COLUMNS
                + " where n.recipient_id = :me order by n.created_at desc, n.id desc limit :size offset :offset")
                .param("me", me).param("size", boundedSize).param("offset", (long) boundedPage * boundedSize)
                .query(NotificationInbox::view).list();
        return new NoticePage(notices, boundedPage, boundedSize, total, unreadCount(me));
    }

    /** How many of the current user's notices are unread: one count on a partial index, for the menu's badge. */
    public long unreadCount() {
        return jdbc.sql("select count(*) from notification n join user_account u on u.id = n.recipient_id"
                + " where lower(u.username) = lower(?) and n.read_at is null").param(Actors.username())
                .query(Long.class).single();
    }

    private long unreadCount(long recipient) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
                .param(recipient).query(Long.class).single();
    }

    /**
     * Marks one of the current user's notices read, and answers it, for where it leads; another's, or none, is not
     * found (and stays unread).
     */
    @Transactional
    public NoticeView markRead(long id) {
        revision.excludeCurrentTransaction();
        long me = currentUser();
        jdbc.sql("update notification set read_at = ? where id = ? and recipient_id = ? and read_at is null")
                .param(Timestamp.from(clock.instant())).param(id).param(me).update();
        return jdbc.sql("select " + COLUMNS + " where n.id = :id and n.recipient_id = :me").param("id", id)
                .param("me", me).query(NotificationInbox::view).optional()
                .orElseThrow(() -> new NotificationNotFoundException(id));
    }

    /** Marks all the current user's notices read. */
    @Transactional
    public int markAllRead() {
        revision.excludeCurrentTransaction();
        return jdbc.sql("update notification set read_at = ? where recipient_id = ? and read_at is null")
                .param(Timestamp.from(clock.instant())).param(currentUser()).update();
    }

    private long currentUser() {
        return jdbc.sql("select id from user_account where lower(username) = lower(?)").param(Actors.username())
                .query(Long.class).optional()
                .orElseThrow(() -> new AccessDeniedException("No account"));
    }

    static Map<String, String> parameters(String json) {
        return JSON.readValue(json, PARAMETERS);
    }

    static NoticeView view(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new NoticeView(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getObject("entry_id", Long.class), rs.getString("unit_code"),
                rs.getObject("period_id", Long.class), parameters(rs.getString("parameters")),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
