package org.communedx.service.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communedx.service.CommuneDxProperties;
import org.communedx.service.revision.DataRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's e-mails, on a timer and never in a request's thread, one row per transaction: the row is claimed
 * with {@code FOR UPDATE SKIP LOCKED} (another instance's sender skips it, and takes the next), handed to the mail
 * server, and its attempt recorded, all before that transaction commits. A failure is retried with {@link Backoff};
 * every try is a {@code mail_attempt} row. A row is marked SENT in the transaction that sent it, so a mail server that
 * is down loses nothing, and once it is back each row is sent once. Should the commit itself fail after the server
 * took the message, the next try sends it again with the same {@code Message-ID} ({@code <outbox-N@host>}), by which
 * mail systems recognise the duplicate.
 * <p>
 * This is bookkeeping, not data the kept pages show: its transactions do not move the {@link DataRevision}.
 */
@Component
public class MailSending {

    private static final Logger log = LoggerFactory.getLogger(MailSending.class);

    /** The name of the sender's row in the {@code shedlock} table, and of its job. */
    public static final String LOCK = "mail-sender";

    /** The name of the outbox retention's row in the {@code shedlock} table, and of its job. */
    public static final String RETENTION_LOCK = "mail-retention";

    /** The longest error text kept of an attempt. */
    static final int MAX_ERROR = 500;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final DataRevision revision;

    private final ObjectProvider<JavaMailSender> mailSender;

    private final ObjectProvider<MailComposer> composer;

    private final NoticeReader notices;

    private final CommuneDxProperties.Mail properties;

    private final Backoff backoff;

    private final Clock clock;

    MailSending(JdbcClient jdbc, TransactionTemplate transaction, DataRevision revision,
            ObjectProvider<JavaMailSender> mailSender, ObjectProvider<MailComposer> composer, NoticeReader notices,
            CommuneDxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.revision = revision;
        this.mailSender = mailSender;
        this.composer = composer;
        this.notices = notices;
        this.properties = properties.mail();
        this.backoff = new Backoff(this.properties.retryBase(), this.properties.retryMax(),
                this.properties.maxAttempts());
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${communedx.mail.send-delay:30s}",
            fixedDelayString = "${communedx.mail.send-delay:30s}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT15M")
    public void scheduled() {
        sendDue();
    }

    /** At most an hour: a first run over years of rows is let run on, not started again. */
    @Scheduled(cron = "${communedx.mail.retention-cron:0 47 3 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = RETENTION_LOCK, lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
    public void scheduledRetention() {
        purgeFinished();
    }

    /**
     * Deletes the e-mails sent or given up more than {@code communedx.mail.retention} ago, with their attempts (the
     * foreign key cascades). Without it every notice mailed grew the outbox for ever. A digest's notices carry its
     * row ({@code digest_id}), which the deletion empties: they are first marked as no longer waiting, or the next
     * digest would gather and send them again.
     *
     * @return how many e-mails were deleted
     */
    public int purgeFinished() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.retention()));
        Integer deleted = transaction.execute(status -> {
            revision.excludeCurrentTransaction();
            jdbc.sql("""
                    update notification set awaiting_digest = false
                    where digest_id in (select id from mail_outbox where status <> 'PENDING' and created_at < ?)""")
                    .param(cutoff).update();
            return jdbc.sql("delete from mail_outbox where status <> 'PENDING' and created_at < ?").param(cutoff)
                    .update();
        });
        log.info("Deleted {} e-mails sent or given up before {}", deleted, cutoff.toInstant());
        return deleted == null ? 0 : deleted;
    }

    /**
     * Sends what is due now, at most {@code communedx.mail.batch-size} rows.
     *
     * @return how many were sent
     */
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        MailComposer mailComposer = composer.getIfAvailable();
        if (sender == null || mailComposer == null) {
            return 0;
        }
        int sent = 0;
        for (int i = 0; i < properties.batchSize(); i++) {
            Optional<Boolean> outcome = transaction.execute(status -> {
                revision.excludeCurrentTransaction();
                return sendOne(sender, mailComposer);
            });
            if (outcome == null || outcome.isEmpty()) {
                break;
            }
            if (outcome.get()) {
                sent++;
            }
        }
        return sent;
    }

    /** @return empty when nothing is due; else whether the claimed row was sent */
    private Optional<Boolean> sendOne(JavaMailSender sender, MailComposer mailComposer) {
        Instant now = clock.instant();
        Optional<Due> claimed = jdbc.sql("""
                select o.id, o.kind, o.notification_id, o.attempts, u.email, u.display_name, u.locale
                from mail_outbox o join user_account u on u.id = o.recipient_id
                where o.status = 'PENDING' and o.next_attempt_at <= ?
                order by o.next_attempt_at, o.id limit 1
                for update of o skip locked""")
                .param(Timestamp.from(now))
                .query((rs, row) -> new Due(rs.getLong("id"), rs.getString("kind"),
                        rs.getObject("notification_id", Long.class), rs.getInt("attempts"), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("locale")))
                .optional();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Due due = claimed.get();
        if (due.email() == null) {
            // The address was removed since: nothing to send to, and nothing to try again.
            record(due, now, false, "No e-mail address", true);
            return Optional.of(false);
        }
        List<NoticeView> content = "DIGEST".equals(due.kind()) ? notices.ofDigest(due.id())
                : notices.byId(due.notificationId()).map(List::of).orElse(List.of());
        if (content.isEmpty()) {
            record(due, now, false, "Nothing left to send", true);
            return Optional.of(false);
        }
        try {
            MailComposer.ComposedMail mail = mailComposer.compose(due.displayName(), Locale.forLanguageTag(due.locale()),
                    content, "DIGEST".equals(due.kind()));
            sender.send(message(due, mail));
            record(due, now, true, null, false);
            return Optional.of(true);
        }
        catch (RuntimeException | MessagingException ex) {
            int failures = due.attempts() + 1;
            log.warn("E-mail {} not sent (attempt {}): {}", due.id(), failures, ex.getMessage());
            record(due, now, false, String.valueOf(ex.getMessage()), backoff.givesUpAfter(failures));
            return Optional.of(false);
        }
    }

    private MimeMessage message(Due due, MailComposer.ComposedMail mail) throws MessagingException {
        String messageId = "<outbox-" + due.id() + "@" + properties.baseUrl().getHost() + ">";
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // The same for every try of this row, so that a message sent twice reads as one.
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                "UTF-8");
        helper.setFrom(new InternetAddress(properties.from()));
        helper.setTo(new InternetAddress(due.email()));
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        return message;
    }

    private void record(Due due, Instant now, boolean sent, String error, boolean giveUp) {
        int attempts = due.attempts() + 1;
        jdbc.sql("insert into mail_attempt (outbox_id, attempted_at, outcome, error) values (?, ?, ?, ?)")
                .param(due.id()).param(Timestamp.from(now)).param(sent ? "SENT" : "FAILED")
                .param(error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR))).update();
        String status = sent ? "SENT" : giveUp ? "FAILED" : "PENDING";
        jdbc.sql("""
                update mail_outbox set status = ?, attempts = ?, next_attempt_at = ?, sent_at = ? where id = ?""")
                .param(status).param(attempts).param(Timestamp.from(now.plus(backoff.delayAfter(attempts))))
                .param(sent ? Timestamp.from(now) : null).param(due.id()).update();
    }

    private record Due(long id, String kind, Long notificationId, int attempts, String email, String displayName,
            String locale) {
    }
}
