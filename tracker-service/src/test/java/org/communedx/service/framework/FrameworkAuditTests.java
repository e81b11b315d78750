package org.communedx.service.framework;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.communedx.model.framework.Comparison;
import org.communedx.model.framework.CriterionDefinition;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.framework.FrameworkRuleViolation;
import org.communedx.model.framework.LocalizedText;
import org.communedx.model.framework.MeasurementType;
import org.communedx.model.framework.ScoreDisplay;
import org.communedx.model.framework.ScoreSettings;
import org.communedx.model.framework.ScoreStep;
import org.communedx.model.framework.ScoringRule;
import org.communedx.model.user.Role;
import org.communedx.service.ServiceTestApplication;
import org.communedx.service.audit.AuditLog;
import org.communedx.service.audit.AuditLog.AuditEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communedx.service.assessment.WorkflowFixtures.loginAs;

/** Every framework change leaves its audit row, with who and what before and after; a refused one leaves none. */
@SpringBootTest(classes = ServiceTestApplication.class)
class FrameworkAuditTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    FrameworkCatalogue catalogue;

    @Autowired
    FrameworkEditor editor;

    @Autowired
    FrameworkTransfer transfer;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void asAdministrator() {
        loginAs("admin.audit", Role.ADMIN);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCloneRecordsTheWholeDraftAndATitleEditItsTitlesAndScoreSettings() {
        catalogue.cloneToDraft("DX-XA", "1.0", "1.0-au-title");
        long id = frameworkId("DX-XA", "1.0-au-title");

        editor.editTitle("DX-XA", "1.0-au-title", new LocalizedText("Mô hình sửa", "Revised model"),
                new ScoreSettings(ScoreDisplay.POINTS, 1, new BigDecimal("27.00")));

        List<AuditEvent> history = audit.history(FrameworkAudit.FRAMEWORK, id);
        assertThat(history).extracting(AuditEvent::action).containsExactly("CLONE", "EDIT");
        assertThat(history).extracting(AuditEvent::actor).containsOnly("admin.audit");
        AuditEvent clone = history.get(0);
        assertThat(clone.beforeJson()).isNull();
        JsonNode cloned = json(clone.afterJson());
        assertThat(text(cloned, "clonedFrom")).isEqualTo("DX-XA 1.0");
        assertThat(text(cloned, "framework")).isEqualTo("DX-XA 1.0-au-title");
        assertThat(text(cloned, "status")).isEqualTo("DRAFT");
        assertThat(cloned.get("groups")).hasSize(6);
        JsonNode firstCriterion = cloned.get("groups").get(0).get("criteria").get(0);
        assertThat(text(firstCriterion, "code")).isEqualTo("G1.C1");
        assertThat(text(firstCriterion, "weight")).isEqualTo("1");
        assertThat(text(firstCriterion, "scoring")).isEqualTo("ALL_OR_NOTHING");

        JsonNode before = json(history.get(1).beforeJson());
        JsonNode after = json(history.get(1).afterJson());
        assertThat(text(before, "scoreDisplay")).isEqualTo("PERCENT");
        assertThat(before.get("declaredTotal").isNull()).isTrue();
        assertThat(text(after, "titleVi")).isEqualTo("Mô hình sửa");
        assertThat(text(after, "titleEn")).isEqualTo("Revised model");
        assertThat(text(after, "scoreDisplay")).isEqualTo("POINTS");
        assertThat(after.get("scoreDecimals").asInt()).isEqualTo(1);
        assertThat(text(after, "declaredTotal")).isEqualTo("27");
        assertThat(after.has("groups")).as("an edit records the version, not its contents").isFalse();
    }

    @Test
    void groupChangesRecordTheGroupAndARemovalItsCriteriaWhole() {
        catalogue.cloneToDraft("DX-XA", "1.0", "1.0-au-groups");
        long g7 = editor.addGroup("DX-XA", "1.0-au-groups", "G7", new LocalizedText("Nhóm thử", "Trial group"));
        editor.editGroup("DX-XA", "1.0-au-groups", g7, "G8", new LocalizedText("Nhóm mới", "New group"));
        long criterion = editor.addCriterion("DX-XA", "1.0-au-groups", g7, definition("G8.C1", BigDecimal.TEN,
                ScoringRule.PROPORTIONAL));
        editor.moveGroup("DX-XA", "1.0-au-groups", g7, -1);
        editor.moveGroup("DX-XA", "1.0-au-groups", groupId("1.0-au-groups", "G1"), -1);
        editor.removeGroup("DX-XA", "1.0-au-groups", g7);

        List<AuditEvent> history = audit.history(FrameworkAudit.GROUP, g7);
        assertThat(history).extracting(AuditEvent::action).containsExactly("CREATE", "EDIT", "MOVE", "REMOVE");
        assertThat(history).extracting(AuditEvent::actor).containsOnly("admin.audit");
        JsonNode created = json(history.get(0).afterJson());
        assertThat(text(created, "framework")).isEqualTo("DX-XA 1.0-au-groups");
        assertThat(text(created, "code")).isEqualTo("G7");
        assertThat(text(created, "nameVi")).isEqualTo("Nhóm thử");
        assertThat(created.get("place").asInt()).isEqualTo(7);
        assertThat(text(json(history.get(1).beforeJson()), "code")).isEqualTo("G7");
        assertThat(text(json(history.get(1).afterJson()), "code")).isEqualTo("G8");
        assertThat(text(json(history.get(1).afterJson()), "nameEn")).isEqualTo("New group");
        assertThat(json(history.get(2).beforeJson()).get("place").asInt()).isEqualTo(7);
        assertThat(json(history.get(2).afterJson()).get("place").asInt()).isEqualTo(6);
        JsonNode removed = json(history.get(3).beforeJson());
        assertThat(removed.get("criteria")).extracting(JsonNode::asString).containsExactly("G8.C1");
        assertThat(history.get(3).afterJson()).isNull();

        assertThat(audit.history(FrameworkAudit.CRITERION, criterion)).extracting(AuditEvent::action)
                .as("the criterion removed with its group").containsExactly("CREATE", "REMOVE");
        JsonNode criterionRemoved = json(audit.history(FrameworkAudit.CRITERION, criterion).get(1).beforeJson());
        assertThat(text(criterionRemoved, "code")).isEqualTo("G8.C1");
        assertThat(text(criterionRemoved, "scoring")).isEqualTo("PROPORTIONAL");
    }

    @Test
    void aMovePastTheEndChangesNothingAndRecordsNothing() {
        catalogue.cloneToDraft("DX-XA", "1.0", "1.0-au-edge");
        long g1 = groupId("1.0-au-edge", "G1");

        editor.moveGroup("DX-XA", "1.0-au-edge", g1, -1);

        assertThat(audit.history(FrameworkAudit.GROUP, g1)).isEmpty();
    }

    @Test
    void criterionChangesRecordItsDefinitionWithTheScoringRuleAndSteps() {
        catalogue.cloneToDraft("DX-XA", "1.0", "1.0-au-crit");
        long g1 = groupId("1.0-au-crit", "G1");
        ScoringRule steps = ScoringRule.steps(List.of(new ScoreStep(BigDecimal.ZERO, new BigDecimal("50"),
                BigDecimal.ZERO), new ScoreStep(new BigDecimal("50"), null, new BigDecimal("4"))));
        long id = editor.addCriterion("DX-XA", "1.0-au-crit", g1, definition("G1.C9", new BigDecimal("4"),
                steps));
        editor.editCriterion("DX-XA", "1.0-au-crit", id, 0L, definition("G1.C9", new BigDecimal("6"),
                ScoringRule.steps(List.of(new ScoreStep(BigDecimal.ZERO, null, new BigDecimal("6"))))));
        // Saved again as it is: nothing changed, nothing recorded (it was an "Edited" row naming no field).
        editor.editCriterion("DX-XA", "1.0-au-crit", id, rowVersion(id), definition("G1.C9", new BigDecimal("6"),
                ScoringRule.steps(List.of(new ScoreStep(BigDecimal.ZERO, null, new BigDecimal("6"))))));
        editor.moveCriterion("DX-XA", "1.0-au-crit", id, -1);
        editor.removeCriterion("DX-XA", "1.0-au-crit", id);

        List<AuditEvent> history = audit.history(FrameworkAudit.CRITERION, id);
        assertThat(history).extracting(AuditEvent::action).containsExactly("CREATE", "EDIT", "MOVE", "REMOVE");
        assertThat(history).extracting(AuditEvent::actor).containsOnly("admin.audit");
        JsonNode created = json(history.get(0).afterJson());
        assertThat(text(created, "framework")).isEqualTo("DX-XA 1.0-au-crit");
        assertThat(text(created, "group")).isEqualTo("G1");
        assertThat(text(created, "type")).isEqualTo("PERCENT");
        assertThat(text(created, "target")).isEqualTo("80");
        assertThat(text(created, "comparison")).isEqualTo("AT_LEAST");
        assertThat(text(created, "scoring")).isEqualTo("STEPS");
        assertThat(text(created, "steps")).as("as the editor writes them").isEqualTo("0..50=0; 50..=4");

        JsonNode editedBefore = json(history.get(1).beforeJson());
        JsonNode editedAfter = json(history.get(1).afterJson());
        assertThat(text(editedBefore, "weight")).isEqualTo("4");
        assertThat(text(editedAfter, "weight")).isEqualTo("6");
        assertThat(text(editedAfter, "steps")).isEqualTo("0..=6");

        int lastPlace = json(history.get(2).beforeJson()).get("place").asInt();
        assertThat(json(history.get(2).afterJson()).get("place").asInt()).isEqualTo(lastPlace - 1);
        assertThat(text(json(history.get(3).beforeJson()), "code")).isEqualTo("G1.C9");
        assertThat(history.get(3).afterJson()).isNull();
    }

    @Test
    void anImportRecordsTheWholeDraftAndPublishAndRetireTheStatus() {
        String yaml = new String(transfer.exportYaml("DX-XA", "1.0").content(), StandardCharsets.UTF_8)
                .replace("code: \"DX-XA\"", "code: \"AUDIT-XA\"");
        assertThat(yaml).contains("code: \"AUDIT-XA\"");

        transfer.importDraft(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)), "1");
        catalogue.publish("AUDIT-XA", "1");
        catalogue.retire("AUDIT-XA", "1");

        List<AuditEvent> history = audit.history(FrameworkAudit.FRAMEWORK, frameworkId("AUDIT-XA", "1"));
        assertThat(history).extracting(AuditEvent::action).containsExactly("IMPORT_FRAMEWORK", "PUBLISH", "RETIRE");
        assertThat(history).extracting(AuditEvent::actor).containsOnly("admin.audit");
        JsonNode imported = json(history.get(0).afterJson());
        assertThat(history.get(0).beforeJson()).isNull();
        assertThat(text(imported, "framework")).isEqualTo("AUDIT-XA 1");
        assertThat(imported.get("groups")).hasSize(6);
        assertThat(imported.get("groups").get(5).get("criteria").get(0).has("typicalEvidenceVi")).isTrue();
        assertThat(text(json(history.get(1).beforeJson()), "status")).isEqualTo("DRAFT");
        assertThat(text(json(history.get(1).afterJson()), "status")).isEqualTo("PUBLISHED");
        assertThat(json(history.get(1).afterJson()).get("publishedAt").isNull()).isFalse();
        assertThat(text(json(history.get(2).beforeJson()), "status")).isEqualTo("PUBLISHED");
        assertThat(text(json(history.get(2).afterJson()), "status")).isEqualTo("RETIRED");
    }

    @Test
    void aRefusedChangeWritesNoAuditRow() {
        catalogue.cloneToDraft("DX-XA", "1.0", "1.0-au-refused");
        long g1 = groupId("1.0-au-refused", "G1");
        editor.addGroup("DX-XA", "1.0-au-refused", "G9", new LocalizedText("Nhóm trống", "Empty group"));
        long rows = auditRows();

        assertThatThrownBy(() -> catalogue.publish("DX-XA", "1.0-au-refused"))
                .as("an empty group").isInstanceOf(FrameworkRuleViolation.class);
        assertThatThrownBy(() -> editor.editGroup("DX-XA", "1.0-au-refused", g1, "G9",
                new LocalizedText("Trùng", "Taken"))).isInstanceOf(FrameworkRuleViolation.class);
        assertThatThrownBy(() -> editor.addCriterion("DX-XA", "1.0-au-refused", g1, definition("G1.C1",
                BigDecimal.ONE, ScoringRule.ALL_OR_NOTHING))).isInstanceOf(FrameworkRuleViolation.class);
        assertThatThrownBy(() -> catalogue.retire("DX-XA", "1.0-au-refused"))
                .as("only a published version retires").isInstanceOf(FrameworkRuleViolation.class);
        assertThatThrownBy(() -> editor.editTitle("DX-XA", "1.0", new LocalizedText("Sửa", "Edit"),
                ScoreSettings.PERCENT)).as("a published version").isInstanceOf(FrameworkRuleViolation.class);
        assertThatThrownBy(() -> transfer.importDraft(new ByteArrayResource("code: [".getBytes(StandardCharsets.UTF_8)),
                "9.9-audit")).isInstanceOf(FrameworkImportRefused.class);
        assertThatThrownBy(() -> transfer.importDraft(new ByteArrayResource(transfer.exportYaml("DX-XA", "1.0")
                .content()), "1.0")).as("a version taken").isInstanceOf(FrameworkImportRefused.class);

        assertThat(auditRows()).as("nothing audited").isEqualTo(rows);
    }

    private long auditRows() {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }

    private long frameworkId(String code, String version) {
        return frameworks.findByCodeAndVersion(code, version).orElseThrow().getId();
    }

    private long groupId(String version, String groupCode) {
        return jdbc.queryForObject("""
                select g.id from criterion_group g join framework f on f.id = g.framework_id
                where f.code = 'DX-XA' and f.version = ? and g.code = ?""", Long.class, version, groupCode);
    }

    private static CriterionDefinition definition(String code, BigDecimal weight, ScoringRule scoring) {
        return new CriterionDefinition(code, new LocalizedText("Tiêu chí " + code, "Criterion " + code), null,
                MeasurementType.PERCENT, new BigDecimal("80"), Comparison.AT_LEAST, null, weight, scoring, null,
                false);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).asString();
    }

    private long rowVersion(long criterionId) {
        return jdbc.queryForObject("select row_version from criterion where id = ?", Long.class, criterionId);
    }
}
