package org.communedx.web.mapping;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.communedx.model.assessment.Assessment;
import org.communedx.model.assessment.AssessmentRepository;
import org.communedx.model.assessment.CriterionEntry;
import org.communedx.model.assessment.EntryValue;
import org.communedx.model.evidence.Evidence;
import org.communedx.model.evidence.EvidenceMetadata;
import org.communedx.model.evidence.EvidenceRepository;
import org.communedx.model.evidence.EvidenceType;
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
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.web.support.JobPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator uploads a mapping between two versions of a framework of this test's own (IT-MAP 1.0 and 2.0,
 * each with a period of its own in 2017 and 2018, years no other test uses), prefills the new period, and Xã Yên
 * Phú's staff find the value carried over on the entry page.
 */
@TrackerIntegrationTest
class MappingIT {

    private static final String PASSWORD = "Demo@2025!";

    private static final String MAPPING = """
            fromCode: IT-MAP
            fromVersion: "1.0"
            toCode: IT-MAP
            toVersion: "2.0"
            links:
              - kind: SAME
                from: A
                to: A
              - kind: SPLIT
                from: B
                to: B1, B2
              - kind: DROPPED
                from: C
              - kind: NEW
                to: N
            """;

    @LocalServerPort
    int port;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    PeriodRepository periods;

    @Autowired
    AssessmentRepository assessments;

    @Autowired
    EvidenceRepository evidence;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void anAdministratorMapsVersionsAndPrefillsAPeriodThatCommunesSeeCarriedOver() {
        long[] periodIds = periodsWithOldValues();
        long newPeriod = periodIds[1];
        WebClient admin = new WebClient(port).login("admin", PASSWORD);
        String token = WebClient.csrfToken(admin.get("/mappings"));

        HttpResponse<String> refused = admin.postMultipart("/mappings/import", Map.of("_csrf", token), "sai.yaml",
                MAPPING.replace("to: B1, B2", "to: B1, GHOST").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"import-problems\"").contains("Phiên bản mới 2.0 không có tiêu chí GHOST.")
                .contains("Tiêu chí B2 của phiên bản mới 2.0 chưa có trong liên kết nào");
        assertThat(admin.get("/mappings").body()).doesNotContain("IT-MAP 1.0");

        HttpResponse<String> imported = admin.postMultipart("/mappings/import", Map.of("_csrf", token), "anh-xa.yaml",
                MAPPING.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).isEqualTo(302);
        String mappingPage = imported.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(admin.get("/mappings").body()).contains("IT-MAP 1.0").contains("IT-MAP 2.0");
        String page = admin.get(mappingPage).body();
        assertThat(page).contains("Đã nhập ánh xạ.").contains("Tách").contains("chuyển giá trị");
        assertThat(new String(admin.download(mappingPage + "/export/yaml").body(), StandardCharsets.UTF_8))
                .contains("B1, B2");

        String job = JobPages.jobOf(admin.post(mappingPage + "/prefill", "_csrf=" + enc(token) + "&periodId="
                + newPeriod), "/mappings/prefill/jobs/");
        assertThat(JobPages.done(admin, job)).contains("1 xã, 3 giá trị chuyển sang ở dạng bản nháp, 1 tệp minh chứng");

        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        String entry = staff.get("/communes/05305/periods/" + newPeriod + "/criteria/A").body();
        assertThat(entry).contains("id=\"carried-over\"").contains("Giá trị chuyển từ kỳ trước")
                .contains("Hãy kiểm tra giá trị và minh chứng rồi gửi duyệt").contains("Quyết định thử");
        assertThat(entry).contains("entry-status").contains("Đang soạn");
        assertThat(staff.get("/communes/05305/periods/" + newPeriod + "/criteria/B2").body())
                .contains("id=\"carried-over\"");
        assertThat(staff.get("/communes/05305/periods/" + newPeriod + "/criteria/N").body())
                .doesNotContain("id=\"carried-over\"");

        String again = admin.post(mappingPage + "/prefill", "_csrf=" + enc(token) + "&periodId=" + newPeriod).body();
        assertThat(again).contains("id=\"prefill-problems\"").contains("Xã Yên Phú (05305) đã có 3 tiêu chí được nhập");
    }

    @Test
    void onlyAdministratorsReachMappings() {
        WebClient manager = new WebClient(port).login("tinh.hoabinh", PASSWORD);
        assertThat(manager.get("/mappings").statusCode()).isEqualTo(403);
        String token = WebClient.csrfToken(manager.get("/account"));
        assertThat(manager.postMultipart("/mappings/import", Map.of("_csrf", token), "anh-xa.yaml",
                MAPPING.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        assertThat(staff.post("/mappings/1/prefill", "_csrf=" + enc(WebClient.csrfToken(staff.get("/account")))
                + "&periodId=1").statusCode()).isEqualTo(403);

        WebClient admin = new WebClient(port).login("admin", PASSWORD);
        assertThat(admin.get("/mappings/999999").statusCode()).isEqualTo(404);
        assertThat(admin.get("/mappings/prefill/jobs/00000000-0000-0000-0000-000000000000").statusCode())
                .isEqualTo(404);
    }

    /**
     * The two versions, a 2017 period on the old one where Yên Phú has A approved with a file and B entered, and a
     * 2018 period on the new one; both open to the communes for a year more.
     */
    private long[] periodsWithOldValues() {
        return transaction.execute(status -> {
            Framework old = frameworks.findByCodeAndVersion("IT-MAP", "1.0").orElseGet(() -> frameworks.save(
                    published("1.0", "A", MeasurementType.BOOLEAN, "B", MeasurementType.COUNT, "C",
                            MeasurementType.COUNT)));
            Framework next = frameworks.findByCodeAndVersion("IT-MAP", "2.0").orElseGet(() -> frameworks.save(
                    published("2.0", "A", MeasurementType.BOOLEAN, "B1", MeasurementType.COUNT, "B2",
                            MeasurementType.COUNT, "N", MeasurementType.BOOLEAN)));
            Period oldPeriod = periods.save(new Period(new PeriodTerms("Ánh xạ cũ " + System.nanoTime(), 2017,
                    LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31), LocalDate.now().plusYears(1)), old));
            Period newPeriod = periods.save(new Period(new PeriodTerms("Ánh xạ mới " + System.nanoTime(), 2018,
                    LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), LocalDate.now().plusYears(1)), next));
            Instant now = Instant.now();
            Assessment assessment = assessments.saveAndFlush(Assessment.open(
                    units.findByCodeValidOn("05305", LocalDate.of(2017, 6, 1)).orElseThrow(), oldPeriod, now));
            CriterionEntry a = assessment.entry("A").orElseThrow();
            a.saveValue(new EntryValue.YesNo(true), "Đã triển khai", "xa.yenphu", now);
            a.submit(0, "xa.yenphu", now);
            a.approve("huyen.lacson", now);
            assessment.entry("B").orElseThrow().saveValue(new EntryValue.Count(4), null, "xa.yenphu", now);
            evidence.save(new Evidence(a, "cd".repeat(32), 10, EvidenceType.PDF, "qd.pdf", "qd.pdf",
                    new EvidenceMetadata("7/QĐ", "Quyết định thử", "UBND xã", LocalDate.of(2017, 3, 1)), "xa.yenphu",
                    now));
            assessments.flush();
            return new long[] { oldPeriod.getId(), newPeriod.getId() };
        });
    }

    private static Framework published(String version, Object... codesAndTypes) {
        Framework framework = Framework.draft("IT-MAP", version, new LocalizedText("Thử ánh xạ", "Mapping test"));
        CriterionGroup group = framework.addGroup("G1", new LocalizedText("Nhóm", "Group"));
        for (int i = 0; i < codesAndTypes.length; i += 2) {
            String code = (String) codesAndTypes[i];
            group.addCriterion(new CriterionDefinition(code, new LocalizedText(code, code), null,
                    (MeasurementType) codesAndTypes[i + 1], BigDecimal.ONE, Comparison.AT_LEAST, null, BigDecimal.ONE,
                    null, false));
        }
        framework.publish(Instant.parse("2017-01-01T00:00:00Z"));
        return framework;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
