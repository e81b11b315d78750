package org.communedx.service.period;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.communedx.model.RuleViolation;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.TermsRefused;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.WorkflowFixtures;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.audit.AuditLog.AuditEvent;
import org.communedx.service.notification.Notice;
import org.communedx.service.notification.NotificationInbox;
import org.communedx.service.notification.NotificationKind;
import org.communedx.service.period.PlanningViews.PeriodDraft;
import org.communedx.service.period.PlanningViews.PeriodView;
import org.communedx.service.period.PlanningViews.PlanDraft;
import org.communedx.service.period.PlanningViews.PlanView;
import org.communedx.service.scope.OutOfScopeException;
import org.communedx.service.testsupport.TestWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.persistence.EntityManager;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

@SpringBootTest(classes = ServiceTestApplication.class)
@Transactional
class PlanningServiceTests {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Autowired
    PeriodService periods;

    @Autowired
    PlanService plans;

    @Autowired
    WorkflowFixtures fixtures;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    AuditLog audit;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    EntityManager entities;

    @Autowired
    NotificationInbox inbox;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void units() {
        fixtures.ensure();
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void provinceManagerPlansForCommunesOfTheirScope() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        long id = plans.create(draft("961", List.of("96101", "96102"), List.of("96102"), 2));

        PlanView plan = plans.get(id).view();
        assertThat(plan.participantCodes()).containsExactly("96101", "96102");
        assertThat(plan.pilotCodes()).containsExactly("96102");
        assertThat(plans.list()).extracting(PlanView::id).contains(id);
        assertThat(audit.history(PlanService.AUDIT_TYPE, id)).singleElement()
                .satisfies(event -> assertThat(event.actor()).isEqualTo("t.tinh96"));

        plans.edit(id, plans.get(id).version(), draft("961", List.of("96101", "96102"), List.of(), 1));
        assertThat(plans.get(id).view().targetCommunes()).isEqualTo(1);
        assertThat(audit.history(PlanService.AUDIT_TYPE, id)).extracting(AuditEvent::action)
                .containsExactly("CREATE", "EDIT");

        loginAs("t.tinh97", Role.PROVINCE_MANAGER);
        assertThat(plans.list()).extracting(PlanView::id).doesNotContain(id);
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> plans.get(id));
    }

    @Test
    void planRefusesCommunesOutsideTheScopeOrTheUnit() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        assertThatExceptionOfType(RuleViolation.class)
                .isThrownBy(() -> plans.create(draft("961", List.of("96101", "97001"), List.of(), 1)))
                .satisfies(refused -> assertThat(refused.messageKey()).isEqualTo("plan.invalid.unitOutOfReach"))
                .satisfies(refused -> assertThat(refused.arguments()).as("names the code to correct")
                        .containsExactly("97001"));
        assertRefused(() -> plans.create(draft("97", List.of("97001"), List.of(), 1)), "plan.invalid.unitOutOfReach");
        assertRefused(() -> plans.create(draft("961", List.of("96101", "96201"), List.of(), 1)),
                "plan.invalid.notUnderScopeUnit");
        assertRefused(() -> plans.create(draft("961", List.of("96101"), List.of("96102"), 1)),
                "plan.invalid.pilotNotParticipant");
        assertRefused(() -> plans.create(draft("961", List.of("96101"), List.of(), 2)), "plan.invalid.targetCommunes");
    }

    /**
     * Two plans of one name saved at one moment under one unit (two administrators, or a form sent twice without
     * JavaScript): the second waits for the first and is refused, as it is when sent after it. Both had been saved.
     */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aNameSavedTwiceAtOnceMakesOnePlan() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        String name = "Kế hoạch cùng lúc " + System.nanoTime();
        PlanDraft draft = new PlanDraft(name, "961", List.of("96101"), List.of(), 30, 1, START, START.plusYears(2));
        try {
            CompletableFuture<Long> second = fixtures.concurrently(() -> plans.create(draft), "t.tinh96",
                    Role.PROVINCE_MANAGER, () -> plans.create(draft),
                    meanwhile -> assertThat(meanwhile).as("waits for the first to commit").isNotDone());

            assertThat(second).failsWithin(TestWait.part(10)).withThrowableThat().havingRootCause()
                    .isInstanceOfSatisfying(TermsRefused.class, refused -> assertThat(refused.problems())
                            .extracting(RuleViolation::messageKey).contains("plan.invalid.nameTaken"));
            assertThat(plans.list()).filteredOn(plan -> plan.name().equals(name)).hasSize(1);
        }
        finally {
            // Committed: the fixture goes with its plans, and the next test makes it again.
            fixtures.remove();
        }
    }

    /**
     * A deadline moved withdraws what the commune had not yet read of the old one: "Còn 60 ngày" to a deadline since
     * brought forward to this week had stayed on its list. What was read stays, and so does a reminder already of the
     * new deadline.
     */
    @Test
    void aMovedDeadlineWithdrawsTheUnreadRemindersOfTheOldOne() {
        long period = fixtures.newPeriod();
        PeriodView view = periods.get(period).view();
        LocalDate old = view.submissionDeadline();
        LocalDate moved = old.minusDays(30);
        long staff = accounts.findByUsername("t.xa96101").orElseThrow().getId();
        long unit = units.findAllByCode("96101").get(0).getId();
        for (String deadline : List.of(old.toString(), old.toString(), moved.toString())) {
            inbox.notify(List.of(staff), new Notice(NotificationKind.DEADLINE_AHEAD, null, unit, period,
                    Map.of("deadline", deadline, "days", "60", "period", view.name()), null));
        }
        jdbc.update("update notification set read_at = now() where id = (select min(id) from notification"
                + " where period_id = ?)", period);

        loginAs("admin", Role.ADMIN);
        periods.edit(period, periods.get(period).version(), new PeriodDraft(view.name(), view.year(),
                view.startDate(), view.endDate(), moved, view.graceDays(), view.frameworkId()));

        assertThat(jdbc.queryForList("select parameters::jsonb ->> 'deadline' || ':' || (read_at is not null)"
                + " from notification where period_id = ? order by id", String.class, period))
                .containsExactly(old + ":true", moved + ":false");
    }

    /** Every problem at once, so that a form is not sent again for each: codes, pilots and terms alike. */
    @Test
    void planListsEveryProblemAtOnce() {
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        PlanDraft broken = new PlanDraft("Kế hoạch thử", "961", List.of("96101", "97001", "96201"),
                List.of("96102"), 30, 9, START, START.minusDays(1));

        assertThatExceptionOfType(TermsRefused.class).isThrownBy(() -> plans.create(broken))
                .satisfies(refused -> assertThat(refused.problems()).extracting(RuleViolation::messageKey)
                        .containsExactly("plan.invalid.unitOutOfReach", "plan.invalid.notUnderScopeUnit",
                                "plan.invalid.pilotNotParticipant",
                                "plan.invalid.targetCommunes", "plan.invalid.datesOrder"));
    }

    /**
     * A plan is scored on the period holding its deadline: a commune that ceased before that period began has no
     * result there, and would count as 0 until the deadline (a district's plan carried past the 2025 reform).
     */
    @Test
    void planRefusesUnitsThatCeasedBeforeThePeriodItIsScoredOn() {
        units.findByCodeValidOn("96101", START).orElseThrow().close(LocalDate.of(2031, 6, 30));
        loginAs("admin", Role.ADMIN);
        periods.create(new PeriodDraft("Kỳ thử 2032", 2032, LocalDate.of(2032, 1, 1), LocalDate.of(2032, 12, 31),
                LocalDate.of(2032, 12, 15), 0, frameworkId()));
        entities.flush();
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        PlanDraft pastItsEnd = new PlanDraft("Kế hoạch thử", "961", List.of("96101", "96102"), List.of(), 30, 1,
                START, LocalDate.of(2032, 12, 31));

        assertThatExceptionOfType(TermsRefused.class).isThrownBy(() -> plans.create(pastItsEnd))
                .satisfies(refused -> assertThat(refused.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.messageKey()).isEqualTo("plan.invalid.goneByScoringPeriod");
                    assertThat(problem.arguments()).startsWith("96101").contains(LocalDate.of(2031, 6, 30),
                            "Kỳ thử 2032", LocalDate.of(2032, 1, 1));
                }));
        long id = plans.create(new PlanDraft("Kế hoạch thử", "961", List.of("96101", "96102"), List.of(), 30, 1,
                START, LocalDate.of(2031, 5, 31)));
        assertThat(plans.get(id).view().participantCodes()).containsExactly("96101", "96102");
    }

    @Test
    void onlyManagersAndAdministratorsPlan() {
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> plans.create(draft("961", List.of("96101"), List.of(), 1)));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> periods.create(period("Kỳ bị từ chối")));
    }

    /** A period binds every province: its manager plans within it but does not set it. */
    @Test
    void onlyAdministratorsAddAndEditPeriods() {
        loginAs("admin", Role.ADMIN);
        long id = periods.create(period("Kỳ của cả nước"));
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> periods.create(period("Kỳ của tỉnh")));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> periods.edit(id, 0L, period("Kỳ đã đổi")));
        assertThat(periods.get(id).view().name()).isEqualTo("Kỳ của cả nước");
    }

    @Test
    void periodIsCreatedEditedAndAudited() {
        loginAs("admin", Role.ADMIN);
        long id = periods.create(period("Kỳ thử 2030"));
        assertThat(periods.get(id).view().frameworkLabel()).isEqualTo("TEST-WF 1.0");
        assertRefused(() -> periods.create(period("Kỳ thử 2030")), "period.invalid.nameTaken");

        PeriodDraft later = new PeriodDraft("Kỳ thử 2024", 2024, START, START.plusYears(1), START.plusMonths(11),
                14, frameworkId());
        periods.edit(id, periods.get(id).version(), later);
        long version = periods.get(id).version();
        assertRefused(() -> periods.edit(id, version, new PeriodDraft("Kỳ thử 2024", 2024, START, START.minusDays(1),
                START, 0, frameworkId())), "period.invalid.datesOrder");
        assertRefused(() -> periods.edit(id, version, new PeriodDraft("Kỳ thử 2024", 2024, START, START.plusYears(1),
                START.plusMonths(11), 91, frameworkId())), "period.invalid.graceDays");
        assertThat(periods.get(id).view().endDate()).isEqualTo(START.plusYears(1));
        assertThat(periods.get(id).view().graceDays()).as("the grace, edited with the deadline").isEqualTo(14);
        assertThat(periods.get(id).view().closesAfter()).isEqualTo(START.plusMonths(11).plusDays(14));
        assertThat(audit.history(PeriodService.AUDIT_TYPE, id)).extracting(AuditEvent::action)
                .containsExactly("CREATE", "EDIT");
        assertThat(periods.frameworkChoices(null)).extracting(PlanningViews.FrameworkChoice::label)
                .contains("TEST-WF 1.0", "DX-XA 1.0");
    }

    /** A save from a form opened before another save is refused whole: it would undo that save without a word. */
    @Test
    void aSaveFromAStaleFormChangesNothing() {
        loginAs("admin", Role.ADMIN);
        long period = periods.create(period("Kỳ thử 2033"));
        long opened = periods.get(period).version();
        periods.edit(period, opened, new PeriodDraft("Kỳ thử 2033", 2024, START, START.plusYears(1).minusDays(1),
                START.plusMonths(11), 30, frameworkId()));

        assertRefused(() -> periods.edit(period, opened, period("Kỳ thử 2033")), "period.invalid.changedMeanwhile");
        assertThat(periods.get(period).view().graceDays()).as("the first save's grace").isEqualTo(30);

        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        long plan = plans.create(draft("961", List.of("96101", "96102"), List.of(), 2));
        long planOpened = plans.get(plan).version();
        plans.edit(plan, planOpened, draft("961", List.of("96101", "96102"), List.of(), 1));

        assertRefused(() -> plans.edit(plan, planOpened, draft("961", List.of("96101", "96102"), List.of(), 2)),
                "plan.invalid.changedMeanwhile");
        assertThat(plans.get(plan).view().targetCommunes()).isEqualTo(1);
        assertThat(audit.history(PlanService.AUDIT_TYPE, plan)).extracting(AuditEvent::action)
                .containsExactly("CREATE", "EDIT");
    }

    /** Retiring a version leaves its periods editable: the edit form offers the version the period has. */
    @Test
    void aPeriodWhoseVersionWasRetiredStaysEditable() {
        loginAs("admin", Role.ADMIN);
        long id = periods.create(period("Kỳ thử 2031"));
        frameworks.findById(frameworkId()).orElseThrow().retire();

        assertThat(periods.frameworkChoices(null)).extracting(PlanningViews.FrameworkChoice::label)
                .doesNotContain("TEST-WF 1.0");
        assertThat(periods.frameworkChoices(id)).extracting(PlanningViews.FrameworkChoice::label)
                .contains("TEST-WF 1.0");
        periods.edit(id, periods.get(id).version(), new PeriodDraft("Kỳ thử 2031", 2024, START,
                START.plusYears(1).minusDays(1), START.plusMonths(11).plusDays(5), 0, frameworkId()));
        assertThat(periods.get(id).view().submissionDeadline()).isEqualTo(START.plusMonths(11).plusDays(5));
        long other = periods.create(new PeriodDraft("Kỳ thử 2032", 2024, START, START.plusYears(1).minusDays(1),
                START.plusMonths(11), 0, frameworks.findByCodeAndVersion("DX-XA", "1.0").orElseThrow().getId()));
        assertRefused(() -> periods.edit(other, periods.get(other).version(), period("Kỳ thử 2032")),
                "period.invalid.frameworkNotPublished");
    }

    private PeriodDraft period(String name) {
        return new PeriodDraft(name, 2024, START, START.plusYears(1).minusDays(1), START.plusMonths(11), 0,
                frameworkId());
    }

    private long frameworkId() {
        return frameworks.findByCodeAndVersion("TEST-WF", "1.0").orElseThrow().getId();
    }

    private static PlanDraft draft(String unit, List<String> participants, List<String> pilots, int target) {
        return new PlanDraft("Kế hoạch thử", unit, participants, pilots, 30, target, START, START.plusYears(2));
    }

    private static void assertRefused(Runnable action, String messageKey) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.messageKey()).isEqualTo(messageKey));
    }
}
