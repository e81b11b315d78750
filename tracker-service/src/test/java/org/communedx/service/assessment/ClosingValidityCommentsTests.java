package org.communedx.service.assessment;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.communedx.model.RuleViolation;
import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.evidence.EvidenceMetadata;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.AssessmentViews.EntryDetail;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.assessment.Scorecards.CriterionRow;
import org.communedx.service.assessment.Scorecards.ExplainedCriterion;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.audit.AuditLog.AuditEvent;
import org.communedx.service.evidence.EvidenceExpiry;
import org.communedx.service.evidence.EvidenceService;
import org.communedx.service.progress.ProgressViews;
import org.communedx.service.progress.Rollups;
import org.communedx.service.evidence.EvidenceViews.EvidenceView;
import org.communedx.service.notification.TrackerEvent;
import org.communedx.service.notification.TrackerEvent.CommentPosted;
import org.communedx.service.notification.TrackerEvent.EntryReopened;
import org.communedx.service.notification.TrackerEvent.EvidenceExpiring;
import org.communedx.service.scope.OutOfScopeException;
import org.communedx.service.testsupport.SampleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * Period closing with a grace, a reviewer's reopening of one commune's entry after it, evidence validity and its
 * warnings, and an entry's comments, over a real PostgreSQL at a fixed clock ({@link TestClock}, the application's
 * clock in this context): the deadline of 1 June 2030 with a grace of 9 days closes the period to communes at
 * midnight in Hà Nội between 10 and 11 June. The events each publishes are recorded.
 */
@SpringBootTest(classes = { ServiceTestApplication.class, ClosingValidityCommentsTests.FixedClock.class },
        properties = "communedx.evidence.directory=target/evidence-tests")
@RecordApplicationEvents
class ClosingValidityCommentsTests {

    private static final LocalDate DEADLINE = LocalDate.of(2030, 6, 1);

    /** 23:59 on 10 June in Hà Nội: the last minute of the grace. */
    private static final Instant LAST_MINUTE = Instant.parse("2030-06-10T16:59:00Z");

    /** 00:01 on 11 June in Hà Nội, still 10 June in UTC: closed, by Vietnam's calendar. */
    private static final Instant CLOSED = Instant.parse("2030-06-10T17:01:00Z");

    @Autowired
    AssessmentWorkflow workflow;

    @Autowired
    Scorecards scorecards;

    @Autowired
    ReviewQueue reviewQueue;

    @Autowired
    EntryComments comments;

    @Autowired
    Rollups rollups;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceExpiry expiry;

    @Autowired
    WorkflowFixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    long period;

    @BeforeEach
    void periodWithAGrace() {
        clock.set(Instant.parse("2030-05-20T03:00:00Z"));
        fixtures.ensure();
        period = fixtures.newPeriod(DEADLINE);
        jdbc.update("update period set grace_days = 9 where id = ?", period);
    }

    @AfterEach
    void logoutAndRemoveTheFixtures() {
        SecurityContextHolder.clearContext();
        fixtures.remove();
    }

    @Test
    void communesChangeTheirEntriesUntilTheDeadlinePlusTheGraceInVietnam() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView entry = workflow.open("96101", period).entries().get(0);
        clock.set(LAST_MINUTE);
        EntryView saved = workflow.saveValue(entry.id(), entry.version(), new EntryValue.Level(1), null);
        assertThat(workflow.detail(entry.id())).returns(false, EntryDetail::closedToCommune)
                .returns(9, EntryDetail::graceDays).returns(DEADLINE.plusDays(9), EntryDetail::closesAfter);

        clock.set(CLOSED);
        assertThatThrownBy(() -> workflow.saveValue(entry.id(), saved.version(), new EntryValue.Level(2), null))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.messageKey()).isEqualTo("period.refused.deadlinePassed");
                    assertThat(violation.arguments()).containsExactly(DEADLINE, 9, DEADLINE.plusDays(9));
                });
        assertThatThrownBy(() -> workflow.submit(entry.id(), saved.version())).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> workflow.submitAll("96101", period)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> upload(entry.id(), null, null)).isInstanceOf(RuleViolation.class);
        assertThat(workflow.detail(entry.id())).returns(true, EntryDetail::closedToCommune)
                .satisfies(detail -> assertThat(detail.actions().any()).isFalse());
        assertThat(scorecards.scorecard("96101", period)).returns(true, Scorecards.Scorecard::closedToCommune)
                .returns(DEADLINE.plusDays(9), Scorecards.Scorecard::closesAfter)
                .returns(0, Scorecards.Scorecard::toSubmit);
    }

    @Test
    void aReviewerReopensOneEntryAfterClosingWhichAloneTakesTheCommunesChangesUntilSubmitted() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        List<EntryView> entries = workflow.open("96101", period).entries();
        EntryView level = entries.get(0);
        EntryView percent = entries.get(1);
        EntryView submitted = submitted(level, new EntryValue.Level(1));
        EntryView draft = workflow.saveValue(percent.id(), percent.version(), new EntryValue.Percent(1, 2), null);

        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThatThrownBy(() -> workflow.reopenForCommune(level.id(), submitted.version(), "Sớm quá"))
                .as("nothing to reopen while the period is open")
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.messageKey())
                        .isEqualTo("entry.refused.periodStillOpen"));

        clock.set(CLOSED);
        assertThat(workflow.detail(level.id()).actions().reopenForCommune()).isTrue();
        assertThatThrownBy(() -> workflow.reopenForCommune(level.id(), submitted.version(), " "))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.messageKey())
                        .isEqualTo("entry.refused.reasonRequired"));
        assertThatThrownBy(() -> workflow.reopenForCommune(level.id(), submitted.version(), "x".repeat(2001)))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.messageKey())
                        .isEqualTo("entry.refused.reasonTooLong"));
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        assertThatExceptionOfType(AccessDeniedException.class).as("reviewers only")
                .isThrownBy(() -> workflow.reopenForCommune(level.id(), submitted.version(), "Tự mở"));
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        events.clear();
        EntryView reopened = workflow.reopenForCommune(level.id(), submitted.version(), "  Bổ sung biên bản  ");

        assertThat(reopened.status()).isEqualTo(EntryStatus.RETURNED);
        assertThat(reopened.reason()).isEqualTo("Bổ sung biên bản");
        assertThat(events.stream(TrackerEvent.class)).containsExactly(new EntryReopened(level.id(),
                "Bổ sung biên bản"));
        assertThat(audit.history(AssessmentWorkflow.AUDIT_TYPE, level.id())).extracting(AuditEvent::action)
                .endsWith("REOPEN_FOR_COMMUNE");
        assertThatThrownBy(() -> workflow.reopenForCommune(level.id(), reopened.version(), "Lần nữa"))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.messageKey())
                        .isEqualTo("entry.refused.alreadyReopened"));
        assertThat(workflow.detail(level.id()).actions().reopenForCommune()).isFalse();

        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        assertThat(workflow.detail(level.id())).returns(false, EntryDetail::closedToCommune)
                .returns(true, EntryDetail::reopenedForCommune)
                .satisfies(detail -> assertThat(detail.actions().save()).isTrue());
        assertThat(scorecards.scorecard("96101", period)).returns(1, Scorecards.Scorecard::reopenedForCommune)
                .returns(0, Scorecards.Scorecard::toSubmit)
                .satisfies(card -> assertThat(card.groups().get(0).criteria()).extracting(CriterionRow::code,
                        CriterionRow::reopenedForCommune).containsExactly(tuple("G1.C1", true), tuple("G1.C2", false)));
        EntryView changed = workflow.saveValue(level.id(), reopened.version(), new EntryValue.Level(2), "Đã bổ sung");
        assertThat(scorecards.scorecard("96101", period).toSubmit()).as("corrected, it is a draft to send").isOne();
        EvidenceView file = upload(level.id(), null, null);
        assertThatThrownBy(() -> workflow.saveValue(percent.id(), draft.version(), new EntryValue.Percent(2, 2), null))
                .as("the rest of the period stays closed").isInstanceOf(RuleViolation.class);

        AssessmentWorkflow.SubmitAll all = workflow.submitAll("96101", period);
        assertThat(all.submitted()).extracting(AssessmentWorkflow.SubmitAll.Line::criterionCode)
                .as("only the reopened entry").containsExactly("G1.C1");
        assertThat(workflow.entry(percent.id()).status()).isEqualTo(EntryStatus.DRAFT);
        EntryView resubmitted = workflow.entry(level.id());
        assertThat(resubmitted.status()).isEqualTo(EntryStatus.SUBMITTED);
        assertThat(workflow.detail(level.id()).reopenedForCommune()).as("submitting ends the reopening").isFalse();
        assertThatThrownBy(() -> evidence.remove(file.id())).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> evidence.removable(file.id())).as("the page that asks first refuses alike")
                .isInstanceOf(RuleViolation.class);
        assertThat(changed.value()).isEqualTo(new EntryValue.Level(2));
    }

    /**
     * The staff land on the current period's scorecard: each period lists for them what a review sent back there
     * that they can still answer, a returned entry while the period takes their changes, a reopened one after.
     */
    @Test
    void eachPeriodCountsForTheCommunesStaffWhatAReviewSentBackThatTheyCanStillAnswer() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        List<EntryView> entries = workflow.open("96101", period).entries();
        EntryView level = entries.get(0);
        EntryView percent = entries.get(1);
        EntryView levelSubmitted = submitted(level, new EntryValue.Level(1));
        EntryView percentSubmitted = submitted(percent, new EntryValue.Percent(1, 2));
        assertThat(sentBack()).isZero();

        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        EntryView returned = workflow.returnWithReason(percent.id(), percentSubmitted.version(), "Thiếu biên bản");
        assertThat(sentBack()).as("for the commune's staff only").isZero();
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        assertThat(sentBack()).isOne();
        workflow.saveValue(percent.id(), returned.version(), new EntryValue.Percent(2, 2), null);
        assertThat(sentBack()).as("corrected but not yet submitted again").isOne();

        clock.set(CLOSED);
        assertThat(sentBack()).as("returned, but too late to answer").isZero();
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        workflow.reopenForCommune(level.id(), levelSubmitted.version(), "Bổ sung biên bản");
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        assertThat(sentBack()).as("reopened for the commune").isOne();
        loginAs("t.xa96102", Role.COMMUNE_STAFF);
        assertThat(scorecards.periodsOf("96101")).as("another commune's staff reach none of it").isEmpty();
    }

    /** The entry saved with the value and submitted, as its commune's staff do. */
    private EntryView submitted(EntryView entry, EntryValue value) {
        return workflow.submit(entry.id(), workflow.saveValue(entry.id(), entry.version(), value, null).version());
    }

    private long sentBack() {
        Scorecards.SentBackWork work = scorecards.periodsOf("96101").stream().filter(choice -> choice.id() == period)
                .findFirst().orElseThrow().sentBack();
        return work == null ? 0 : work.entries();
    }

    @Test
    void reopeningAnApprovedEntryIsPublishedAndOnAClosedPeriodReopensItForTheCommune() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView level = workflow.open("96101", period).entries().get(0);
        EntryView submitted = workflow.submit(level.id(),
                workflow.saveValue(level.id(), level.version(), new EntryValue.Level(1), null).version());
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        EntryView approved = workflow.approve(level.id(), submitted.version());
        events.clear();
        EntryView reopened = workflow.reopen(level.id(), approved.version(), "Xem lại");
        assertThat(events.stream(TrackerEvent.class)).containsExactly(new EntryReopened(level.id(), "Xem lại"));
        assertThat(workflow.detail(level.id()).reopenedForCommune()).isFalse();

        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView again = workflow.submit(level.id(), reopened.version());
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        EntryView approvedAgain = workflow.approve(level.id(), again.version());
        clock.set(CLOSED);
        assertThat(workflow.detail(level.id()).actions()).returns(false, AssessmentViews.Actions::reopen)
                .returns(true, AssessmentViews.Actions::reopenForCommune);
        events.clear();
        workflow.reopen(level.id(), approvedAgain.version(), "Sau khi khóa");
        assertThat(events.stream(TrackerEvent.class)).containsExactly(new EntryReopened(level.id(), "Sau khi khóa"));
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        assertThat(workflow.detail(level.id()).reopenedForCommune()).as("the commune can answer it").isTrue();
    }

    @Test
    void evidenceCarriesItsValidityAndACriterionWhoseEvidenceAllExpiredIsFlagged() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        List<EntryView> entries = workflow.open("96101", period).entries();
        EntryView level = entries.get(0);
        EntryView percent = entries.get(1);
        EvidenceView open = upload(level.id(), null, null);
        assertThat(open.effectiveDate()).as("the document's date, not the upload's").isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(open.validUntil()).isNull();
        assertThatThrownBy(() -> upload(level.id(), LocalDate.of(2030, 5, 1), LocalDate.of(2030, 4, 30)))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.messageKey())
                        .isEqualTo("evidence.refused.validityOrder"));
        EvidenceView ended = upload(percent.id(), LocalDate.of(2024, 6, 1), LocalDate.of(2030, 5, 19));
        assertThat(ended).returns(LocalDate.of(2024, 6, 1), EvidenceView::effectiveDate)
                .returns(true, EvidenceView::expired);
        assertThat(evidence.list(level.id()).files()).hasSize(1);

        assertThat(scorecards.scorecard("96101", period).groups().get(0).criteria())
                .extracting(CriterionRow::code, CriterionRow::evidenceExpired)
                .containsExactly(tuple("G1.C1", false), tuple("G1.C2", true));
        assertThat(scorecards.explain("96101", period, null).criteria())
                .extracting(ExplainedCriterion::code, ExplainedCriterion::evidenceExpired)
                .containsExactly(tuple("G1.C1", false), tuple("G1.C2", true));

        EntryView saved = workflow.saveValue(percent.id(), workflow.entry(percent.id()).version(),
                new EntryValue.Percent(1, 2), null);
        workflow.submit(percent.id(), saved.version());
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThat(reviewQueue.queue(new ReviewQueue.Filter(null, null, period)).items())
                .extracting(ReviewQueue.QueueItem::criterionCode, ReviewQueue.QueueItem::evidenceExpired)
                .containsExactly(tuple("G1.C2", true));

        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        upload(level.id(), LocalDate.of(2024, 6, 1), LocalDate.of(2030, 5, 1));
        assertThat(scorecards.scorecard("96101", period).groups().get(0).criteria().get(0).evidenceExpired())
                .as("one file of the criterion still valid").isFalse();
    }

    @Test
    void evidenceAboutToExpireIsWarnedOfOncePerFile() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView level = workflow.open("96101", period).entries().get(0);
        EvidenceView soon = upload(level.id(), null, LocalDate.of(2030, 6, 19));
        EvidenceView later = upload(level.id(), null, LocalDate.of(2030, 7, 30));
        upload(level.id(), null, null);
        SecurityContextHolder.clearContext();

        events.clear();
        expiry.warnExpiring();
        assertThat(expiring(level.id())).containsExactly(new EvidenceExpiring(level.id(), soon.id(),
                LocalDate.of(2030, 6, 19)));
        events.clear();
        expiry.warnExpiring();
        assertThat(expiring(level.id())).as("a rerun warns of nothing twice").isEmpty();

        clock.set(Instant.parse("2030-06-30T03:00:00Z"));
        events.clear();
        expiry.warnExpiring();
        assertThat(expiring(level.id())).containsExactly(new EvidenceExpiring(level.id(), later.id(),
                LocalDate.of(2030, 7, 30)));
        assertThat(jdbc.queryForObject("select count(*) from evidence_expiry_warning where evidence_id in (?, ?)",
                Long.class, soon.id(), later.id())).isEqualTo(2);
    }

    @Test
    void theCommuneAndItsReviewersTalkOnTheEntryAndNobodyElse() {
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        EntryView level = workflow.open("96101", period).entries().get(0);
        events.clear();
        long first = comments.post(level.id(), "  <b>Xin</b> hỏi về biên bản  ");
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        clock.set(CLOSED);
        long second = comments.post(level.id(), "Trả lời sau khi khóa kỳ");

        assertThat(events.stream(TrackerEvent.class)).containsExactly(
                new CommentPosted(level.id(), first, "t.xa96101"), new CommentPosted(level.id(), second, "t.huyen961"));
        assertThat(comments.thread(workflow.detail(level.id()))).returns(true, EntryComments.Thread::open)
                .satisfies(thread -> assertThat(thread.comments()).extracting(EntryComments.CommentView::body,
                        EntryComments.CommentView::authorUsername).containsExactly(
                        tuple("<b>Xin</b> hỏi về biên bản", "t.xa96101"), tuple("Trả lời sau khi khóa kỳ", "t.huyen961")));
        assertThat(audit.history(EntryComments.AUDIT_TYPE, first)).extracting(AuditEvent::action)
                .containsExactly("POST_COMMENT");

        long rows = jdbc.queryForObject("select count(*) from entry_comment where entry_id = ?", Long.class, level.id());
        events.clear();
        assertThatThrownBy(() -> comments.post(level.id(), "   ")).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.messageKey()).isEqualTo("comment.refused.bodyRequired"));
        assertThatThrownBy(() -> comments.post(level.id(), "\u200B")).as("a zero-width space is nothing to read")
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.messageKey()).isEqualTo("comment.refused.bodyRequired"));
        assertThatThrownBy(() -> comments.post(level.id(), "x".repeat(2001))).isInstanceOfSatisfying(
                RuleViolation.class, violation -> assertThat(violation.messageKey())
                        .isEqualTo("comment.refused.bodyTooLong"));
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        assertThat(comments.thread(workflow.detail(level.id()))).as("in scope, but not the commune's reviewer")
                .returns(false, EntryComments.Thread::open)
                .satisfies(thread -> assertThat(thread.comments()).isEmpty());
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> comments.post(level.id(), "Tôi"));
        loginAs("t.xa96102", Role.COMMUNE_STAFF);
        assertThatExceptionOfType(OutOfScopeException.class)
                .isThrownBy(() -> comments.thread(workflow.detail(level.id())));
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> comments.post(level.id(), "Xã khác"));
        assertThat(jdbc.queryForObject("select count(*) from entry_comment where entry_id = ?", Long.class,
                level.id())).as("nothing half-saved").isEqualTo(rows);
        assertThat(events.stream(TrackerEvent.class)).isEmpty();
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        assertThat(workflow.entry(level.id()).version()).as("talk is not a change of the entry")
                .isEqualTo(level.version());
    }

    /**
     * A reviewer may ask before the commune has begun: the first comment on a criterion not stored yet stores the
     * commune's entries, NOT_STARTED; a refused comment, or one from someone who does not take part, stores nothing.
     */
    @Test
    void theFirstCommentOnACriterionNotBegunStoresTheEntriesAndARefusedOneNothing() {
        CriterionAddress address = new CriterionAddress("96101", period, "G1.C2");
        loginAs("t.tinh96", Role.PROVINCE_MANAGER);
        assertThat(comments.thread(workflow.detail(address))).as("in scope, but not the commune's reviewer")
                .returns(false, EntryComments.Thread::open);
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> comments.post(address, "Tôi"));
        loginAs("t.huyen961", Role.DISTRICT_OFFICIAL);
        assertThat(comments.thread(workflow.detail(address))).returns(true, EntryComments.Thread::open)
                .satisfies(thread -> assertThat(thread.comments()).isEmpty());
        assertThatThrownBy(() -> comments.post(address, "  ")).isInstanceOf(RuleViolation.class);
        assertThat(assessments()).as("nothing half-saved").isZero();
        events.clear();

        long comment = comments.post(address, "Xã nhớ nộp biên bản tập huấn");

        long entryId = workflow.storedEntryId(address).orElseThrow();
        assertThat(assessments()).isOne();
        assertThat(workflow.entry(entryId).status()).isEqualTo(EntryStatus.NOT_STARTED);
        // Asking is not beginning: the commune has no score and no rank, where it was ranked 0 points, class Yếu.
        assertThat(rollups.rollup("961", period).ranking()).filteredOn(commune -> commune.code().equals("96101"))
                .singleElement().returns(false, ProgressViews.CommuneFigure::started);
        assertThat(events.stream(CommentPosted.class)).containsExactly(new CommentPosted(entryId, comment,
                "t.huyen961"));
        loginAs("t.xa96101", Role.COMMUNE_STAFF);
        assertThat(comments.thread(workflow.detail(entryId)).comments()).extracting(EntryComments.CommentView::body)
                .containsExactly("Xã nhớ nộp biên bản tập huấn");
        loginAs("t.xa96102", Role.COMMUNE_STAFF);
        assertThatExceptionOfType(OutOfScopeException.class)
                .isThrownBy(() -> comments.thread(workflow.detail(new CriterionAddress("96101", period, "G1.C1"))));
    }

    private long assessments() {
        return jdbc.queryForObject("select count(*) from assessment a join administrative_unit u on u.id = a.unit_id"
                + " where u.code = '96101' and a.period_id = ?", Long.class, period);
    }

    private List<EvidenceExpiring> expiring(long entryId) {
        return events.stream(EvidenceExpiring.class).filter(event -> event.entryId() == entryId).toList();
    }

    /** Each upload a file of its own, as the same bytes twice on one criterion are refused. */
    private EvidenceView upload(long entry, LocalDate effective, LocalDate validUntil) {
        EvidenceMetadata metadata = new EvidenceMetadata("1/QĐ", "Quyết định", "UBND xã Một", LocalDate.of(2024, 3, 1),
                effective, validUntil);
        return evidence.upload(entry, metadata, new ByteArrayInputStream(SampleFiles.pdf(++uploads)), "qd.pdf");
    }

    private int uploads;

    /** The application's clock in this context, set by each test. */
    static class TestClock extends Clock {

        private volatile Instant now = Instant.now();

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Not a {@code @Configuration}, so that no other test context's component scan picks it up. */
    static class FixedClock {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
