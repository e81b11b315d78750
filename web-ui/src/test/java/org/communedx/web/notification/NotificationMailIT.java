package org.communedx.web.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.evidence.EvidenceExpiry;
import org.communedx.service.instance.JobRuns;
import org.communedx.service.notification.MailSending;
import org.communedx.service.notification.Notice;
import org.communedx.service.notification.NotificationInbox;
import org.communedx.service.notification.NotificationJobs;
import org.communedx.service.notification.NotificationKind;
import org.communedx.service.notification.TrackerEvent;
import org.communedx.service.revision.DataRevision;
import org.communedx.service.testsupport.SampleFiles;
import org.communedx.service.testsupport.TestDatabaseConfiguration;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TestAccounts;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;
import static org.communedx.web.support.EntryPages.encode;
import static org.communedx.web.support.EntryPages.post;
import static org.communedx.web.support.EntryPages.version;

/**
 * Notices from the event to the inbox and, through the outbox, to a mailbox: an SMTP server in the test's JVM
 * (GreenMail), a clock the test sets, and the jobs called as beans, never waited for. A context of its own, since mail
 * is on here ({@code spring.mail.host}) and the clock is the test's; the jobs' timers are off, so nothing runs but
 * what the test calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "communedx.demo-data=true", "communedx.evidence.directory=target/evidence-mail-it",
        "spring.mail.host=127.0.0.1", "communedx.mail.base-url=http://tracker.example.vn/",
        "communedx.mail.from=tracker@example.vn", "communedx.mail.send-delay=1d", "communedx.mail.retry-base=1m",
        "communedx.notifications.waiting-cron=-", "communedx.notifications.reminders-cron=-",
        "communedx.notifications.deadline-passed-cron=-", "communedx.notifications.digest-cron=-",
        "communedx.mail.retention-cron=-",
        "spring.mail.properties[mail.smtp.connectiontimeout]=5000", "spring.mail.properties[mail.smtp.timeout]=5000" })
@Import({ TestDatabaseConfiguration.class, NotificationMailIT.FixedClock.class })
class NotificationMailIT {

    private static final int SMTP_PORT = freePort();

    private static GreenMail smtp = startSmtp();

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        /** The application's clock, which the test moves: deadlines and back-off are judged by it. */
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock(Instant.now());
        }
    }

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MailSending sending;

    @Autowired
    NotificationJobs jobs;

    @Autowired
    NotificationInbox inbox;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    SettableClock clock;

    @Autowired
    EvidenceExpiry expiry;

    @Autowired
    DataRevision revision;

    long period;

    WebClient staff;

    WebClient reviewer;

    @BeforeEach
    void freshPeriodAndEmptyMailbox() throws Exception {
        clock.set(Instant.now());
        period = new EntryPages(frameworks, periods, transaction).newPeriod();
        staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
        jdbc.sql("update user_account set email_preference = 'IMMEDIATE' where username in ('xa.yenphu', 'huyen.lacson')")
                .update();
        // What earlier tests and the demo left in the outbox goes first, so each test counts only its own.
        while (sending.sendDue() > 0) {
            // drained
        }
        jdbc.sql("update mail_outbox set status = 'FAILED' where status = 'PENDING'").update();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aReturnReachesTheCommunesInboxAndMailboxOnceWithItsReasonEscaped() throws Exception {
        assertThat(inbox.mailEnabled()).as("spring.mail.host is set").isTrue();
        assertThat(staff.get("/account").body()).as("mail is sent: nothing to warn of")
                .contains("id=\"email-heading\"").doesNotContain("id=\"email-off\"");
        assertThat(jdbc.sql("select email from user_account where username = 'xa.yenphu'").query(String.class)
                .single()).as("the demo's address").isEqualTo("xa.yenphu@example.vn");
        long entry = submitted("G1.C1");
        String reason = "Thiếu <b>danh sách</b> & \"biên bản\"";
        post(reviewer, entry, "return", "version=" + version(reviewer, entry) + "&reason=" + encode(reason));

        String page = staff.get("/notifications").body();
        assertThat(page).contains("id=\"nav-unread\"", "thông báo chưa đọc", "/open\" method=\"post\"",
                "bị trả lại: Thiếu &lt;b&gt;danh sách&lt;/b&gt;")
                .as("named by its period: the same criterion may be returned in two")
                .contains("Tiêu chí G1.C1 của Xã Yên Phú (" + periods.findById(period).orElseThrow().getName()
                        + ") bị trả lại")
                .doesNotContain("<b>danh sách</b>");
        String api = api(staff, "/api/v1/notifications?size=100").body();
        assertThat(api).contains("\"kind\":\"ENTRY_RETURNED\"", "\"link\":\"/entries/" + entry + "\"");
        assertThat(api(reviewer, "/api/v1/notifications?size=5").body()).doesNotContain("/entries/" + entry + "\"");
        // Out of their range, as every other query parameter: refused, not silently read as another.
        assertThat(api(staff, "/api/v1/notifications?size=101").body()).contains("\"code\":\"api.refused.parameter\"");
        assertThat(api(staff, "/api/v1/notifications?size=0").statusCode()).isEqualTo(400);
        assertThat(api(staff, "/api/v1/notifications?page=-1").statusCode()).isEqualTo(400);

        assertThat(sending.sendDue()).isEqualTo(1);
        MimeMessage mail = onlyMailTo("xa.yenphu@example.vn");
        assertThat(mail.getSubject()).startsWith("Theo dõi CĐS xã: Tiêu chí G1.C1 của ").contains("bị trả lại");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        String link = "http://tracker.example.vn/entries/" + entry;
        assertThat(text).contains("Thiếu <b>danh sách</b> & \"biên bản\"", link);
        assertThat(html).contains("Thiếu &lt;b&gt;danh sách&lt;/b&gt; &amp; &quot;biên bản&quot;", "href=\"" + link + "\"")
                .doesNotContain("<b>danh sách");
        assertThat(count(text, "http://")).isEqualTo(1);
        assertThat(count(html, "href=")).isEqualTo(1);

        // Marked read, by its reader only.
        long notice = jdbc.sql("""
                select n.id from notification n join user_account u on u.id = n.recipient_id
                where n.kind = 'ENTRY_RETURNED' and n.entry_id = ? and u.username = 'xa.yenphu'""")
                .param(entry).query(Long.class).single();
        assertThat(reviewer.post("/notifications/" + notice + "/read", "_csrf="
                + WebClient.csrfToken(reviewer.get("/notifications"))).statusCode()).isEqualTo(404);
        assertThat(reviewer.post("/notifications/" + notice + "/open", "_csrf="
                + WebClient.csrfToken(reviewer.get("/notifications"))).statusCode()).isEqualTo(404);
        HttpResponse<String> list = staff.get("/notifications");
        assertThat(list.body()).as("an unread notice opens through a form that marks it read")
                .contains("action=\"/notifications/" + notice + "/open\"");
        HttpResponse<String> opened = staff.post("/notifications/" + notice + "/open", "_csrf="
                + WebClient.csrfToken(list));
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/entries/" + entry));
        assertThat(jdbc.sql("select read_at is not null from notification where id = ?").param(notice)
                .query(Boolean.class).single()).isTrue();
        assertThat(staff.get("/notifications").body()).as("read, it is a plain link")
                .contains("href=\"/entries/" + entry + "\"").doesNotContain("/notifications/" + notice + "/open");
        HttpResponse<String> marked = staff.post("/notifications/" + notice + "/read", "_csrf="
                + WebClient.csrfToken(staff.get("/notifications")));
        assertThat(marked.statusCode()).as("marking it read again: no harm").isEqualTo(302);
        assertThat(marked.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/notifications?page=0"));
        assertThat(staff.get("/notifications?page=0").body())
                .as("said, in a status that takes the focus")
                .contains("role=\"status\" tabindex=\"-1\">Đã đánh dấu thông báo là đã đọc.");
        assertThat(staff.post("/notifications/read-all", "").statusCode()).as("no CSRF token").isEqualTo(403);
        staff.post("/notifications/read-all", "_csrf=" + WebClient.csrfToken(staff.get("/notifications")));
        assertThat(staff.get("/notifications").body()).doesNotContain("id=\"nav-unread\"");
    }

    @Test
    void reviewersGetOneDailyNoticeOfWhatWaitsAndDigestReadersOneMail() throws Exception {
        jdbc.sql("update user_account set email_preference = 'DAILY' where username = 'huyen.lacson'").update();
        submitted("G1.C1");
        submitted("G1.C2");

        assertThat(jobs.submissionsWaiting()).isPositive();
        assertThat(jobs.submissionsWaiting()).as("run twice, told once").isZero();
        assertThat(api(reviewer, "/api/v1/notifications?size=5").body()).contains("\"kind\":\"SUBMISSIONS_WAITING\"",
                "\"link\":\"/reviews\"");
        assertThat(jdbc.sql("""
                select count(*) from notification n join user_account u on u.id = n.recipient_id
                where u.username = 'xa.yenphu' and n.kind = 'SUBMISSIONS_WAITING' and n.dedupe_key is not null""")
                .query(Long.class).single()).as("staff review nothing").isZero();
        sending.sendDue();
        assertThat(smtp.getReceivedMessages()).as("a digest reader gets no e-mail per notice")
                .noneMatch(mail -> to(mail, "huyen.lacson@example.vn"));
        smtp.purgeEmailFromAllMailboxes();

        assertThat(jobs.gatherDigests()).isPositive();
        assertThat(jobs.gatherDigests()).as("one digest a day").isZero();
        sending.sendDue();
        MimeMessage digest = onlyMailTo("huyen.lacson@example.vn");
        assertThat(digest.getSubject()).contains("thông báo trong ngày");
        assertThat(part(digest, "text/plain")).contains("đang chờ duyệt", "http://tracker.example.vn/notifications");
        assertThat(part(digest, "text/html")).contains("href=\"http://tracker.example.vn/notifications\"");
    }

    @Test
    void theStaffAreRemindedAWeekBeforeTheDeadlineOnceAtAFixedClock() {
        LocalDate deadline = LocalDate.now(ProgressLedger.VIETNAM).plusDays(40);
        long closing = new EntryPages(frameworks, periods, transaction).newPeriod(2019, deadline);
        clock.set(deadline.minusDays(7).atTime(8, 0).atZone(ProgressLedger.VIETNAM).toInstant());

        assertThat(jobs.deadlineReminders()).isPositive();
        assertThat(jobs.deadlineReminders()).as("run twice, told once").isZero();
        String api = api(staff, "/api/v1/notifications?size=100").body();
        assertThat(api).contains("Còn 7 ngày đến hạn nộp",
                "\"link\":\"/communes/05305/periods/" + closing + "\"");

        WebClient phuTho = new WebClient(port).login("tinh.phutho", PASSWORD);
        int phuThoPassed = count(api(phuTho, "/api/v1/notifications?size=100").body(), "\"kind\":\"DEADLINE_PASSED\"");
        clock.set(deadline.plusDays(1).atTime(8, 0).atZone(ProgressLedger.VIETNAM).toInstant());
        assertThat(jobs.deadlinePassed()).isPositive();
        assertThat(jobs.deadlinePassed()).isZero();
        // The period's communes are its first day's (2019: Yên Phú of Hòa Bình), whatever the code's holder at the
        // deadline (since the 2025 reform, a commune of Phú Thọ), as the dashboards take them.
        WebClient province = new WebClient(port).login("tinh.hoabinh", PASSWORD);
        assertThat(api(province, "/api/v1/notifications?size=100").body()).contains("\"kind\":\"DEADLINE_PASSED\"",
                "đã quá hạn nộp");

        // Both reach the mailbox too, each once.
        while (sending.sendDue() > 0) {
            // every e-mail due, whatever the batch size
        }
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(mail -> to(mail, "xa.yenphu@example.vn"))
                .filter(mail -> text(mail).contains("Còn 7 ngày đến hạn nộp"))).hasSize(1);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(mail -> to(mail, "tinh.hoabinh@example.vn"))
                .filter(mail -> text(mail).contains("đã quá hạn nộp"))).hasSize(1);
        assertThat(count(api(phuTho, "/api/v1/notifications?size=100").body(), "\"kind\":\"DEADLINE_PASSED\""))
                .as("not the province that holds the code today").isEqualTo(phuThoPassed);

        // An administrator moves the deadline later: its reminders and its passing are told anew, each once.
        LocalDate moved = deadline.plusDays(20);
        jdbc.sql("update period set submission_deadline = ? where id = ?").params(moved, closing).update();
        clock.set(moved.minusDays(7).atTime(8, 0).atZone(ProgressLedger.VIETNAM).toInstant());
        assertThat(jobs.deadlineReminders()).as("the moved deadline's week ahead").isPositive();
        assertThat(jobs.deadlineReminders()).isZero();
        clock.set(moved.plusDays(1).atTime(8, 0).atZone(ProgressLedger.VIETNAM).toInstant());
        assertThat(jobs.deadlinePassed()).as("the moved deadline passed").isPositive();
        assertThat(jobs.deadlinePassed()).isZero();
    }

    private static String text(MimeMessage mail) {
        try {
            return part(mail, "text/plain");
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void expiringEvidenceACommentAndAReopenReachTheOtherSide() throws Exception {
        long entry = submitted("G2.C3");
        transaction.executeWithoutResult(status -> {
            events.publishEvent(new TrackerEvent.EvidenceExpiring(entry, 999_001L, LocalDate.of(2030, 1, 31)));
            events.publishEvent(new TrackerEvent.EvidenceExpiring(entry, 999_001L, LocalDate.of(2030, 1, 31)));
            events.publishEvent(new TrackerEvent.CommentPosted(entry, 1L, "huyen.lacson"));
            events.publishEvent(new TrackerEvent.CommentPosted(entry, 2L, "xa.yenphu"));
            events.publishEvent(new TrackerEvent.EntryReopened(entry, "Kiểm tra lại"));
        });
        String staffs = api(staff, "/api/v1/notifications?size=100").body();
        assertThat(staffs).contains("hết hiệu lực ngày 31/01/2030", "Phòng VH-TT huyện Lạc Sơn đã gửi trao đổi",
                "được mở lại: Kiểm tra lại").doesNotContain("UBND xã Yên Phú đã gửi trao đổi");
        assertThat(count(staffs, "hết hiệu lực ngày 31/01/2030")).as("each file's expiry told once").isEqualTo(1);
        assertThat(api(reviewer, "/api/v1/notifications?size=100").body()).contains("UBND xã Yên Phú đã gửi trao đổi")
                .doesNotContain("Phòng VH-TT huyện Lạc Sơn đã gửi trao đổi");

        // Rolled back with the change it tells of.
        long before = jdbc.sql("select count(*) from notification").query(Long.class).single();
        try {
            transaction.executeWithoutResult(status -> {
                events.publishEvent(new TrackerEvent.EntryReopened(entry, "Rolled back"));
                status.setRollbackOnly();
            });
        }
        catch (RuntimeException expected) {
            // the rollback itself
        }
        assertThat(jdbc.sql("select count(*) from notification").query(Long.class).single()).isEqualTo(before);
        assertThat(sending.sendDue()).as("three to the staff, one to the reviewer").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aFileAboutToExpireACommentAndAReopenMadeOnThePagesReachInboxAndMailbox() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
        long entry = EntryPages.saveFirst(staff, "05305", period, "G2.C3", "yesNo=yes");
        Map<String, String> fields = new HashMap<>(Map.of("documentNumber", "15/QĐ-UBND", "title", "Quyết định",
                "issuingBody", "UBND xã Yên Phú", "documentDate", today.minusYears(1).toString(),
                "validUntil", today.plusDays(10).toString()));
        fields.put("_csrf", WebClient.csrfToken(staff.get("/entries/" + entry)));
        assertThat(staff.postMultipart("/entries/" + entry + "/evidence", fields, "quyet-dinh.pdf",
                SampleFiles.pdf(1)).statusCode()).isEqualTo(302);
        EntryPages.submit(staff, entry);

        post(reviewer, entry, "comments", "body=" + encode("Quyết định còn hiệu lực bao lâu?"));
        post(staff, entry, "comments", "body=" + encode("Đến cuối tháng, xã sẽ bổ sung bản mới."));
        post(reviewer, entry, "approve", "version=" + version(reviewer, entry));
        post(reviewer, entry, "reopen", "version=" + version(reviewer, entry) + "&reason="
                + encode("Cần quyết định mới"));
        assertThat(expiry.warnExpiring()).isPositive();
        assertThat(expiry.warnExpiring()).as("each file warned of once").isZero();

        String validUntil = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(today.plusDays(10));
        assertThat(api(staff, "/api/v1/notifications?size=100").body()).contains("hết hiệu lực ngày " + validUntil,
                "Phòng VH-TT huyện Lạc Sơn đã gửi trao đổi", "được mở lại: Cần quyết định mới")
                .doesNotContain("UBND xã Yên Phú đã gửi trao đổi");
        assertThat(api(reviewer, "/api/v1/notifications?size=100").body()).contains("UBND xã Yên Phú đã gửi trao đổi");

        while (sending.sendDue() > 0) {
            // every e-mail due, whatever the batch size
        }
        List<MimeMessage> toStaff = Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> to(mail, "xa.yenphu@example.vn")).toList();
        assertThat(toStaff).as("the reviewer's comment, the reopen, the file").hasSize(3);
        for (MimeMessage mail : toStaff) {
            assertThat(part(mail, "text/plain")).contains("http://tracker.example.vn/entries/" + entry);
        }
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(mail -> to(mail, "huyen.lacson@example.vn")))
                .as("the commune's comment").hasSize(1);
    }

    @Test
    void aMailServerThatRefusesThenAcceptsLosesNothingAndSendsNothingTwice() throws Exception {
        long entry = submitted("G1.C2");
        smtp.stop();
        try {
            assertThat(post(reviewer, entry, "return", "version=" + version(reviewer, entry) + "&reason="
                    + encode("Thiếu")).statusCode()).isEqualTo(302);
            long outbox = jdbc.sql("""
                    select o.id from mail_outbox o join notification n on n.id = o.notification_id
                    where n.entry_id = ? and n.kind = 'ENTRY_RETURNED'""").param(entry).query(Long.class).single();

            assertThat(sending.sendDue()).isZero();
            assertThat(sending.sendDue()).as("not due again before its back-off").isZero();
            assertThat(jdbc.sql("select count(*) from mail_attempt where outbox_id = ? and outcome = 'FAILED'")
                    .param(outbox).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select status from mail_outbox where id = ?").param(outbox).query(String.class)
                    .single()).isEqualTo("PENDING");
        }
        finally {
            smtp = startSmtp();
        }
        clock.set(clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(sending.sendDue()).isEqualTo(1);
        assertThat(sending.sendDue()).isZero();
        MimeMessage mail = onlyMailTo("xa.yenphu@example.vn");
        assertThat(mail.getMessageID()).matches("<outbox-\\d+@tracker\\.example\\.vn>");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, "xa.yenphu@example.vn"))).hasSize(1);
    }

    @Test
    void mailsSentOrGivenUpPastTheRetentionGoWithTheirAttemptsAndTheirDigestIsNotGatheredAgain() {
        Instant now = clock.instant();
        long reader = jdbc.sql("select id from user_account where username = 'huyen.lacson'").query(Long.class)
                .single();
        long notice = jdbc.sql("""
                insert into notification (recipient_id, kind, created_at, awaiting_digest)
                values (?, 'SUBMISSIONS_WAITING', ?, true) returning id""")
                .param(reader).param(Timestamp.from(now.minus(Duration.ofDays(100)))).query(Long.class).single();
        long oldDigest = outboxRow(reader, "DIGEST", null, "SENT", now.minus(Duration.ofDays(100)));
        jdbc.sql("update notification set digest_id = ? where id = ?").param(oldDigest).param(notice).update();
        long oldFailure = outboxRow(reader, "IMMEDIATE", notice, "FAILED", now.minus(Duration.ofDays(91)));
        jdbc.sql("insert into mail_attempt (outbox_id, attempted_at, outcome, error) values (?, ?, 'FAILED', 'x')")
                .param(oldFailure).param(Timestamp.from(now.minus(Duration.ofDays(91)))).update();
        long oldButNotSent = outboxRow(reader, "IMMEDIATE", notice, "PENDING", now.minus(Duration.ofDays(200)));
        long recent = outboxRow(reader, "IMMEDIATE", notice, "SENT", now.minus(Duration.ofDays(89)));

        assertThat(sending.purgeFinished()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.sql("select id from mail_outbox where id in (?, ?, ?, ?)").param(oldDigest)
                .param(oldFailure).param(oldButNotSent).param(recent).query(Long.class).list())
                .containsExactlyInAnyOrder(oldButNotSent, recent);
        assertThat(jdbc.sql("select count(*) from mail_attempt where outbox_id = ?").param(oldFailure)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from notification where id = ? and awaiting_digest and digest_id is null")
                .param(notice).query(Integer.class).single()).as("the next digest would send it again").isZero();
        assertThat(jdbc.sql("select count(*) from notification where id = ?").param(notice).query(Integer.class)
                .single()).as("the notice stays in the inbox").isEqualTo(1);
        jdbc.sql("update mail_outbox set status = 'FAILED' where id = ?").param(oldButNotSent).update();
    }

    private long outboxRow(long recipient, String kind, Long notice, String status, Instant created) {
        return jdbc.sql("""
                insert into mail_outbox (recipient_id, kind, notification_id, created_at, status, next_attempt_at)
                values (?, ?, ?, ?, ?, ?) returning id""").param(recipient).param(kind).param(notice)
                .param(Timestamp.from(created)).param(status).param(Timestamp.from(created)).query(Long.class)
                .single();
    }

    @Test
    void aKeptScorecardNeverShowsAStaleUnreadCount() {
        staff.post("/notifications/read-all", "_csrf=" + WebClient.csrfToken(staff.get("/notifications")));
        String scorecard = "/communes/05305/periods/" + period;
        assertThat(staff.get(scorecard).body()).doesNotContain("id=\"nav-unread\"");
        assertThat(staff.get(scorecard).body()).as("kept").doesNotContain("id=\"nav-unread\"");

        // A job's notice moves no revision: the kept page's key, the unread count, does.
        long staffId = jdbc.sql("select id from user_account where username = 'xa.yenphu'").query(Long.class).single();
        long before = revision.current();
        transaction.executeWithoutResult(status -> {
            revision.excludeCurrentTransaction();
            inbox.notify(List.of(staffId), new Notice(NotificationKind.SUBMISSIONS_WAITING, null, null, null,
                    Map.of("count", "1", "oldest", "2026-01-01"), null));
        });
        assertThat(revision.current()).isEqualTo(before);
        assertThat(staff.get(scorecard).body()).contains("id=\"nav-unread\"", "1 thông báo chưa đọc");

        staff.post("/notifications/read-all", "_csrf=" + WebClient.csrfToken(staff.get("/notifications")));
        assertThat(staff.get(scorecard).body()).doesNotContain("id=\"nav-unread\"");
    }

    /** An empty inbox told a province's manager of returned entries, which only a commune's staff are told of. */
    @Test
    void anEmptyInboxSaysWhatWillArriveForItsReadersRole() {
        String staff = account(Role.COMMUNE_STAFF, "05305");
        String manager = account(Role.PROVINCE_MANAGER, "25");
        String viewer = account(Role.VIEWER, "25");

        assertThat(inboxPage(staff)).contains("Khi tiêu chí bị trả lại, có trao đổi mới");
        assertThat(inboxPage(manager)).contains("Tiêu chí đang chờ duyệt luôn có ở trang Duyệt; mỗi ngày một lần")
                .doesNotContain("bị trả lại");
        assertThat(inboxPage(viewer)).contains(">Chưa có thông báo nào.<");
    }

    private String account(Role role, String unitCode) {
        String username = TestAccounts.uniqueUsername("inbox");
        accounts.save(new UserAccount(username, "Test " + username, passwordEncoder.encode(PASSWORD), role, unitCode,
                Instant.now()));
        return username;
    }

    private String inboxPage(String username) {
        String page = new WebClient(port).login(username, PASSWORD).get("/notifications").body();
        int start = page.indexOf("id=\"notifications-empty\"");
        assertThat(start).as(username + "'s empty inbox").isPositive();
        return page.substring(start, page.indexOf("</p>", start) + 4);
    }

    @Test
    void manyNoticesAndManyJobRunsArePagedAndRenderedWhole() {
        long staffId = jdbc.sql("select id from user_account where username = 'xa.annghia'").query(Long.class)
                .single();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 260; i++) {
                inbox.notify(List.of(staffId), new Notice(NotificationKind.SUBMISSIONS_WAITING, null, null, null,
                        Map.of("count", Integer.toString(i), "oldest", "2026-01-01"), null));
            }
        });
        WebClient annghia = new WebClient(port).login("xa.annghia", PASSWORD);
        String first = annghia.get("/notifications").body();
        assertThat(first).contains("class=\"pagination\"", "</html>");
        assertThat(count(first, "id=\"notice-")).isEqualTo(25);
        String last = annghia.get("/notifications?page=1000").body();
        assertThat(last).as("past the last page, the last").contains("</html>").containsPattern("Trang (\\d+)/\\1<");
        assertThat(count(last, "id=\"notice-")).isBetween(1, 25);
        assertThat(api(annghia, "/api/v1/notifications?size=100").body()).contains("\"size\":100");
        assertThat(api(annghia, "/api/v1/notifications?size=100000").statusCode()).as("past the bound").isEqualTo(400);
        assertThat(api(annghia, "/api/v1/notifications?page=1000").body())
                .as("the API past the end: empty, for scripts that read until a page is empty")
                .contains("\"page\":1000", "\"notifications\":[]");

        jdbc.sql("""
                insert into job_run (job_name, instance, started_at, finished_at, outcome)
                select 'bulk-job-' || (g % 7), 'it', now() - g * interval '1 minute', now(), 'OK'
                from generate_series(1, 600) g""").update();
        sending.sendDue();
        WebClient admin = new WebClient(port).login("admin", PASSWORD);
        String jobsPage = admin.get("/admin/scheduled-jobs").body();
        assertThat(jobsPage).contains("id=\"job-mail-sender\"", "Gửi thư thông báo", "id=\"job-evidence-sweep\"",
                "id=\"job-bulk-job-3\"", "class=\"pagination\"", "</html>");
        assertThat(count(jobsPage, "id=\"run-")).isEqualTo(50);
        assertThat(admin.get("/admin/scheduled-jobs?page=12").body()).contains("</html>");

        // One job's runs, which the sender's every half minute would otherwise bury: 86 of the 600 are bulk-job-3's.
        String oneJob = admin.get("/admin/scheduled-jobs?job=bulk-job-3").body();
        assertThat(count(oneJob, "id=\"run-")).isEqualTo(50);
        assertThat(count(oneJob, "<td>bulk-job-3</td>")).isEqualTo(50);
        assertThat(oneJob).contains("<option value=\"bulk-job-3\" selected=\"selected\">",
                "href=\"/admin/scheduled-jobs?job=bulk-job-3&amp;page=1\"", "Trang 1/2");
        assertThat(count(admin.get("/admin/scheduled-jobs?job=bulk-job-3&page=1").body(), "<td>bulk-job-3</td>"))
                .isEqualTo(36);
        String pastTheLast = admin.get("/admin/scheduled-jobs?job=bulk-job-3&page=40").body();
        assertThat(count(pastTheLast, "<td>bulk-job-3</td>")).as("past the last page, the last").isEqualTo(36);
        assertThat(pastTheLast).contains("Trang 2/2");
        assertThat(admin.get("/admin/scheduled-jobs?job=no-such-job").body())
                .contains("href=\"/admin/scheduled-jobs?page=1\"").doesNotContain("Các lần chạy:");
        assertThat(staff.get("/admin/scheduled-jobs").statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> api(WebClient client, String path) {
        return client.get(path, "application/json");
    }

    private long submitted(String criterion) {
        long entry = criterion.equals("G1.C1") ? EntryPages.savePercentFirst(staff, "05305", period, criterion, 18, 20)
                : criterion.equals("G1.C2") ? EntryPages.saveFirst(staff, "05305", period, criterion, "level=2")
                : EntryPages.saveFirst(staff, "05305", period, criterion, "yesNo=yes");
        EntryPages.submit(staff, entry);
        return entry;
    }

    private MimeMessage onlyMailTo(String address) throws Exception {
        smtp.waitForIncomingEmail(TestWait.part(10).toMillis(), 1);
        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).filter(mail -> to(mail, address)).toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static boolean to(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The decoded text of the message's first part of that type, wherever it sits in the multipart tree. */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** A clock the test moves; the zone is the system's, as the application's own clock's is. */
    static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            SettableClock parent = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return parent.withZone(other);
                }

                @Override
                public Instant instant() {
                    return parent.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
