package org.communedx.web.unit;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.communedx.service.testsupport.GeneratedLines;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile imports over HTTP, at the default limits: a 68 MB list of a million rows and a 50 MB cell are refused with
 * the page's message, nothing is saved, and the server answers at once afterwards (it once ran out of memory and
 * then answered nothing for eleven minutes). The files are made as they are sent; the test never holds them.
 */
@TrackerIntegrationTest
class UnitImportLimitsIT {

    private static final String HEADER = "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp";

    @LocalServerPort
    int port;

    @Test
    void refusesAMillionRowListWithoutSavingAndStaysHealthy() {
        WebClient admin = new WebClient(port).login("admin", UnitIT.DEMO_PASSWORD);
        String token = WebClient.csrfToken(admin.get("/units/import"));
        // 1,000,001 rows of 68 bytes or so, codes 90000 to 99999 over and over, in a province of its own (94).
        GeneratedLines list = new GeneratedLines(HEADER, 1_000_001,
                row -> "Tỉnh Thử Tải,94,Huyện Thử Tải,940,Xã Thử Tải " + row + "," + (90000 + row % 10000) + ",Xã");

        long start = System.nanoTime();
        HttpResponse<String> refused = upload(admin, token, list);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Tệp không được nhập vì có 1 lỗi",
                "Tệp có hơn 50.000 dòng dữ liệu, quá giới hạn của một lần nhập.");
        assertThat(admin.get("/api/v1/units/940?asOf=2025-03-01", "application/json").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/units/90001?asOf=2025-03-01", "application/json").statusCode()).isEqualTo(404);
        System.out.printf("UnitImportLimitsIT: a million-row list (%,d bytes sent) refused in %d ms%n",
                list.bytesRead(), took.toMillis());
        assertHealthyAtOnce();
    }

    @Test
    void refusesAFiftyMegabyteCellAtItsLine() {
        WebClient admin = new WebClient(port).login("admin", UnitIT.DEMO_PASSWORD);
        String token = WebClient.csrfToken(admin.get("/units/import"));
        // One quoted cell that opens on line 2 and runs for 50 MB of short lines.
        GeneratedLines cell = new GeneratedLines(HEADER + "\n\"", 1_000_000, row -> "x".repeat(49));

        HttpResponse<String> refused = upload(admin, token, cell);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Dòng 2:", "Có ô dài hơn 1.000 ký tự, quá giới hạn của một ô.");
        assertHealthyAtOnce();
    }

    @Test
    void saysTheLimitsInEnglishToo() {
        WebClient admin = new WebClient(port).login("admin", UnitIT.DEMO_PASSWORD);
        String token = WebClient.csrfToken(admin.get("/units/import?lang=en"));
        GeneratedLines list = new GeneratedLines(HEADER, 50_001,
                row -> "Tỉnh Thử Tải,94,Huyện Thử Tải,940,Xã Thử Tải " + row + "," + (90000 + row % 10000) + ",Xã");

        String page = upload(admin, token, list).body();

        assertThat(page).contains("The file has more than 50,000 data rows, the most one import takes.");
        assertThat(admin.get("/units/import").body())
                .contains("Limits: at most 16 MB a file, 50,000 data rows, 1,000 characters a cell.");
    }

    /** The form sent with no file chosen carries an empty part without a name: that is no file, not an empty one. */
    @Test
    void anEmptyFileIsToldApartFromNoFile() {
        WebClient admin = new WebClient(port).login("admin", UnitIT.DEMO_PASSWORD);
        Map<String, String> fields = Map.of("_csrf", WebClient.csrfToken(admin.get("/units/import")), "listDate",
                "2025-03-01");

        String empty = admin.postMultipart("/units/import/list", fields, "danh-muc.csv", new byte[0]).body();
        String none = admin.postMultipart("/units/import/list", fields, "", new byte[0]).body();

        assertThat(empty).contains("Tệp trống; chưa có gì được nhập.").doesNotContain("Hãy chọn một tệp.");
        assertThat(none).contains("Hãy chọn một tệp.").doesNotContain("Tệp trống");
    }

    /**
     * A refused file comes back on the form as it was filled, with the menu of every page: its language switch
     * leads to the form's page, since the address the form posted to answers no GET (it once answered 403).
     */
    @Test
    void aRefusedFileKeepsTheFormAndTheMenu() {
        WebClient admin = new WebClient(port).login("admin", UnitIT.DEMO_PASSWORD);
        Map<String, String> fields = Map.of("_csrf", WebClient.csrfToken(admin.get("/units/import")), "listDate",
                "2025-03-01");

        String refused = admin.postMultipart("/units/import/list", fields, "danh-muc.csv",
                "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).body();

        assertThat(refused).contains("id=\"import-problems\"", "name=\"listDate\" value=\"2025-03-01\"",
                "href=\"/units/import?lang=en\"", "id=\"sample-data-label\"");
        assertThat(admin.get("/units/import?lang=en").statusCode()).isEqualTo(200);
    }

    /**
     * A merge mapping sent with province codes that are not codes, or without its date, comes back with each refusal
     * said at its field and linked to it for screen readers; nothing is imported.
     */
    @Test
    void aMergeFormRefusedSaysWhyAtEachField() {
        WebClient admin = new WebClient(port).login("admin", UnitIT.DEMO_PASSWORD);
        byte[] mapping = ("new_province_code,new_province_name,new_unit_code,new_unit_name,old_unit_code,old_unit_name,"
                + "merge_type\n25,Tỉnh Phú Thọ,05305,Xã Yên Phú,05302,Xã Xuất Hóa,FULL\n")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> fields = Map.of("_csrf", WebClient.csrfToken(admin.get("/units/import")),
                "provinceCodes", "25, 2x", "effectiveDate", "", "legalBasis", "x".repeat(301));

        HttpResponse<String> refused = admin.postMultipart("/units/import/merges", fields, "sap-xep.csv", mapping);

        assertThat(refused.statusCode()).as("the form again, no job started").isEqualTo(200);
        assertThat(refused.body()).contains(
                "aria-describedby=\"provinceCodes-help provinceCodes-error\" aria-invalid=\"true\"",
                "id=\"provinceCodes-error\"",
                "Chỉ nhập mã tỉnh bằng chữ số, cách nhau bằng dấu phẩy hoặc dấu cách, tối đa 300 ký tự.",
                "aria-describedby=\"effectiveDate-error\" aria-invalid=\"true\"", "Hãy chọn ngày.",
                "aria-describedby=\"legalBasis-error\" aria-invalid=\"true\"", "Căn cứ pháp lý dài tối đa 300 ký tự.");
    }

    private static HttpResponse<String> upload(WebClient admin, String token, InputStream file) {
        return admin.postMultipart("/units/import/list", Map.of("_csrf", token, "listDate", "2025-03-01"),
                "danh-muc.csv", file);
    }

    /** The health check answers UP within a second (stretched as the budget allows on a busy machine). */
    private void assertHealthyAtOnce() {
        long start = System.nanoTime();
        HttpResponse<String> health = new WebClient(port).get("/actuator/health", "application/json");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(took).isLessThan(TestWait.target(Duration.ofSeconds(1)));
        System.out.printf("UnitImportLimitsIT: /actuator/health answered UP in %d ms%n", took.toMillis());
    }
}
