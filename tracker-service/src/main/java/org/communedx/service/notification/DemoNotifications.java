package org.communedx.service.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.DemoData;
import org.communedx.service.assessment.ProgressLedger;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo accounts (whose addresses at example.vn InitialAccounts sets) a few notices waiting, only while
 * nobody has any, made through {@link NotificationInbox} as real ones are: the commune's staff are reminded of the current
 * period's deadline and the province hears of a period that closed with entries missing. What waits for review is
 * {@link NotificationJobs#submissionsWaiting}'s to tell, counted as the review queue counts it. Demo data only; after
 * the demo accounts, units and periods.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoNotifications implements ApplicationRunner {

    private final DemoData demoData;

    private final UserAccountRepository accounts;

    private final NotificationInbox inbox;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final NotificationJobs jobs;

    DemoNotifications(DemoData demoData, UserAccountRepository accounts, NotificationInbox inbox, JdbcClient jdbc,
            Clock clock, NotificationJobs jobs) {
        this.demoData = demoData;
        this.accounts = accounts;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.jobs = jobs;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.enabled()) {
            return;
        }
        if (jdbc.sql("select count(*) > 0 from notification").query(Boolean.class).single()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ProgressLedger.VIETNAM));
        record Open(long id, String name, LocalDate deadline) {
        }
        Optional<Open> open = jdbc.sql("""
                select id, name, submission_deadline from period where submission_deadline >= ?
                order by submission_deadline limit 1""").param(today)
                .query((rs, row) -> new Open(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("submission_deadline", LocalDate.class))).optional();
        Optional<Long> yenPhu = jdbc.sql("select id from administrative_unit where code = '05305' order by valid_to desc nulls first limit 1").query(Long.class)
                .optional();
        if (open.isPresent() && yenPhu.isPresent()) {
            Open period = open.get();
            notify("xa.yenphu", new Notice(NotificationKind.DEADLINE_AHEAD, null, yenPhu.get(), period.id(),
                    Map.of("days", Long.toString(ChronoUnit.DAYS.between(today, period.deadline())),
                            "deadline", period.deadline().toString(), "period", period.name()), null));
        }
        Optional<Long> hoaBinh = jdbc.sql("select id from administrative_unit where code = '17' order by valid_to desc nulls first limit 1").query(Long.class)
                .optional();
        Optional<Open> closed = jdbc.sql("""
                select id, name, submission_deadline from period where submission_deadline < ?
                order by submission_deadline desc limit 1""").param(today)
                .query((rs, row) -> new Open(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("submission_deadline", LocalDate.class))).optional();
        if (hoaBinh.isPresent() && closed.isPresent()) {
            // What the daily job would have said the morning after the deadline, counted as it counts.
            LocalDate deadline = closed.get().deadline();
            jobs.missing(deadline, deadline).stream()
                    .filter(m -> m.provinceId() == hoaBinh.get() && m.periodId() == closed.get().id()).findFirst()
                    .ifPresent(missing -> notify("tinh.hoabinh", missing.notice()));
        }
    }

    private void notify(String username, Notice notice) {
        accounts.findByUsername(username).map(UserAccount::getId)
                .ifPresent(id -> inbox.notify(List.of(id), notice));
    }
}
