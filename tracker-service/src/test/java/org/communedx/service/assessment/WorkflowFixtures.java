package org.communedx.service.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.CriterionGroup;
import org.communedx.model.framework.Framework;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitLevel;
import org.communedx.model.unit.UnitType;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccount;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.testsupport.TestWait;

import org.awaitility.Awaitility;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Committed units, accounts and a framework of their own, in provinces 96 and 97 that no other test uses, so
 * that tests with several transactions can share them. Province 96 has district 961 (communes 96101, 96102) and
 * commune 96201 directly under the province; province 97 has commune 97001. The framework's criteria need no
 * evidence, so entries can be submitted before evidence upload exists. Tests that commit call {@link #remove()}
 * afterwards.
 */
@Component
public class WorkflowFixtures {

    private static final AtomicInteger PERIODS = new AtomicInteger();

    private final AdministrativeUnitRepository units;

    private final UserAccountRepository accounts;

    private final FrameworkRepository frameworks;

    private final PeriodRepository periods;

    private final TransactionTemplate transaction;

    private final JdbcTemplate jdbc;

    WorkflowFixtures(AdministrativeUnitRepository units, UserAccountRepository accounts, FrameworkRepository frameworks,
            PeriodRepository periods, TransactionTemplate transaction, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.units = units;
        this.accounts = accounts;
        this.frameworks = frameworks;
        this.periods = periods;
        this.transaction = transaction;
    }

    public synchronized void ensure() {
        transaction.executeWithoutResult(status -> {
            if (!units.findAllByCode("96").isEmpty()) {
                return;
            }
            AdministrativeUnit p96 = units.save(AdministrativeUnit.province("96", "Tỉnh Thử", UnitType.TINH, null));
            AdministrativeUnit d961 = units.save(AdministrativeUnit.within(p96, UnitLevel.DISTRICT, "961", "Huyện Thử",
                    UnitType.HUYEN, null));
            units.save(AdministrativeUnit.within(d961, UnitLevel.COMMUNE, "96101", "Xã Một", UnitType.XA, null));
            units.save(AdministrativeUnit.within(d961, UnitLevel.COMMUNE, "96102", "Xã Hai", UnitType.XA, null));
            units.save(AdministrativeUnit.within(p96, UnitLevel.COMMUNE, "96201", "Xã Ba", UnitType.XA, null));
            AdministrativeUnit p97 = units.save(AdministrativeUnit.province("97", "Tỉnh Khác", UnitType.TINH, null));
            units.save(AdministrativeUnit.within(p97, UnitLevel.COMMUNE, "97001", "Xã Xa", UnitType.XA, null));
            account("t.xa96101", Role.COMMUNE_STAFF, "96101");
            account("t.xa96102", Role.COMMUNE_STAFF, "96102");
            account("t.xa96201", Role.COMMUNE_STAFF, "96201");
            account("t.huyen961", Role.DISTRICT_OFFICIAL, "961");
            account("t.huyen961b", Role.DISTRICT_OFFICIAL, "961");
            account("t.tinh96", Role.PROVINCE_MANAGER, "96");
            account("t.so96", Role.DISTRICT_OFFICIAL, "96");
            account("t.tinh97", Role.PROVINCE_MANAGER, "97");
            Framework framework = Framework.draft("TEST-WF", "1.0", new LocalizedText("Thử", "Test"));
            CriterionGroup group = framework.addGroup("G1", new LocalizedText("Nhóm", "Group"));
            group.addCriterion(criterion("G1.C1", MeasurementType.LEVEL, 2));
            group.addCriterion(criterion("G1.C2", MeasurementType.PERCENT, 80));
            framework.publish(Instant.parse("2024-01-01T00:00:00Z"));
            frameworks.save(framework);
        });
    }

    /**
     * Deletes what {@link #ensure()} and the tests made (audit rows stay: nothing can delete them), so that tests
     * that count units or provinces in the shared database see none of it.
     */
    public void remove() {
        transaction.executeWithoutResult(status -> {
            String periods = "select p.id from period p join framework f on f.id = p.framework_id where f.code = 'TEST-WF'";
            jdbc.update("delete from assessment where period_id in (" + periods + ")");
            jdbc.update("delete from plan where scope_unit_id in (select id from administrative_unit"
                    + " where code in ('96', '961', '97'))");
            jdbc.update("delete from period where id in (" + periods + ")");
            jdbc.update("delete from framework where code = 'TEST-WF'");
            jdbc.update("delete from user_account where username in ('t.xa96101', 't.xa96102', 't.xa96201',"
                    + " 't.huyen961', 't.huyen961b', 't.tinh96', 't.so96', 't.tinh97')");
            jdbc.update("delete from administrative_unit where code in ('96101', '96102', '96201', '97001')");
            jdbc.update("delete from administrative_unit where code = '961'");
            jdbc.update("delete from administrative_unit where code in ('96', '97')");
        });
    }

    /**
     * A period of its own for one test, so that its assessments start NOT_STARTED: 2024, its deadline extended to a
     * year from today, as an administrator would, so that commune staff may still write in it.
     */
    public long newPeriod() {
        return newPeriod(LocalDate.now().plusYears(1));
    }

    /** The same with the given deadline: one already passed closes it to commune staff. */
    public long newPeriod(LocalDate deadline) {
        return transaction.execute(status -> periods.save(new Period(new PeriodTerms(
                "Thử " + PERIODS.incrementAndGet() + " " + System.nanoTime(), 2024, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), deadline),
                frameworks.findByCodeAndVersion("TEST-WF", "1.0").orElseThrow())).getId());
    }

    /** Moves the period's deadline, as an administrator does on its edit page. */
    public void setDeadline(long periodId, LocalDate deadline) {
        jdbc.update("update period set submission_deadline = ? where id = ?", deadline, periodId);
    }

    /** A period of its own over the given days, e.g. one that contains today, for trends and plan forecasts. */
    public long newPeriod(LocalDate start, LocalDate end) {
        return transaction.execute(status -> periods.save(new Period(new PeriodTerms(
                "Thử " + PERIODS.incrementAndGet() + " " + System.nanoTime(), start.getYear(), start, end, end),
                frameworks.findByCodeAndVersion("TEST-WF", "1.0").orElseThrow())).getId());
    }

    /** A second published version of the test framework, with one criterion, for a period to change to. */
    public long otherFramework() {
        return transaction.execute(status -> frameworks.findByCodeAndVersion("TEST-WF", "2.0").orElseGet(() -> {
            Framework framework = Framework.draft("TEST-WF", "2.0", new LocalizedText("Thử 2", "Test 2"));
            framework.addGroup("G1", new LocalizedText("Nhóm", "Group"))
                    .addCriterion(criterion("G1.C1", MeasurementType.LEVEL, 2));
            framework.publish(Instant.parse("2024-01-01T00:00:00Z"));
            return frameworks.save(framework);
        }).getId());
    }

    /**
     * {@code first} in a transaction kept open while {@code second} runs on another thread as the given user, until
     * that finishes or waits on a lock; {@code meanwhile} checks it then, before the first commits. Answers the
     * second, which completes once the first has committed.
     */
    public <T> CompletableFuture<T> concurrently(Runnable first, String username, Role role, Supplier<T> second,
            Consumer<CompletableFuture<T>> meanwhile) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return transaction.execute(status -> {
                first.run();
                CompletableFuture<T> concurrent = CompletableFuture.supplyAsync(() -> {
                    loginAs(username, role);
                    try {
                        return second.get();
                    }
                    finally {
                        SecurityContextHolder.clearContext();
                    }
                }, thread);
                Awaitility.await().atMost(TestWait.part(10)).until(() -> concurrent.isDone() || waitingOnALock());
                meanwhile.accept(concurrent);
                return concurrent;
            });
        }
        finally {
            thread.shutdown();
        }
    }

    /** Whether another session of this test's database waits for a lock: the other transaction of a test. */
    private boolean waitingOnALock() {
        return jdbc.queryForObject("""
                select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
                    and pid <> pg_backend_pid()""", Long.class) > 0;
    }

    public static void loginAs(String username, Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(username, null, "ROLE_" + role.name()));
    }

    private void account(String username, Role role, String unit) {
        accounts.save(new UserAccount(username, username, "{noop}x", role, unit, Instant.EPOCH));
    }

    private static CriterionDefinition criterion(String code, MeasurementType type, int target) {
        return new CriterionDefinition(code, new LocalizedText(code, code), null, type, BigDecimal.valueOf(target),
                Comparison.AT_LEAST, null, BigDecimal.ONE, null, false);
    }
}
