package org.communedx.web.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * Exports and printable reports over HTTP, on the demo data's Huyện Lạc Sơn, Tỉnh Hòa Bình, in Năm 2025: the last
 * period of both, which the 2025 reform ended on 30 June.
 */
@TrackerIntegrationTest
class ReportIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    JdbcClient jdbc;

    long period;

    WebClient province;

    @BeforeEach
    void provincialManager() {
        period = periods.findByName("Năm 2025").orElseThrow().getId();
        province = new WebClient(port).login("tinh.hoabinh", PASSWORD);
    }

    @Test
    void aCommuneScorecardDownloadsAsCsvWithAByteOrderMarkAndAsXlsx() throws IOException {
        HttpResponse<byte[]> csv = province.download("/communes/05305/periods/" + period + "/export.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Bang-diem-Xa-Yen-Phu-Nam-2025.csv\"; filename*=UTF-8''"
                        + "B%E1%BA%A3ng%20%C4%91i%E1%BB%83m%20X%C3%A3%20Y%C3%AAn%20Ph%C3%BA%20N%C4%83m%202025.csv");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = lines(csv.body());
        assertThat(lines.get(0)).startsWith("Mã xã,Tên xã,Kỳ đánh giá,Mã nhóm,Nhóm tiêu chí,Mã tiêu chí,Tiêu chí,");
        assertThat(lines).hasSize(28);
        assertThat(lines.get(1)).startsWith("05305,Xã Yên Phú,Năm 2025,G1,");

        HttpResponse<byte[]> xlsx = province.download("/communes/05305/periods/" + period + "/export.xlsx");

        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(XLSX);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment; filename=\"Bang-diem-Xa-Yen-Phu-Nam-2025.xlsx\""));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet criteria = workbook.getSheet("Tiêu chí");
            assertThat(criteria.getLastRowNum()).isEqualTo(27);
            assertThat(text(criteria.getRow(1))).startsWith("05305|Xã Yên Phú|Năm 2025|G1|");
            assertThat(text(workbook.getSheet("Mức hoàn thành").getRow(7))).startsWith("|Toàn bộ bộ tiêu chí|");
        }
    }

    @Test
    void aDistrictRollupAndItsEntriesDownloadAsCsvAndXlsx() throws IOException {
        province.get("/communes/05305/periods/" + period);

        HttpResponse<byte[]> rollup = province.download("/units/157/periods/" + period + "/rollup.csv");

        assertThat(rollup.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(rollup.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment; filename=\"Tong-hop-Huyen-Lac-Son-Nam-2025.csv\""));
        List<String> rows = lines(rollup.body());
        assertThat(rows.get(0)).isEqualTo("Hạng,Mã xã,Tên xã,Mã đơn vị cấp trên,Đơn vị cấp trên,Đã xác nhận (%),Kê khai (%),"
                + "Đã xác nhận G1 (%),Đã xác nhận G2 (%),Đã xác nhận G3 (%),Đã xác nhận G4 (%),Đã xác nhận G5 (%),"
                + "Đã xác nhận G6 (%)");
        assertThat(rows).hasSize(25).anySatisfy(row -> assertThat(row).matches("\\d+,05305,Xã Yên Phú,157,Huyện Lạc Sơn,.*"));

        HttpResponse<byte[]> rollupXlsx = province.download("/units/157/periods/" + period + "/rollup.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(rollupXlsx.body()))) {
            assertThat(workbook.getSheet("Các xã").getLastRowNum()).isEqualTo(24);
            assertThat(text(workbook.getSheet("Tổng hợp").getRow(0))).as("not the word for a criterion's target")
                    .startsWith("Nội dung|");
            assertThat(text(workbook.getSheet("Tổng hợp").getRow(1))).isEqualTo("Đơn vị|Huyện Lạc Sơn");
        }

        HttpResponse<byte[]> entries = province.download("/units/157/periods/" + period + "/entries.csv");

        assertThat(entries.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(
                disposition).startsWith("attachment; filename=\"Du-lieu-tieu-chi-Huyen-Lac-Son-Nam-2025.csv\""));
        assertThat(lines(entries.body())).first().isEqualTo("Mã xã,Tên xã,Mã tiêu chí,Nhóm,Trạng thái,Giá trị,"
                + "Giá trị đo,Đạt chỉ tiêu,Giải trình,Thay đổi lúc,Người thay đổi");
        // The demo's sample commune has stored entries; reading a scorecard stores none.
        assertThat(lines(entries.body())).anySatisfy(row -> assertThat(row)
                .startsWith("05266,Thị trấn Vụ Bản,G1.C1,G1,"));

        HttpResponse<byte[]> entriesXlsx = province.download("/units/157/periods/" + period + "/entries.xlsx");
        assertThat(entriesXlsx.headers().firstValue("Content-Type")).hasValue(XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(entriesXlsx.body()))) {
            Sheet sheet = workbook.getSheet("Dữ liệu tiêu chí");
            List<String> codes = new ArrayList<>();
            sheet.forEach(row -> codes.add(row.getCell(0).getStringCellValue()));
            assertThat(codes).contains("05266");
        }
    }

    @Test
    void headersFollowTheUsersLanguage() {
        province.get("/account?lang=en");

        List<String> rows = lines(province.download("/units/157/periods/" + period + "/rollup.csv").body());

        assertThat(rows.get(0)).startsWith("Rank,Commune code,Commune,Parent unit code,Parent unit,Verified (%),");
    }

    @Test
    void theDistrictReportIsAPdfWithVietnameseTextIntactAndItsFontEmbedded() throws IOException {
        HttpResponse<byte[]> pdf = province.download("/units/157/periods/" + period + "/report.pdf");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(
                disposition).startsWith("attachment; filename=\"Bao-cao-Huyen-Lac-Son-Nam-2025.pdf\""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "UBND HUYỆN LẠC SƠN", "Huyện Lạc Sơn, Tỉnh Hòa Bình — Năm 2025", "Xã Yên Phú", "Xã Ân Nghĩa",
                    "Dữ liệu mẫu:");
            assertThat(text).containsPattern("Lạc Sơn, ngày \\d{2} tháng \\d{2} năm \\d{4}");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.getName()).contains("LiberationSerif");
                assertThat(font.isEmbedded()).isTrue();
            });
        }
    }

    @Test
    void theCommuneReportIsAPrintablePageWithItsPdfBeside() throws IOException {
        HttpResponse<String> page = province.get("/communes/05305/periods/" + period + "/report");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND XÃ YÊN PHÚ", "UBND HUYỆN LẠC SƠN",
                "Xã Yên Phú, Huyện Lạc Sơn — Năm 2025",
                "href=\"/communes/05305/periods/" + period + "/report.pdf\"", "id=\"print-report\" hidden",
                "id=\"sample-data-label\"");
        assertThat(page.body()).doesNotContain(" style=", "<style", "onclick");
        assertThat(page.body()).containsPattern("/assets/css/report-[0-9a-f]{32}\\.css")
                .containsPattern("/assets/js/report-[0-9a-f]{32}\\.js");

        byte[] pdf = province.download("/communes/05305/periods/" + period + "/report.pdf").body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND XÃ YÊN PHÚ",
                    "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ CẤP XÃ", "G6.", "Dữ liệu mẫu:")
                    .doesNotContain("Tải PDF", "In báo cáo");
            // Tagged for a screen reader: a structure of headings and tables, the language, the title shown.
            var catalog = document.getDocumentCatalog();
            assertThat(catalog.getStructureTreeRoot()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("vi");
            assertThat(document.getDocumentInformation().getTitle()).contains("Xã Yên Phú");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
        }
    }

    /**
     * A points index's report (Phú Thọ's Xã Nhân Nghĩa in Năm 2026) keeps its seven columns inside the A4 page's
     * margins: a value kept whole on one line ("49/49 (100,00%)") had pushed the points column past the edge ("50,00 /
     * 50 điể") and squeezed the criteria to a word a line, ten pages for 27 criteria.
     */
    @Test
    void aPointsReportKeepsItsColumnsWithinThePage() throws IOException {
        long year2026 = periods.findByName("Năm 2026").orElseThrow().getId();
        WebClient phuTho = new WebClient(port).login("tinh.phutho", PASSWORD);
        HttpResponse<byte[]> pdf = phuTho.download("/communes/05290/periods/" + year2026 + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);

        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            float[] rightmost = { 0 };
            PDFTextStripper edges = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> glyphs) throws IOException {
                    for (TextPosition glyph : glyphs) {
                        rightmost[0] = Math.max(rightmost[0], glyph.getXDirAdj() + glyph.getWidthDirAdj());
                    }
                    super.writeString(text, glyphs);
                }
            };
            String text = edges.getText(document).replaceAll("\\s+", " ");
            float rightMargin = 15 / 25.4f * 72;
            assertThat(rightmost[0]).as("inside the right margin")
                    .isLessThanOrEqualTo(document.getPage(0).getMediaBox().getWidth() - rightMargin + 1);
            assertThat(text).contains("/ 50 điểm", "G6.C5");
            assertThat(document.getNumberOfPages()).as("a criterion on a few lines, not a word a line").isLessThan(7);
        }
    }

    /**
     * The end of a report as Nghị định 30/2020/NĐ-CP lays it out, in the page and the PDF: the number line under the
     * issuer, the recipients, and the signature block under the title the administrator set for the unit (audited;
     * nobody else may set it).
     */
    @Test
    void reportsCarryTheNumberLineRecipientsAndTheSignatureUnderTheUnitsSignerTitle() throws IOException {
        WebClient admin = new WebClient(port).login("admin", PASSWORD);
        String commune = "/communes/05305/periods/" + period + "/report";
        assertThat(province.get(commune).body()).contains("id=\"report-signer\">CHỦ TỊCH</div>");

        assertThat(setSigner(province, "kt. chủ tịch").statusCode()).as("a manager may not").isEqualTo(403);
        assertThat(setSigner(admin, "x".repeat(101)).statusCode()).isEqualTo(302);
        assertThat(admin.get("/units/05305?asOf=2025-06-30").body()).as("under the field, as typed").contains(
                "id=\"reportSignerTitle-error\" class=\"invalid-feedback d-block\">"
                        + "Chức danh người ký có tối đa 100 ký tự, trên một dòng.",
                "value=\"" + "x".repeat(101) + "\"",
                "aria-describedby=\"reportSignerTitle-error reportSignerTitle-help\" aria-invalid=\"true\"");
        assertThat(admin.get("/units/05305?asOf=2025-06-30").body()).as("once")
                .doesNotContain("reportSignerTitle-error", "x".repeat(101));
        assertThat(setSigner(admin, "kt. chủ tịch\nphó chủ tịch").statusCode()).isEqualTo(302);
        assertThat(admin.get("/units/05305?asOf=2025-06-30").body()).as("one line, not a server error").contains(
                "Chức danh người ký có tối đa 100 ký tự, trên một dòng.");
        try {
            assertThat(setSigner(admin, "  kt. chủ tịch - phó chủ tịch ").statusCode()).isEqualTo(302);
            assertThat(admin.get("/units/05305?asOf=2025-06-30").body()).contains(
                    "Đã lưu chức danh người ký báo cáo.", "id=\"unit-signer\">kt. chủ tịch - phó chủ tịch</dd>");
            assertThat(jdbc.sql("""
                    select count(*) from audit_event where entity_type = 'ADMINISTRATIVE_UNIT' and action = 'EDIT'
                    and actor = 'admin' and after_json ->> 'reportSignerTitle' = 'kt. chủ tịch - phó chủ tịch'""")
                    .query(Long.class).single()).isEqualTo(1);

            String page = province.get(commune).body();
            assertThat(page).contains("id=\"report-number\">Số: ........../BC-UBND</div>", "Nơi nhận:",
                    "- UBND huyện Lạc Sơn (để báo cáo);", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN",
                    "id=\"report-signer\">KT. CHỦ TỊCH - PHÓ CHỦ TỊCH</div>", "(Ký, ghi rõ họ tên, đóng dấu)");
            try (PDDocument document = Loader.loadPDF(province.download(commune + ".pdf").body())) {
                assertThat(new PDFTextStripper().getText(document)).contains("Số: ........../BC-UBND", "Nơi nhận:",
                        "- UBND huyện Lạc Sơn (để báo cáo);", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN",
                        "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH", "(Ký, ghi rõ họ tên, đóng dấu)");
            }

            String district = "/units/157/periods/" + period + "/report";
            assertThat(province.get(district).body()).as("the district keeps the default").contains(
                    "Số: ........../BC-UBND", "- UBND tỉnh Hòa Bình (để báo cáo);", "TM. ỦY BAN NHÂN DÂN",
                    "id=\"report-signer\">CHỦ TỊCH</div>");
            try (PDDocument document = Loader.loadPDF(province.download(district + ".pdf").body())) {
                assertThat(new PDFTextStripper().getText(document)).contains("Số: ........../BC-UBND", "Nơi nhận:",
                        "- UBND tỉnh Hòa Bình (để báo cáo);", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
            }
            assertThat(province.get(commune + "?lang=en").body()).contains("No.: ........../BC-UBND", "Recipients:",
                    "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH")
                    .as("the issuers in English, not \"PEOPLE'S COMMITTEE OF HUYỆN LẠC SƠN\"").contains(
                            "PEOPLE&#39;S COMMITTEE OF LẠC SƠN DISTRICT", "PEOPLE&#39;S COMMITTEE OF YÊN PHÚ COMMUNE",
                            "- People&#39;s Committee of Lạc Sơn District (for reporting);",
                            "- Archive: Records office (VT).");
            province.get(commune + "?lang=vi");
        }
        finally {
            assertThat(setSigner(admin, "").statusCode()).isEqualTo(302);
        }
        assertThat(province.get(commune).body()).contains("id=\"report-signer\">CHỦ TỊCH</div>");
    }

    private static HttpResponse<String> setSigner(WebClient client, String title) {
        String token = WebClient.csrfToken(client.get("/units/05305?asOf=2025-06-30"));
        return client.post("/units/05305/report-signer", "validOn=2025-06-30&reportSignerTitle="
                + URLEncoder.encode(title, StandardCharsets.UTF_8) + "&_csrf=" + token);
    }

    @Test
    void communeStaffReachNoReportOrExportOfTheirDistrict() {
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);

        for (String path : List.of("/report", "/report.pdf", "/rollup.csv", "/rollup.xlsx", "/entries.csv",
                "/entries.xlsx")) {
            HttpResponse<String> answer = staff.get("/units/157/periods/" + period + path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("Ân Nghĩa");
        }
        assertThat(staff.download("/communes/05347/periods/" + period + "/export.csv").statusCode()).isEqualTo(404);
        assertThat(staff.download("/communes/05305/periods/" + period + "/export.csv").statusCode()).isEqualTo(200);
    }

    private static List<String> lines(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().map(line -> line.replace("\uFEFF", "")).toList();
    }

    private static String text(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            var cell = row.getCell(i);
            cells.add(cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                    ? String.valueOf(cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return String.join("|", cells);
    }
}
