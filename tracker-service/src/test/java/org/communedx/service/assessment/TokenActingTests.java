package org.communedx.service.assessment;

import org.communedx.model.assessment.EntryStatus;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.assessment.AssessmentViews.EntryView;
import org.communedx.service.assessment.ReviewQueue.Filter;
import org.communedx.service.scope.OutOfScopeException;
import org.communedx.service.token.ApiTokenPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An API token acts as an account of its role and unit would, in the workflow's own checks ("staff of this very
 * commune", "reviewer of its district"), with {@code token:<id>} recorded as who changed the entry. Same context as
 * AssessmentWorkflowTests.
 */
@SpringBootTest(classes = ServiceTestApplication.class, properties = "communedx.evidence.directory=target/evidence-tests")
class TokenActingTests {

    @Autowired
    AssessmentWorkflow workflow;

    @Autowired
    ReviewQueue reviewQueue;

    @Autowired
    WorkflowFixtures fixtures;

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
    void aTokenActsWithTheRoleAndUnitItCarries() {
        actAsToken(9001, Role.COMMUNE_STAFF, "96101");
        EntryView percent = workflow.open("96101", period).entries().get(1);
        EntryView saved = workflow.saveValue(percent.id(), percent.version(), new EntryValue.Percent(17, 20), null);
        EntryView submitted = workflow.submit(percent.id(), saved.version());
        assertThat(submitted.status()).isEqualTo(EntryStatus.SUBMITTED);
        assertThat(submitted.lastChangedBy()).isEqualTo("token:9001");

        actAsToken(9002, Role.COMMUNE_STAFF, "96102");
        assertThatExceptionOfType(OutOfScopeException.class).isThrownBy(() -> workflow.entry(percent.id()));

        actAsToken(9003, Role.VIEWER, "96");
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> workflow.approve(percent.id(), submitted.version()));

        actAsToken(9004, Role.DISTRICT_OFFICIAL, "961");
        assertThat(reviewQueue.queue(new Filter(null, null, period)).items())
                .extracting(ReviewQueue.QueueItem::entryId).contains(percent.id());
        assertThat(workflow.approve(percent.id(), submitted.version()).status()).isEqualTo(EntryStatus.APPROVED);
    }

    private static void actAsToken(long id, Role role, String unitCode) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                new ApiTokenPrincipal(id, "Hệ thống thử", role, unitCode), null, "ROLE_" + role.name()));
    }
}
