package org.communedx.service.assessment;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.EntryConflict;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.evidence.EvidenceMetadata;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.AssessmentViews.AssessmentView;
import org.communedx.service.assessment.AssessmentViews.ChangeSinceReview;
import org.communedx.service.assessment.AssessmentViews.EntryDetail;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.assessment.AssessmentViews.EvidenceFile;
import org.communedx.service.assessment.AssessmentViews.HistoryLine;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.audit.AuditLog.AuditEvent;
import org.communedx.service.evidence.EvidenceService;
import org.communedx.service.evidence.EvidenceViews.EvidenceView;
import org.communedx.service.period.PeriodService;
import org.communedx.service.period.PlanningViews.Editing;
import org.communedx.service.period.PlanningViews.PeriodDraft;
import org.communedx.service.period.PlanningViews.PeriodView;
import org.communedx.service.scope.OutOfScopeException;
import org.communedx.service.testsupport.SampleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * The workflow over a real PostgreSQL, with committed data: several tests need more than one transaction. Each
 * test works in a period of its own. Evidence goes to the same store under target/ as in EvidenceServiceTests, so
 * that both share one application context.
 */
@SpringBootTest(classes = ServiceTestApplication.class, properties = "communedx.evidence.directory=target/evidence-tests")
class AssessmentWorkflowTests {

    @Autowired
    AssessmentWorkflow workflow;

    @Autowired
    ReviewQueue reviewQueue;

    @Autowired
    WorkflowFixtures fixtures;

    @Autowired
    EvidenceService evidence;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PeriodService periodService;

    @Autowired
    EntryComments comments;

    long period;

    @BeforeEach
    void freshPeriod() {
        fixtures.ensure();
        period = fixtures.newPeriod();
    }

    @AfterEach
    void logoutAndRemoveTheFixtures() {
        SecurityContextHolder.clearContext();
        fixtures.remove();
    }

    @Test
    void communeStaffOpenFillAndSubmitTheirOwnCommune() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        AssessmentView assessment = workflow.open("96101", period);
        assertThat(assessment.entries()).extracting(EntryView::criterionCode).containsExactly("G1.C1", "G1.C2");
        assertThat(workflow.open("96101", period).id()).as("one assessment per commune and period")
                .isEqualTo(assessment.id());

        EntryView percent = assessment.entries().get(1);
        EntryView saved = workflow.saveValue(percent.id(), percent.version(), new EntryValue.Percent(17, 20), "ghi chú");
        assertThat(saved.status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(saved.value().measure()).isEqualByComparingTo("85");
        assertThat(saved.met()).isTrue();
        EntryView again = workflow.saveValue(percent.id(), saved.version(), new EntryValue.Percent(17, 20), " ghi chú ");
        assertThat(again.version()).as("saved again as it was: nothing changed").isEqualTo(saved.version());
        assertThat(audit.history(AssessmentWorkflow.AUDIT_TYPE, percent.id())).extracting(AuditEvent::action)
                .containsExactly("SAVE_VALUE");
        assertThat(workflow.submit(percent.id(), saved.version()).status()).isEqualTo(EntryStatus.SUBMITTED);

        loginAs("t.xa96102", Role.COMMUNE_STAFF);
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> workflow.open("96101", period));
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> workflow.entry(percent.id()));
        EntryView level = assessment.entries().get(0);
        assertThatExceptionOfType(OutOfScopeException.class)
                .isThrownBy(() -> workflow.saveValue(level.id(), level.version(), new EntryValue.Level(1), null));
    }

    @Test
    void submitAllSubmitsEachSavedEntryByItsOwnRuleAndSaysWhyItLeftTheOthers() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        AssessmentView assessment = workflow.open("96101", period);
        EntryView level = assessment.entries().get(0);
        EntryView percent = assessment.entries().get(1);
        workflow.saveValue(level.id(), level.version(), new EntryValue.Level(2), null);
        EntryView requested = workflow.requestNotApplicable(percent.id(), percent.version(), "Xã không có trường học");
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        workflow.returnWithReason(percent.id(), requested.version(), "Xã có một điểm trường");
        assertThatExceptionOfType(AccessDeniedException.class).as("staff only")
                .isThrownBy(() -> workflow.submitAll("96101", period));

        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        AssessmentWorkflow.SubmitAll outcome = workflow.submitAll("96101", period);

        assertThat(outcome.submitted()).extracting(AssessmentWorkflow.SubmitAll.Line::criterionCode)
                .containsExactly("G1.C1");
        assertThat(outcome.left()).extracting(AssessmentWorkflow.SubmitAll.Line::criterionCode,
                AssessmentWorkflow.SubmitAll.Line::messageKey)
                .as("a returned entry is corrected first, never sent back unchanged")
                .containsExactly(tuple("G1.C2", "entry.submitAll.returned"));
        assertThat(workflow.entry(level.id()).status()).isEqualTo(EntryStatus.SUBMITTED);
        assertThat(workflow.entry(percent.id()).status()).as("left as it was").isEqualTo(EntryStatus.RETURNED);
        EntryView returned = workflow.entry(percent.id());
        workflow.saveValue(percent.id(), returned.version(), new EntryValue.Percent(1, 2), "Một điểm trường");
        assertThat(workflow.submitAll("96101", period).submitted()).as("its new value makes it a draft to send")
                .extracting(AssessmentWorkflow.SubmitAll.Line::criterionCode).containsExactly("G1.C2");
        assertThat(audit.history(AssessmentWorkflow.AUDIT_TYPE, level.id())).extracting(AuditLog.AuditEvent::action)
                .contains("SUBMIT");
        assertThat(workflow.submitAll("96101", period).submitted()).as("nothing more to submit").isEmpty();
        loginAs("t.xa96102", Role.COMMUNE_STAFF);
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> workflow.submitAll("96101", period));
    }

    @Test
    void communeOutsideTheScopeIsNotFound() {
        loginAs("t.tinh97", Role.PROVINCE_MANAGER);
        EntryView other = workflow.open("97001", period).entries().get(0);

        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> workflow.open("97001", period));
        assertThatExceptionOfType(OutOfScopeException.class)
                .isThrownBy(() -> workflow.approve(other.id(), other.version()));
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> workflow.open("96201", period));
    }

    @Test
    void districtOfficialReviewsTheDistrictsCommunes() {
        EntryView entry = submitted("96101", "t.xa96101");

        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        assertThatExceptionOfType(AccessDeniedException.class)
                .as("the commune has a district, whose officials review it")
                .isThrownBy(() -> workflow.approve(entry.id(), entry.version()));
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> workflow.approve(entry.id(), entry.version()));

        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThat(workflow.approve(entry.id(), entry.version()).status()).isEqualTo(EntryStatus.APPROVED);
        assertThatExceptionOfType(AccessDeniedException.class).as("reviewers do not enter values")
                .isThrownBy(() -> workflow.saveValue(entry.id(), entry.version() + 1, new EntryValue.Level(1), null));
    }

    @Test
    void provinceManagerReviewsACommuneWithNoDistrict() {
        EntryView submitted = submitted("96201", "t.xa96201");

        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThatExceptionOfType(OutOfScopeException.class)
                .isThrownBy(() -> workflow.approve(submitted.id(), submitted.version()));
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        assertThat(workflow.returnWithReason(submitted.id(), submitted.version(), "Thiếu số liệu").status())
                .isEqualTo(EntryStatus.RETURNED);
    }

    /** A district official may sit at a province, since the 2025 reform left most provinces without districts. */
    @Test
    void aDistrictOfficialAtTheProvinceReviewsItsCommunesWithNoDistrict() {
        EntryView direct = submitted("96201", "t.xa96201");
        EntryView underDistrict = submitted("96101", "t.xa96101");

        loginAs("t.so96", Role.DISTRICT_OFFICIAL);
        assertThat(reviewQueue.queue(new ReviewQueue.Filter(null, null, period)).items())
                .extracting(ReviewQueue.QueueItem::entryId).contains(direct.id()).doesNotContain(underDistrict.id());
        assertThat(workflow.approve(direct.id(), direct.version()).status()).isEqualTo(EntryStatus.APPROVED);
        assertThatExceptionOfType(AccessDeniedException.class).as("the district's officials review it")
                .isThrownBy(() -> workflow.approve(underDistrict.id(), underDistrict.version()));
    }

    @Test
    void staleVersionIsAConflictAndChangesNothing() {
        EntryView entry = submitted("96101", "t.xa96101");
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        workflow.approve(entry.id(), entry.version());

        loginAs("t.huyen961b", Role.DISTRICT_OFFICIAL);
        assertThatThrownBy(() -> workflow.returnWithReason(entry.id(), entry.version(), "sai"))
                .isInstanceOf(EntryConflict.class)
                .satisfies(ex -> assertThat(((RuleViolation) ex).messageKey()).isEqualTo("entry.conflict"));
        assertThat(workflow.entry(entry.id()).status()).isEqualTo(EntryStatus.APPROVED);
    }

    @Test
    void twoReviewersApproveAtOnceAndExactlyOneSucceeds() throws Exception {
        EntryView entry = submitted("96101", "t.xa96101");
        // The second reviewer read the same version and waits on the row the first one's transaction holds.
        CompletableFuture<EntryView> secondReviewer = concurrently(() -> {
            loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
            workflow.approve(entry.id(), entry.version());
        }, "t.huyen961b", Role.DISTRICT_OFFICIAL, () -> workflow.approve(entry.id(), entry.version()), other -> {
        });
        assertThatThrownBy(secondReviewer::get).hasCauseInstanceOf(EntryConflict.class);
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThat(workflow.entry(entry.id()).lastChangedBy()).isEqualTo("t.huyen961");
        assertThat(audit.history(AssessmentWorkflow.AUDIT_TYPE, entry.id())).extracting(AuditEvent::action)
                .containsExactly("SAVE_VALUE", "SUBMIT", "APPROVE");
    }

    /**
     * A comment sent while a reviewer's return of the entry is still being saved waits for it and is saved: it moves
     * no column of the entry. It had been refused as a change made meanwhile ("Dữ liệu vừa được thay đổi"), its text
     * lost, since the entry it had read was older than the one its lock then read.
     */
    @Test
    void aCommentSentWhileAReturnIsSavedIsSaved() throws Exception {
        EntryView entry = submitted("96101", "t.xa96101");
        CompletableFuture<Long> comment = concurrently(() -> {
            loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
            workflow.returnWithReason(entry.id(), entry.version(), "Thiếu biên bản");
        }, "t.xa96101", Role.COMMUNE_STAFF, () -> comments.post(entry.id(), "Xã gửi bổ sung ngay"), sent -> {
        });

        assertThat(comment.get()).isPositive();
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        assertThat(workflow.entry(entry.id()).status()).isEqualTo(EntryStatus.RETURNED);
    }

    /** Two first visits to a commune's new period at the same moment: both get the one assessment. */
    @Test
    void twoFirstVisitsAtOnceCreateOneAssessment() throws Exception {
        CompletableFuture<AssessmentView> other = concurrently(() -> {
            loginAs("t.xa96101", Role.COMMUNE_STAFF);
            workflow.open("96101", period);
        }, "t.huyen961", Role.DISTRICT_OFFICIAL, () -> workflow.open("96101", period), visit -> {
        });

        assertThat(jdbc.queryForList("select id from assessment where period_id = ?", Long.class, period))
                .containsExactly(other.get().id());
    }

    /**
     * A commune's first two writes in a new period at the same moment, on two criteria, each at its criterion's
     * address: the second waits while the first creates the assessment, then saves into it; both are kept.
     */
    @Test
    void twoFirstWritesAtOnceStoreOneAssessmentWithBoth() throws Exception {
        CompletableFuture<EntryView> other = concurrently(this::firstWrite, "t.xa96101", Role.COMMUNE_STAFF,
                () -> workflow.saveValue(new CriterionAddress("96101", period, "G1.C2"), 0,
                        new EntryValue.Percent(17, 20), null),
                write -> assertThat(write).as("waits for the first write's assessment").isNotDone());
        assertThat(other.get().status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(jdbc.queryForObject("select count(*) from assessment where period_id = ?", Long.class, period))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("""
                select e.status from criterion_entry e join assessment a on a.id = e.assessment_id
                where a.period_id = ?""", String.class, period)).containsExactly("DRAFT", "DRAFT");
    }

    /**
     * An administrator gives the period another framework while a commune's first write is creating its assessment
     * on the current one: the edit waits for that write, then finds the assessment and changes nothing.
     */
    @Test
    void aFrameworkChangeWaitsForAFirstWriteAndIsThenRefused() throws Exception {
        long other = fixtures.otherFramework();
        Editing<PeriodView> before = periodService.get(period);

        CompletableFuture<Void> edit = concurrently(this::firstWrite, "t.admin", Role.ADMIN,
                () -> periodService.edit(period, before.version(), withFramework(before.view(), other)),
                change -> assertThat(change).as("waits for the first write's assessment").isNotDone());

        assertThatThrownBy(edit::join).cause().isInstanceOfSatisfying(RuleViolation.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("period.invalid.frameworkInUse"));
        assertThat(periodService.get(period).view().frameworkId()).isEqualTo(before.view().frameworkId());
    }

    /**
     * The other order: the period's new framework is being saved when a commune's first write, read against the
     * old one, comes to create its assessment. The write waits for the change, then is refused as a conflict, and
     * no assessment is stored on criteria the period no longer has.
     */
    @Test
    void aFirstWriteMeantForTheOldFrameworkIsRefusedOnceTheChangeIsSaved() throws Exception {
        long other = fixtures.otherFramework();
        Editing<PeriodView> before = periodService.get(period);

        CompletableFuture<EntryView> write = concurrently(() -> {
            loginAs("t.admin", Role.ADMIN);
            periodService.edit(period, before.version(), withFramework(before.view(), other));
        }, "t.xa96101", Role.COMMUNE_STAFF, () -> workflow.saveValue(new CriterionAddress("96101", period, "G1.C2"),
                0, new EntryValue.Percent(17, 20), null),
                firstWrite -> assertThat(firstWrite).as("waits for the framework change").isNotDone());

        assertThatThrownBy(write::join).cause().isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(periodService.get(period).view().frameworkId()).isEqualTo(other);
        assertThat(jdbc.queryForObject("select count(*) from assessment where period_id = ?", Long.class, period))
                .isZero();
    }

    /**
     * New dates that would leave out the day a commune's figures changed are refused, naming it, and nothing is saved:
     * the days' figures would leave the trend and the plans judged on the period. Lengthening the period, or
     * shortening it by days without figures, is saved.
     */
    @Test
    void newDatesKeepEveryDayOnWhichTheFiguresChanged() {
        LocalDate today = LocalDate.now(ProgressLedger.VIETNAM);
        long current = fixtures.newPeriod(today.minusDays(30), today.plusDays(30));
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView percent = workflow.open("96101", current).entries().get(1);
        EntryView saved = workflow.saveValue(percent.id(), percent.version(), new EntryValue.Percent(17, 20), null);
        workflow.submit(saved.id(), saved.version());
        loginAs("t.admin", Role.ADMIN);
        Editing<PeriodView> before = periodService.get(current);
        PeriodView view = before.view();

        assertThatThrownBy(() -> periodService.edit(current, before.version(), new PeriodDraft(view.name(),
                view.year(), view.startDate(), today.minusDays(1), view.submissionDeadline(), view.graceDays(),
                view.frameworkId()))).isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("period.invalid.recordedDayOutside");
                    assertThat(refused.arguments()).containsExactly(today);
                });
        assertThat(periodService.get(current).view().endDate()).isEqualTo(today.plusDays(30));

        periodService.edit(current, before.version(), new PeriodDraft(view.name(), view.year(),
                today.minusDays(10), today.plusDays(60), view.submissionDeadline(), view.graceDays(),
                view.frameworkId()));
        assertThat(periodService.get(current).view().startDate()).isEqualTo(today.minusDays(10));
    }

    /** An edit that keeps the framework, a later deadline, does not wait for a first write still being made. */
    @Test
    void anEditThatKeepsTheFrameworkDoesNotWaitForAFirstWrite() {
        Editing<PeriodView> before = periodService.get(period);
        LocalDate later = before.view().submissionDeadline().plusDays(1);

        concurrently(this::firstWrite, "t.admin", Role.ADMIN,
                () -> periodService.edit(period, before.version(), edited(before.view(), later,
                        before.view().frameworkId())),
                edit -> assertThat(edit).as("saved while the first write is still open").isCompleted());

        assertThat(periodService.get(period).view().submissionDeadline()).isEqualTo(later);
    }

    private <T> CompletableFuture<T> concurrently(Runnable first, String username, Role role, Supplier<T> second,
            Consumer<CompletableFuture<T>> meanwhile) {
        return fixtures.concurrently(first, username, role, second, meanwhile);
    }

    private <T> CompletableFuture<T> concurrently(Runnable first, String username, Role role, Runnable second,
            Consumer<CompletableFuture<T>> meanwhile) {
        return fixtures.concurrently(first, username, role, () -> {
            second.run();
            return null;
        }, meanwhile);
    }

    /** The commune's first write in the period, which creates its assessment. */
    private void firstWrite() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        workflow.saveValue(new CriterionAddress("96101", period, "G1.C1"), 0, new EntryValue.Level(2), null);
    }

    private static PeriodDraft withFramework(PeriodView period, long frameworkId) {
        return edited(period, period.submissionDeadline(), frameworkId);
    }

    private static PeriodDraft edited(PeriodView period, LocalDate deadline, long frameworkId) {
        return new PeriodDraft(period.name(), period.year(), period.startDate(), period.endDate(), deadline,
                period.graceDays(), frameworkId);
    }

    /**
     * Two reviewers approve two criteria of one commune at the same moment: the summary must count both, although
     * each transaction computed it before the other had committed.
     */
    @Test
    void twoApprovalsInOneCommuneAtOnceBothCountInItsSummary() throws Exception {
        EntryView level = submitted("96101", "t.xa96101");
        EntryView percent = workflow.open("96101", period).entries().get(1);
        EntryView draft = workflow.saveValue(percent.id(), percent.version(), new EntryValue.Percent(90, 100), null);
        EntryView percentSubmitted = workflow.submit(percent.id(), draft.version());
        long assessment = jdbc.queryForObject("select assessment_id from criterion_entry where id = ?", Long.class,
                level.id());
        // The other approval changes its own entry, then waits for the first transaction's summary.
        CompletableFuture<EntryView> otherApproval = concurrently(() -> {
            loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
            workflow.approve(level.id(), level.version());
        }, "t.huyen961b", Role.DISTRICT_OFFICIAL,
                () -> workflow.approve(percentSubmitted.id(), percentSubmitted.version()), other -> {
                });
        assertThat(otherApproval.get().status()).isEqualTo(EntryStatus.APPROVED);
        assertThat(jdbc.queryForMap("""
                select verified_weight, verified_percent, claimed_percent from assessment_progress
                where assessment_id = ?""", assessment))
                .containsEntry("verified_weight", new java.math.BigDecimal("2.00"))
                .containsEntry("verified_percent", new java.math.BigDecimal("100.0000000000"))
                .containsEntry("claimed_percent", new java.math.BigDecimal("100.0000000000"));
        assertThat(jdbc.queryForObject("""
                select sum(verified_change) from assessment_progress_history where assessment_id = ?""",
                java.math.BigDecimal.class, assessment)).as("the day's changes add up to the figure")
                .isEqualByComparingTo("100.0");
    }

    @Test
    void everyTransitionWritesOneAuditRowWithBeforeAndAfter() {
        EntryView entry = submitted("96101", "t.xa96101");
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        EntryView returned = workflow.returnWithReason(entry.id(), entry.version(), "Thiếu biên bản");
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView again = workflow.submit(entry.id(), returned.version());
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        EntryView approved = workflow.approve(entry.id(), again.version());
        EntryView reopened = workflow.reopen(entry.id(), approved.version(), "Cập nhật số liệu");
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView requested = workflow.requestNotApplicable(entry.id(), reopened.version(), "Không áp dụng");
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        workflow.approveNotApplicable(entry.id(), requested.version());

        List<AuditEvent> history = audit.history(AssessmentWorkflow.AUDIT_TYPE, entry.id());
        assertThat(history).extracting(AuditEvent::action).containsExactly("SAVE_VALUE", "SUBMIT", "RETURN", "SUBMIT",
                "APPROVE", "REOPEN", "REQUEST_NOT_APPLICABLE", "APPROVE_NOT_APPLICABLE");
        AuditEvent returnEvent = history.get(2);
        assertThat(returnEvent.actor()).isEqualTo("t.huyen961");
        assertThat(returnEvent.beforeJson()).contains("\"status\": \"SUBMITTED\"");
        assertThat(returnEvent.afterJson()).contains("\"status\": \"RETURNED\"", "Thiếu biên bản");
    }

    /** The entry's history holds its files' events too; the first file and the move to DRAFT make one line. */
    @Test
    void theEntryHistoryListsEveryFileAddedAndRemoved() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        long entry = workflow.open("96101", period).entries().get(0).id();
        upload(entry, "bien-ban-hop.pdf", "Biên bản họp thôn", null);
        EvidenceView mistaken = upload(entry, "nham.pdf", "Tải nhầm", null);
        assertThat(evidence.removable(mistaken.id()).title()).as("asked about first").isEqualTo("Tải nhầm");
        evidence.remove(mistaken.id());
        workflow.saveValue(entry, workflow.entry(entry).version(), new EntryValue.Level(2), null);

        assertThat(workflow.detail(entry).history())
                .extracting(HistoryLine::action, HistoryLine::statusBefore, HistoryLine::statusAfter,
                        line -> line.file() == null ? null : line.file().originalName())
                .containsExactly(
                        tuple("ADD_EVIDENCE", EntryStatus.NOT_STARTED, EntryStatus.DRAFT, "bien-ban-hop.pdf"),
                        tuple("ADD_EVIDENCE", null, null, "nham.pdf"),
                        tuple("REMOVE_EVIDENCE", null, null, "nham.pdf"),
                        tuple("SAVE_VALUE", EntryStatus.DRAFT, EntryStatus.DRAFT, null));
    }

    @Test
    void aResubmissionListsTheEvidenceAddedAndRemovedSinceTheReturn() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        List<EntryView> opened = workflow.open("96101", period).entries();
        long entry = opened.get(0).id();
        long other = opened.get(1).id();
        EvidenceView kept = upload(entry, "bien-ban-hop.pdf", "Biên bản họp thôn", null);
        EvidenceView older = upload(entry, "danh-sach-cu.pdf", "Danh sách cũ", "3/DS-UBND");
        workflow.saveValue(entry, workflow.entry(entry).version(), new EntryValue.Level(1), null);
        workflow.submit(entry, workflow.entry(entry).version());
        workflow.saveValue(other, workflow.entry(other).version(), new EntryValue.Percent(10, 20), null);
        workflow.submit(other, workflow.entry(other).version());
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        workflow.returnWithReason(entry, workflow.entry(entry).version(), "Thiếu danh sách mới");

        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EvidenceView added = upload(entry, "danh-sach-moi.pdf", "Danh sách mới", "7/DS-UBND");
        EvidenceView mistaken = upload(entry, "nham.pdf", "Tải nhầm", null);
        evidence.remove(mistaken.id());
        evidence.remove(older.id());
        workflow.saveValue(entry, workflow.entry(entry).version(), new EntryValue.Level(2), null);
        workflow.submit(entry, workflow.entry(entry).version());
        // A file of the other entry after the first entry's return, but before the other entry's last review.
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        workflow.returnWithReason(other, workflow.entry(other).version(), "Thiếu ảnh");
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        upload(other, "anh-lop-hoc.jpg", "Ảnh lớp học", null);
        workflow.submit(other, workflow.entry(other).version());
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        workflow.approve(other, workflow.entry(other).version());
        workflow.reopen(other, workflow.entry(other).version(), "Xem lại ảnh");
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        workflow.submit(other, workflow.entry(other).version());

        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        ChangeSinceReview change = workflow.detail(entry).sinceReview();
        assertThat(change.reason()).isEqualTo("Thiếu danh sách mới");
        assertThat(change.evidenceAdded()).as("the file added and removed again is in neither list")
                .extracting(EvidenceFile::id, EvidenceFile::originalName, EvidenceFile::title,
                        EvidenceFile::documentNumber)
                .containsExactly(tuple(added.id(), "danh-sach-moi.pdf", "Danh sách mới", "7/DS-UBND"));
        assertThat(change.evidenceRemoved())
                .extracting(EvidenceFile::id, EvidenceFile::originalName, EvidenceFile::title,
                        EvidenceFile::documentNumber)
                .containsExactly(tuple(older.id(), "danh-sach-cu.pdf", "Danh sách cũ", "3/DS-UBND"));
        assertThat(change.evidenceAdded()).extracting(EvidenceFile::id).doesNotContain(kept.id(), mistaken.id());
        assertThat(change.evidenceChanged()).isTrue();

        Map<Long, ChangeSinceReview> queue = workflow.sinceReview(Map.of(entry, workflow.entry(entry).value(), other,
                workflow.entry(other).value()));
        assertThat(queue.get(entry)).as("the queue's one query agrees with the entry page").isEqualTo(change);
        assertThat(queue.get(other).reason()).isEqualTo("Xem lại ảnh");
        assertThat(queue.get(other).evidenceChanged()).as("its file came before its own last review").isFalse();
        assertThat(workflow.detail(other).sinceReview().evidenceChanged()).isFalse();
    }

    /**
     * After the deadline the commune's staff change nothing, a returned entry no more than a draft, and the pages
     * offer them nothing; the district still reviews what was submitted, and an extended deadline opens it again.
     */
    @Test
    void afterTheDeadlineCommuneStaffChangeNothingWhileReviewersStillReview() {
        EntryView submitted = submitted("96101", "t.xa96101");
        EntryView percent = workflow.open("96101", period).entries().get(1);
        workflow.saveValue(percent.id(), percent.version(), new EntryValue.Percent(10, 20), "cũ");
        EvidenceView file = upload(percent.id(), "bien-ban-hop.pdf", "Biên bản họp thôn", null);
        LocalDate today = LocalDate.now(ProgressLedger.VIETNAM);
        fixtures.setDeadline(period, today.minusDays(1));
        long version = workflow.entry(percent.id()).version();
        long auditRows = jdbc.queryForObject("select count(*) from audit_event", Long.class);

        assertDeadlinePassed(() -> workflow.saveValue(percent.id(), version, new EntryValue.Percent(18, 20), "mới"),
                today.minusDays(1));
        assertDeadlinePassed(() -> workflow.submit(percent.id(), version), today.minusDays(1));
        assertDeadlinePassed(() -> workflow.requestNotApplicable(percent.id(), version, "Không áp dụng"),
                today.minusDays(1));
        assertDeadlinePassed(() -> upload(percent.id(), "muon.pdf", "Nộp muộn", null), today.minusDays(1));
        assertDeadlinePassed(() -> evidence.remove(file.id()), today.minusDays(1));
        assertThat(workflow.entry(percent.id())).as("nothing saved")
                .returns(EntryStatus.DRAFT, EntryView::status).returns(version, EntryView::version)
                .returns(new EntryValue.Percent(10, 20), EntryView::value).returns("cũ", EntryView::explanation);
        assertThat(evidence.list(percent.id()).files()).extracting(EvidenceView::id).containsExactly(file.id());
        assertThat(evidence.list(percent.id()).canChange()).isFalse();
        assertThat(workflow.detail(percent.id())).returns(true, AssessmentViews.EntryDetail::closedToCommune)
                .satisfies(detail -> assertThat(detail.actions().any()).as("no form offered").isFalse());

        // A commune's first write in the closed period would store its entries: it stores none.
        loginAs("t.xa96102", Role.COMMUNE_STAFF);
        CriterionAddress first = new CriterionAddress("96102", period, "G1.C1");
        assertDeadlinePassed(() -> workflow.saveValue(first, 0, new EntryValue.Level(2), null), today.minusDays(1));
        assertThat(evidence.list(first).canChange()).isFalse();
        assertThat(jdbc.queryForObject("""
                select count(*) from assessment a join administrative_unit u on u.id = a.unit_id
                where a.period_id = ? and u.code = '96102'""", Long.class, period)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).as("nothing audited")
                .isEqualTo(auditRows);

        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThat(workflow.detail(submitted.id())).as("the notice is the commune's; the reviewer hears of the deadline")
                .extracting(EntryDetail::closedToCommune, EntryDetail::deadlinePassed).containsExactly(false, true);
        EntryView returned = workflow.returnWithReason(submitted.id(), submitted.version(), "Thiếu biên bản");
        assertThat(returned.status()).as("the reviewer still acts").isEqualTo(EntryStatus.RETURNED);
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        assertDeadlinePassed(() -> workflow.submit(submitted.id(), returned.version()), today.minusDays(1));

        fixtures.setDeadline(period, today);
        assertThat(workflow.submit(submitted.id(), returned.version()).status())
                .as("open again, to the end of the extended deadline's day").isEqualTo(EntryStatus.SUBMITTED);
    }

    private static void assertDeadlinePassed(Runnable change, LocalDate deadline) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.messageKey()).isEqualTo("period.refused.deadlinePassed");
            assertThat(violation.arguments()).containsExactly(deadline, 0, deadline);
        });
    }

    @Test
    void refusedTransitionWritesNoAuditRow() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView entry = workflow.open("96101", period).entries().get(0);
        EntryView draft = workflow.saveValue(entry.id(), entry.version(), new EntryValue.Level(2), null);
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);

        assertThatThrownBy(() -> workflow.approve(entry.id(), draft.version())).isInstanceOfSatisfying(
                RuleViolation.class, ex -> assertThat(ex.messageKey()).isEqualTo("entry.refused.transition"));
        assertThat(audit.history(AssessmentWorkflow.AUDIT_TYPE, entry.id())).hasSize(1);
    }

    @Test
    void auditTrailRefusesUpdateAndDelete() {
        submitted("96101", "t.xa96101");
        long rows = jdbc.queryForObject("select count(*) from audit_event", Long.class);

        assertThatExceptionOfType(DataAccessException.class)
                .isThrownBy(() -> jdbc.update("update audit_event set actor = 'someone else'"))
                .withMessageContaining("audit record");
        assertThatExceptionOfType(DataAccessException.class)
                .isThrownBy(() -> jdbc.update("delete from audit_event"))
                .withMessageContaining("audit record");
        assertThatExceptionOfType(DataAccessException.class)
                .isThrownBy(() -> jdbc.execute("truncate audit_event"));
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'someone else'", Long.class))
                .isZero();
    }

    /** Each PDF a file of its own, as the same bytes twice on one criterion are refused. */
    private EvidenceView upload(long entry, String name, String title, String documentNumber) {
        EvidenceMetadata metadata = new EvidenceMetadata(documentNumber, title, "UBND xã Một", LocalDate.of(2024, 3, 1));
        byte[] content = name.endsWith(".jpg") ? SampleFiles.jpeg() : SampleFiles.pdf(++pdfs);
        return evidence.upload(entry, metadata, new ByteArrayInputStream(content), name);
    }

    private int pdfs;

    /** The first entry (LEVEL) of the commune, submitted by its staff. */
    private EntryView submitted(String commune, String staff) {
        loginAs(staff, Role.COMMUNE_STAFF);
        EntryView entry = workflow.open(commune, period).entries().get(0);
        EntryView draft = workflow.saveValue(entry.id(), entry.version(), new EntryValue.Level(2), null);
        return workflow.submit(entry.id(), draft.version());
    }
}
