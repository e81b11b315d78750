package org.communedx.service.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.communedx.service.audit.AuditSearch.AuditRow;
import org.communedx.service.audit.AuditSearch.Change;
import org.communedx.service.audit.AuditSearch.Subject;
import org.communedx.service.report.Labels;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTextTests {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** A period's dates and a token's expiry read as on every page, not as they are stored. */
    @Test
    void daysAndMomentsReadAsThePagesWriteThem() {
        AuditRow period = row("PERIOD", new Change("endDate", "2026-12-31", "2027-12-31"),
                new Change("expiresAt", null, "2027-03-01T17:30:00Z"), new Change("name", null, "2027-01-01 dự kiến"));

        assertThat(AuditText.changes(period, labels())).containsExactly("Ngày kết thúc: 31/12/2026 → 31/12/2027",
                "Hết hạn: 02/03/2027 00:30", "Tên: 2027-01-01 dự kiến");
    }

    /** One reading of a stored day, for the changes and for a unit list's name alike. */
    @Test
    void aStoredDayReadsAsThePagesWriteIt() {
        assertThat(AuditText.day("2025-07-01")).isEqualTo("01/07/2025");
        assertThat(AuditText.day("2025-02-30")).isEqualTo("2025-02-30");
    }

    @Test
    void somethingShapedLikeADayButNotOneStaysAsStored() {
        AuditRow period = row("PERIOD", new Change("endDate", null, "2027-02-30"));

        assertThat(AuditText.changes(period, labels())).containsExactly("Ngày kết thúc: 2027-02-30");
    }

    /** A token's role in words, as an account's: "VIEWER" is no word of the reader's. */
    @Test
    void aRoleReadsAsOnThePages() {
        assertThat(AuditText.changes(row("API_TOKEN", new Change("role", null, "VIEWER")), labels()))
                .containsExactly("Vai trò: Người xem");
        assertThat(AuditText.changes(row("USER", new Change("role", "VIEWER", "COMMUNE_STAFF")), labels()))
                .containsExactly("Vai trò: Người xem → Cán bộ xã");
    }

    /**
     * A number reads in the reader's language, as on the pages: the stored "25.5" read as 255 to a Vietnamese reader,
     * whose decimal mark is the comma. A code with a dot in it is no number and stays as stored.
     */
    @Test
    void aNumberReadsInTheReadersLanguage() {
        assertThat(AuditText.changes(row("CRITERION", new Change("target", "25.5", "55"),
                new Change("weight", null, "1000"), new Change("code", null, "1.5"),
                new Change("steps", null, "0..50.5=0; 50.5..=1")), labels()))
                .containsExactly("Chỉ tiêu: 25,5 → 55", "Trọng số: 1.000", "Mã: 1.5", "Các bậc điểm: 0..50,5=0; 50,5..=1");
        assertThat(AuditText.changes(row("CRITERION", new Change("target", "25.5", "1000")),
                new Labels(labels().messages(), Locale.ENGLISH))).containsExactly("target: 25.5 → 1,000");
    }

    /** A version's and a criterion's codes in the words of the pages, as an account's role. */
    @Test
    void aFrameworksCodesReadAsOnThePages() {
        assertThat(AuditText.changes(row("FRAMEWORK", new Change("status", "DRAFT", "PUBLISHED")), labels()))
                .containsExactly("Trạng thái: Bản nháp → Đã công bố");
        assertThat(AuditText.changes(row("CRITERION", new Change("type", null, "PERCENT"),
                new Change("scoring", null, "PROPORTIONAL"), new Change("status", null, "DRAFT")), labels()))
                .as("a code of another kind of record stays as stored")
                .containsExactly("Kiểu giá trị: Tỷ lệ phần trăm", "Cách tính điểm: Theo tỷ lệ", "Trạng thái: DRAFT");
    }

    /** A comment's entry is its row's subject, and a period's framework its label: their ids are not said again. */
    @Test
    void anIdTheRowNamesInWordsIsNotListedAsAChange() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(AuditSearch.changes(null, json.readTree("{\"entryId\": 2108, \"text\": \"Bổ sung\"}")))
                .containsExactly(new Change("text", null, "Bổ sung"));
        assertThat(AuditSearch.changes(json.readTree("{\"frameworkId\": 2, \"frameworkLabel\": \"DX-XA 1.0\"}"),
                json.readTree("{\"frameworkId\": 3, \"frameworkLabel\": \"DX-XA 2.0\"}")))
                .containsExactly(new Change("frameworkLabel", "DX-XA 1.0", "DX-XA 2.0"));
    }

    /**
     * An e-mail address given to an account that had none read "Thư điện tử: x", as if the account were made anew,
     * while taking it away read "x → (trống)".
     */
    @Test
    void aFieldFilledInARecordThatWasThereReadsFromEmpty() {
        JsonMapper json = JsonMapper.builder().build();
        List<Change> filled = AuditSearch.changes(json.readTree("{\"email\": null, \"name\": \"A\"}"),
                json.readTree("{\"email\": \"a@example.vn\", \"name\": \"A\"}"));
        List<Change> created = AuditSearch.changes(null, json.readTree("{\"email\": \"a@example.vn\"}"));

        assertThat(filled).containsExactly(new Change("email", "", "a@example.vn"));
        assertThat(created).containsExactly(new Change("email", null, "a@example.vn"));
        assertThat(AuditText.changes(row("USER", filled.get(0)), labels()))
                .containsExactly("Thư điện tử: (trống) → a@example.vn");
        assertThat(AuditText.changes(row("USER", new Change("email", "a@example.vn", null)), labels()))
                .containsExactly("Thư điện tử: a@example.vn → (trống)");
    }

    /**
     * A version made whole by a clone or an import lists its groups by code, each with its criteria's codes: every
     * field of every criterion in one row read as nothing anyone could follow.
     */
    @Test
    void codedRecordsInAListReadAsTheirCodes() {
        JsonMapper json = JsonMapper.builder().build();
        String groups = AuditSearch.text(json.readTree("""
                [{"code": "G1", "nameVi": "Nhóm một", "criteria": [{"code": "G1.C1", "type": "PERCENT"},
                  {"code": "G1.C2", "type": "LEVEL"}]}, {"code": "G2", "criteria": []}]"""));
        String classes = AuditSearch.text(json.readTree("""
                [{"nameVi": "Tốt", "threshold": "750"}, {"nameVi": "Khá", "threshold": "600"}]"""));

        assertThat(groups).isEqualTo("G1 (G1.C1, G1.C2); G2");
        assertThat(classes).as("records without a code as before").isEqualTo("Tốt / 750; Khá / 600");
    }

    private static AuditRow row(String entityType, Change... changes) {
        return new AuditRow(1, Instant.EPOCH, "admin", "Quản trị", null, null, entityType, "1", "UPDATE",
                new Subject(null, null, null, null, null, null, null), List.of(changes));
    }

    private static Labels labels() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("audit.change.set", VIETNAMESE, "{0}: {1}");
        messages.addMessage("audit.change.changed", VIETNAMESE, "{0}: {1} → {2}");
        messages.addMessage("audit.field.endDate", VIETNAMESE, "Ngày kết thúc");
        messages.addMessage("audit.field.expiresAt", VIETNAMESE, "Hết hạn");
        messages.addMessage("audit.field.name", VIETNAMESE, "Tên");
        messages.addMessage("audit.field.role", VIETNAMESE, "Vai trò");
        messages.addMessage("audit.field.email", VIETNAMESE, "Thư điện tử");
        messages.addMessage("audit.value.none", VIETNAMESE, "(trống)");
        messages.addMessage("users.role.VIEWER", VIETNAMESE, "Người xem");
        messages.addMessage("users.role.COMMUNE_STAFF", VIETNAMESE, "Cán bộ xã");
        messages.addMessage("audit.field.status", VIETNAMESE, "Trạng thái");
        messages.addMessage("audit.field.type", VIETNAMESE, "Kiểu giá trị");
        messages.addMessage("audit.field.scoring", VIETNAMESE, "Cách tính điểm");
        messages.addMessage("audit.field.target", VIETNAMESE, "Chỉ tiêu");
        messages.addMessage("audit.field.weight", VIETNAMESE, "Trọng số");
        messages.addMessage("audit.field.code", VIETNAMESE, "Mã");
        messages.addMessage("audit.field.steps", VIETNAMESE, "Các bậc điểm");
        messages.addMessage("audit.change.changed", Locale.ENGLISH, "{0}: {1} → {2}");
        messages.addMessage("framework.status.DRAFT", VIETNAMESE, "Bản nháp");
        messages.addMessage("framework.status.PUBLISHED", VIETNAMESE, "Đã công bố");
        messages.addMessage("criterion.type.PERCENT", VIETNAMESE, "Tỷ lệ phần trăm");
        messages.addMessage("framework.scoring.PROPORTIONAL", VIETNAMESE, "Theo tỷ lệ");
        return new Labels(messages, VIETNAMESE);
    }
}
