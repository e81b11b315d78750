package org.communedx.service.framework;

import java.math.BigDecimal;
import java.util.List;

import org.communedx.model.framework.FrameworkProblem;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.ScoreClass;
import org.communedx.model.framework.ScoreClasses;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.audit.AuditLog.AuditEvent;
import org.communedx.service.framework.FrameworkEditor.ClassesEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/**
 * The draft editor's classes: saved and audited when the one check of imports and publishing passes, refused whole
 * with each problem on its class when it does not, and never on a published version.
 */
@SpringBootTest(classes = ServiceTestApplication.class)
class FrameworkEditorClassesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    FrameworkCatalogue catalogue;

    @Autowired
    FrameworkEditor editor;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void asAdministrator() {
        loginAs("admin.classes", Role.ADMIN);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAdministratorGivesADraftClassesChangesThemAndEachSaveIsAudited() {
        catalogue.cloneToDraft("DX-XA", "1.0", "1.0-cl-save");
        ClassesEdit empty = editor.scoreClasses("DX-XA", "1.0-cl-save");
        assertThat(empty.classes().isEmpty()).isTrue();
        assertThat(empty.display()).isEqualTo(ScoreDisplay.PERCENT);
        assertThat(empty.scaleTop()).isEqualByComparingTo("100");

        ScoreClasses three = classes(cls("Tốt", "Good", "80"), cls("Khá", "Fair", "50.5"), cls("Yếu", "Weak", "0"));
        editor.editScoreClasses("DX-XA", "1.0-cl-save", three);
        assertThat(editor.scoreClasses("DX-XA", "1.0-cl-save").classes()).isEqualTo(three);

        ScoreClasses two = classes(cls("Xuất sắc", "Excellent", "90"), cls("Tốt", "Good", "75"));
        editor.editScoreClasses("DX-XA", "1.0-cl-save", two);
        editor.editScoreClasses("DX-XA", "1.0-cl-save", two);
        assertThat(editor.scoreClasses("DX-XA", "1.0-cl-save").classes()).isEqualTo(two);

        List<AuditEvent> history = audit.history(FrameworkAudit.FRAMEWORK, frameworkId("1.0-cl-save"));
        assertThat(history).extracting(AuditEvent::action).as("a save that changes nothing records nothing")
                .containsExactly("CLONE", "EDIT", "EDIT");
        assertThat(history).extracting(AuditEvent::actor).containsOnly("admin.classes");
        JsonNode firstBefore = JSON.readTree(history.get(1).beforeJson());
        JsonNode firstAfter = JSON.readTree(history.get(1).afterJson());
        assertThat(firstBefore.get("framework").asString()).isEqualTo("DX-XA 1.0-cl-save");
        assertThat(firstBefore.get("classes")).isEmpty();
        assertThat(firstAfter.get("classes")).hasSize(3);
        assertThat(firstAfter.get("classes").get(1).get("nameVi").asString()).isEqualTo("Khá");
        assertThat(firstAfter.get("classes").get(1).get("nameEn").asString()).isEqualTo("Fair");
        assertThat(firstAfter.get("classes").get(1).get("threshold").asString()).isEqualTo("50.5");
        JsonNode secondAfter = JSON.readTree(history.get(2).afterJson());
        assertThat(JSON.readTree(history.get(2).beforeJson()).get("classes")).hasSize(3);
        assertThat(secondAfter.get("classes")).hasSize(2);
        assertThat(secondAfter.get("classes").get(0).get("nameVi").asString()).isEqualTo("Xuất sắc");

        editor.editScoreClasses("DX-XA", "1.0-cl-save", ScoreClasses.NONE);
        assertThat(editor.scoreClasses("DX-XA", "1.0-cl-save").classes().isEmpty()).as("every class removed").isTrue();
    }

    @Test
    void badClassesAreRefusedWholeWithEachProblemOnItsClassAndNothingIsSaved() {
        catalogue.cloneToDraft("DX-XA", "1.0", "1.0-cl-bad");
        ScoreClasses good = classes(cls("Đạt", "Pass", "50"));
        editor.editScoreClasses("DX-XA", "1.0-cl-bad", good);
        long rows = auditRows();

        ScoreClasses bad = classes(cls("Khá", "Fair", "60"), cls("Tốt", "Good", "80"), cls("Trung bình", "Average",
                "60"), cls("khá", "Fairish", "40"), cls("Vượt", "Over", "101"));
        ScoreClassesRefused refused = catchThrowableOfType(ScoreClassesRefused.class,
                () -> editor.editScoreClasses("DX-XA", "1.0-cl-bad", bad));

        assertThat(refused.perClass()).hasSize(5);
        assertThat(refused.perClass().get(0)).isEmpty();
        assertThat(keys(refused.perClass().get(1))).containsExactly("framework.problem.class.notOrdered");
        assertThat(keys(refused.perClass().get(2))).containsExactly("framework.problem.class.duplicateThreshold");
        assertThat(keys(refused.perClass().get(3))).containsExactly("framework.problem.class.duplicateName");
        assertThat(keys(refused.perClass().get(4))).containsExactly("framework.problem.class.outOfRange",
                "framework.problem.class.notOrdered");
        assertThat(refused.perClass().get(4).get(0).arguments()).containsExactly(new LocalizedText("Vượt", "Over"), new BigDecimal("101"), new BigDecimal("100"));
        assertThat(refused.problems()).as("the same problems, listed whole").hasSize(5)
                .isEqualTo(bad.problems("DX-XA", new BigDecimal("100")));
        assertThat(refused.perClass().get(3).stream().map(ScoreClasses::field)).containsExactly("nameVi");
        assertThat(refused.perClass().get(2).stream().map(ScoreClasses::field)).containsExactly("threshold");

        assertThat(editor.scoreClasses("DX-XA", "1.0-cl-bad").classes()).as("nothing saved").isEqualTo(good);
        assertThat(auditRows()).as("nothing audited").isEqualTo(rows);
    }

    @Test
    void aPointsDraftsThresholdsRunUpToTheSumOfItsCriteriasMaxima() {
        catalogue.cloneToDraft("DX-XA", "1.0", "1.0-cl-points");
        editor.editTitle("DX-XA", "1.0-cl-points", new LocalizedText("Chỉ số", "Index"),
                new ScoreSettings(ScoreDisplay.POINTS, 1, null));
        ClassesEdit edit = editor.scoreClasses("DX-XA", "1.0-cl-points");
        assertThat(edit.display()).isEqualTo(ScoreDisplay.POINTS);
        assertThat(edit.scaleTop()).as("27 criteria of 1 point").isEqualByComparingTo("27");

        ScoreClassesRefused refused = catchThrowableOfType(ScoreClassesRefused.class,
                () -> editor.editScoreClasses("DX-XA", "1.0-cl-points", classes(cls("Tốt", "Good", "30"))));
        assertThat(refused.perClass().get(0).get(0).arguments()).containsExactly(new LocalizedText("Tốt", "Good"), new BigDecimal("30"), new BigDecimal("27"));

        editor.editScoreClasses("DX-XA", "1.0-cl-points", classes(cls("Tốt", "Good", "27"), cls("Yếu", "Weak", "0")));
        assertThat(editor.scoreClasses("DX-XA", "1.0-cl-points").classes().classes()).hasSize(2);
    }

    @Test
    void aPublishedVersionsClassesStayAsTheyAreAndOnlyAnAdministratorEditsADrafts() {
        long rows = auditRows();
        assertThatThrownBy(() -> editor.scoreClasses("DX-XA", "1.0")).isInstanceOf(FrameworkRuleViolation.class)
                .satisfies(refused -> assertThat(keys(((FrameworkRuleViolation) refused).problems()))
                        .containsExactly("framework.problem.notDraft"));
        assertThatThrownBy(() -> editor.editScoreClasses("DX-XA", "1.0", classes(cls("Tốt", "Good", "101"))))
                .as("refused as published, before its classes are looked at")
                .isInstanceOf(FrameworkRuleViolation.class).isNotInstanceOf(ScoreClassesRefused.class);
        assertThat(jdbc.queryForObject("select count(*) from framework_score_class where framework_id = ?", Long.class,
                frameworkId("1.0"))).isZero();

        catalogue.cloneToDraft("DX-XA", "1.0", "1.0-cl-manager");
        loginAs("tinh.classes", Role.PROVINCE_MANAGER);
        assertThatThrownBy(() -> editor.editScoreClasses("DX-XA", "1.0-cl-manager",
                classes(cls("Tốt", "Good", "50")))).isInstanceOf(AccessDeniedException.class);
        loginAs("admin.classes", Role.ADMIN);
        assertThat(editor.scoreClasses("DX-XA", "1.0-cl-manager").classes().isEmpty()).isTrue();
        assertThat(auditRows()).as("only the clone").isEqualTo(rows + 1);
    }

    private long auditRows() {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }

    private long frameworkId(String version) {
        return frameworks.findByCodeAndVersion("DX-XA", version).orElseThrow().getId();
    }

    private static List<String> keys(List<FrameworkProblem> problems) {
        return problems.stream().map(FrameworkProblem::messageKey).toList();
    }

    private static ScoreClasses classes(ScoreClass... classes) {
        return new ScoreClasses(List.of(classes));
    }

    private static ScoreClass cls(String nameVi, String nameEn, String threshold) {
        return new ScoreClass(nameVi, nameEn, new BigDecimal(threshold));
    }
}
