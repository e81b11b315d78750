package org.communedx.web.suggestion;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.service.testsupport.GeneratedLines;
import org.communedx.service.testsupport.TestWait;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.JobPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provincial manager's spreadsheet of values, through the pages: the template of the province, the two layouts
 * imported as suggested values, and every kind of bad file refused by row and column with nothing written.
 */
@TrackerIntegrationTest
class ValueImportIT {

    static final String PASSWORD = "Demo@2025!";

    static final String MANAGER = "tinh.hoabinh";

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    long period;

    WebClient manager;

    String page;

    @BeforeEach
    void freshPeriod() {
        period = new EntryPages(frameworks, periods, transaction).newPeriod();
        manager = new WebClient(port).login(MANAGER, PASSWORD);
        page = "/periods/" + period + "/value-import";
    }

    @Test
    void theTemplateListsTheProvincesCommunesAndTheFrameworksCriteria() throws IOException {
        assertThat(manager.get("/periods").body()).contains(page);
        String form = manager.get(page).body();
        assertThat(form).contains("chỉ là giá trị đề xuất", "Tải mẫu XLSX");

        try (XSSFWorkbook wide = template("wide")) {
            Sheet sheet = wide.getSheetAt(0);
            assertThat(wide.getNumberOfSheets()).isOne();
            assertThat(cells(sheet.getRow(0))).containsExactly("commune_code", "commune_name", "G1.C1", "G1.C2",
                    "G2.C3", "G2.C4");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("# ");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).contains("18/20");
            List<String> codes = new ArrayList<>();
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                codes.add(sheet.getRow(i).getCell(0).getStringCellValue());
            }
            assertThat(codes).contains("05305").doesNotContain("95001").doesNotHaveDuplicates();
            assertThat(codes).allMatch(code -> code.matches("[0-9]{5}"));
            try (XSSFWorkbook longLayout = template("long")) {
                Sheet rows = longLayout.getSheetAt(0);
                assertThat(cells(rows.getRow(0))).containsExactly("commune_code", "commune_name", "criterion_code",
                        "criterion_name", "value", "reference", "measured_at");
                assertThat(rows.getLastRowNum() - 1).isEqualTo(codes.size() * 4);
            }
        }
        assertThat(manager.get(page + "/template.xlsx?unit=95001").statusCode()).as("another province").isEqualTo(404);
    }

    /** A unit without communes in the period gets the page back with why, and the choices as made: no empty file. */
    @Test
    void aUnitWithoutCommunesInThePeriodGetsNoEmptyTemplate() {
        WebClient admin = new WebClient(port).login("admin", PASSWORD);

        HttpResponse<String> none = admin.get(page + "/template.xlsx?layout=long&unit=99998");

        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(none.body()).contains("id=\"template-problem\"", "Đơn vị mã 99998 không có xã nào trong kỳ")
                .containsPattern("id=\"layout-long\" value=\"long\"\\s+checked")
                .containsPattern("id=\"template-unit\"[^>]*is-invalid[^>]*value=\"99998\"");
        HttpResponse<byte[]> own = admin.download(page + "/template.xlsx?unit=05305");
        assertThat(own.statusCode()).as("a commune's own").isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Disposition")).hasValueSatisfying(name -> assertThat(name)
                .startsWith("attachment; filename=\"Mau-gia-tri-").contains("-05305-Ngang.xlsx\""));
    }

    @Test
    void aFilledWideTemplateBecomesSuggestedValues() throws IOException {
        byte[] filled;
        int communes;
        try (XSSFWorkbook wide = template("wide")) {
            Sheet sheet = wide.getSheetAt(0);
            communes = sheet.getLastRowNum() - 1;
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                sheet.getRow(i).createCell(2).setCellValue("18/20");
                sheet.getRow(i).createCell(3).setCellValue(2);
            }
            filled = bytes(wide);
        }

        String done = JobPages.done(manager, JobPages.jobOf(upload("chitieu-2019.xlsx", filled), page + "/jobs/"));

        assertThat(done).contains("Đã nhận " + (2 * communes) + " giá trị đề xuất", "chitieu-2019.xlsx",
                "role=\"status\"");
        assertThat(suggested()).isEqualTo(2 * communes);
        assertThat(jdbc.queryForObject("select distinct source from suggested_value where period_id = ?",
                String.class, period)).isEqualTo("chitieu-2019.xlsx (tinh.hoabinh)");
        assertThat(jdbc.queryForObject("""
                select value_level from suggested_value s join administrative_unit u on u.id = s.unit_id
                join criterion c on c.id = s.criterion_id
                where s.period_id = ? and u.code = '05305' and c.code = 'G1.C2'""", Integer.class, period))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from assessment where period_id = ?", Long.class, period))
                .as("suggested only: no commune's entry is touched").isZero();
        String report = new String(manager.download(reportLink(done)).body(), StandardCharsets.UTF_8);
        assertThat(report).startsWith("\uFEFFcommune_code,criterion_code,value").contains("05305,G1.C1,18/20");
        // The audit names the period the values came for, not its number.
        String periodName = periods.findById(period).orElseThrow().getName();
        assertThat(new WebClient(port).login("admin", PASSWORD).get("/audit?entityType=SUGGESTED_VALUES").body())
                .contains("Nhận giá trị đề xuất", periodName).doesNotContain(">#" + period + "<");
    }

    @Test
    void aLongCsvWithItsBomReferenceAndTimeIsImported() {
        String csv = "\uFEFFcommune_code,commune_name,criterion_code,criterion_name,value,reference,measured_at\n"
                // A code whose leading zero Excel dropped, one copied with a no-break space after it, and "có" typed
                // with combining marks: each read as a reader sees it.
                + "5305,Xã Yên Phú,G1.C1,,3/4,MC-1,2019-06-30\n"
                + "05305\u00a0,Xã Yên Phú,G2.C3,,co\u0301,=1+2,\n"
                + "05305,Xã Yên Phú,G2.C4,,,,\n";

        String done = JobPages.done(manager, JobPages.jobOf(upload("values.csv", csv.getBytes(StandardCharsets.UTF_8)),
                page + "/jobs/"));

        assertThat(done).contains("Đã nhận 2 giá trị đề xuất từ 3 dòng");
        assertThat(jdbc.queryForList("""
                select reference, measured_at is not null as measured, value_yes_no from suggested_value
                where period_id = ? order by reference""", period)).hasSize(2);
        String report = new String(manager.download(reportLink(done)).body(), StandardCharsets.UTF_8);
        assertThat(report).as("the day as the file gave it, on Vietnam's clock").contains("05305,G1.C1,3/4,MC-1,2019-06-30 00:00")
                .as("a reference is never a formula").contains("'=1+2").doesNotContain(",=1+2");
    }

    @Test
    void everyProblemIsListedByRowAndColumnAndNothingIsWritten() {
        String csv = "commune_code,criterion_code,value\n"
                + "05305,G1.C1,18/20\n"
                + "05305,G1.C2,7\n"
                + "05305,G9.C9,1\n"
                + "99999,G1.C1,1/2\n"
                + "95001,G1.C1,1/2\n"
                + "05305,G1.C1,1/2\n"
                + "05305,G2.C4,nhiều\n"
                + ",G1.C2,1\n";

        String refused = refused(upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused).contains("bị từ chối với 7 vấn đề", "chưa có gì được lưu");
        assertThat(refused).contains("<td>9</td>", "Thiếu mã xã.");
        assertThat(refused).contains("<td>3</td>", "C (value)", "Mức 7 không hợp lệ");
        assertThat(refused).contains("<td>4</td>", "B (criterion_code)", "Không có tiêu chí mã G9.C9");
        assertThat(refused).contains("<td>5</td>", "A (commune_code)", "Không có xã mã 99999");
        assertThat(refused).contains("<td>6</td>", "Không có xã mã 95001", "<td>7</td>",
                "Xã 05305, tiêu chí G1.C1 đã có ở dòng 2;",
                "<td>8</td>");
        assertThat(suggested()).as("all or nothing").isZero();
        HttpResponse<byte[]> download = manager.download(reportLink(refused));
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).contains("Dòng,Cột,Vấn đề",
                "3,C (value),\"Mức 7 không hợp lệ");
        assertThat(download.headers().firstValue("Content-Disposition")).as("named in the reader's language")
                .hasValueSatisfying(name -> assertThat(name).startsWith("attachment; filename=\"Loi-nhap-gia-tri-"));
    }

    /** A time that cannot be read does not hide what is wrong with the values: one pass lists both. */
    @Test
    void anUnreadableTimeAndABadValueAreListedTogether() {
        String csv = "commune_code,criterion_code,value,reference,measured_at\n"
                + "05305,G1.C1,18/20,,31/13/2026\n"
                + "05305,G1.C2,7,,\n"
                + "05305,G2.C4,1.000,,\n";

        String refused = refused(upload("times.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused).contains("bị từ chối với 3 vấn đề", "<td>2</td>", "E (measured_at)", "«31/13/2026»",
                "<td>3</td>", "C (value)", "Mức 7 không hợp lệ", "<td>4</td>",
                "Hãy nhập số không có dấu phân cách hàng nghìn");
        assertThat(suggested()).isZero();
    }

    /** A measurement dated after today, or long before the period, is a mistyped date: refused at its cell. */
    @Test
    void aTimeOutsideWhatThePeriodCanUseIsRefusedAtItsCell() {
        String csv = "commune_code,criterion_code,value,reference,measured_at\n"
                + "05305,G1.C1,18/20,,30/06/2919\n"
                + "05305,G1.C2,1,,2019-06-30\n"
                + "05305,G2.C4,1,,01/01/1919\n";

        String refused = refused(upload("times.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused).contains("bị từ chối với 2 vấn đề", "<td>2</td>", "E (measured_at)",
                "Thời điểm đo 30/06/2919 nằm ngoài khoảng kỳ này dùng được", "<td>4</td>", "01/01/1919")
                .doesNotContain("<td>3</td>");
        assertThat(suggested()).isZero();
    }

    /**
     * A period closed to communes says so instead of offering the upload, and a file sent from a page left open is
     * refused at once: stored, its values showed on entries nobody could change.
     */
    @Test
    void aClosedPeriodTakesNoFile() {
        jdbc.update("update period set submission_deadline = current_date - 3, grace_days = 0 where id = ?", period);

        String form = manager.get(page).body();
        assertThat(form).contains("id=\"value-import-closed\"", "đã khóa với xã sau ngày")
                .doesNotContain("id=\"value-file\"");
        String sent = upload("values.csv", "commune_code,criterion_code,value\n05305,G1.C1,18/20\n"
                .getBytes(StandardCharsets.UTF_8)).body();
        assertThat(sent).contains("id=\"import-problems\"", "không nhận giá trị đề xuất");
        assertThat(suggested()).isZero();
    }

    @Test
    void aWideFilesUnknownCriterionIsItsHeaderCell() {
        String csv = "commune_code,commune_name,G1.C1,G7.X\n05305,Yên Phú,1/2,3\n05302,,1/3,4\n";

        String refused = refused(upload("wide.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused).contains("bị từ chối với 1 vấn đề", "D (G7.X)", "Không có tiêu chí mã G7.X");
        assertThat(suggested()).isZero();
    }

    @Test
    void spreadsheetsThatHideOrComputeTheirValuesAreRefused() throws IOException {
        try (XSSFWorkbook book = wideBook()) {
            book.getSheetAt(0).getRow(2).createCell(2).setCellFormula("\"1/\"&2");
            assertThat(refused(upload("formula.xlsx", bytes(book)))).contains("<td>3</td>", "<td>C</td>", "có công thức");
        }
        try (XSSFWorkbook book = wideBook()) {
            book.getSheetAt(0).addMergedRegion(new CellRangeAddress(2, 3, 2, 2));
            assertThat(refused(upload("merged.xlsx", bytes(book)))).contains("C3:C4", "bị gộp");
        }
        // A row a filter hid and a column hidden by hand, each holding a value the person checking would not see; a
        // hidden row that sends nothing (the template filtered down to one's communes) and an empty hidden column to
        // the right of the data hide nothing.
        try (XSSFWorkbook book = wideBook()) {
            book.getSheetAt(0).getRow(3).setZeroHeight(true);
            book.getSheetAt(0).getRow(5).setZeroHeight(true);
            book.getSheetAt(0).setColumnHidden(40, true);
            assertThat(refused(upload("hidden-row.xlsx", bytes(book)))).contains("<td>4</td>", "<td>C (",
                    "nằm trong dòng hoặc cột đang bị ẩn").doesNotContain("<td>6</td>", "<td>3</td>");
        }
        try (XSSFWorkbook book = wideBook()) {
            book.getSheetAt(0).setColumnHidden(2, true);
            assertThat(refused(upload("hidden-column.xlsx", bytes(book)))).contains("<td>3</td>", "<td>4</td>",
                    "nằm trong dòng hoặc cột đang bị ẩn");
        }
        try (XSSFWorkbook book = wideBook()) {
            book.createSheet("Nháp");
            book.setSheetHidden(1, true);
            assertThat(refused(upload("hidden.xlsx", bytes(book)))).contains("trang tính ẩn (Nháp)");
        }
        try (XSSFWorkbook book = wideBook()) {
            book.createSheet("Khác");
            assertThat(refused(upload("two.xlsx", bytes(book)))).contains("Tệp có 2 trang tính");
        }
        assertThat(suggested()).isZero();
    }

    @Test
    void otherEncodingsEmptyFilesAndWrongHeadersAreRefused() {
        String csv = "commune_code,commune_name,G1.C1\n05305,Xã Yên Phú,1/2\n";
        assertThat(refused(upload("utf16.csv", withBom(csv, StandardCharsets.UTF_16LE))))
                .contains("không ở bảng mã UTF-8 (có vẻ là UTF-16)");
        assertThat(refused(upload("cp1258.csv", csv.getBytes(Charset.forName("windows-1258")))))
                .contains("không ở bảng mã UTF-8 (có vẻ là Windows-1258 / TCVN3)");
        String blank = refused(upload("blank.csv", "\n\n\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(blank).contains("Tệp trống.");
        assertThat(new String(manager.download(reportLink(blank)).body(), StandardCharsets.UTF_8))
                .as("the whole file's problem, as the page says it").contains("Cả tệp,,Tệp trống.");
        assertThat(refused(upload("none.csv", new byte[0]))).as("a file chosen, of no bytes").contains("Tệp trống.");
        assertThat(upload("", new byte[0]).body()).as("no file chosen").contains("Hãy chọn một tệp CSV hoặc XLSX.");
        assertThat(refused(upload("header.csv", "ma,gia tri\n05305,1\n".getBytes(StandardCharsets.UTF_8))))
                .contains("Dòng tiêu đề không đúng mẫu");
        assertThat(refused(upload("excel-vi.csv", "commune_code;commune_name;G1.C1\n05305;Xã Yên Phú;1/2\n"
                .getBytes(StandardCharsets.UTF_8)))).as("Excel's CSV in a Vietnamese locale")
                .contains("phân cách bằng dấu chấm phẩy (;)").doesNotContain("Dòng tiêu đề không đúng mẫu");
        assertThat(suggested()).isZero();
    }

    @Test
    void aFileOfMoreThanAHundredThousandRowsIsRefusedWhileItIsRead() {
        GeneratedLines rows = new GeneratedLines("commune_code,criterion_code,value", 100_001,
                row -> "05305,G1.C1,1/2");
        String token = WebClient.csrfToken(manager.get(page));

        String refused = refused(manager.postMultipart(page, Map.of("_csrf", token), "many.csv", rows));

        assertThat(refused).contains("100.000");
        assertThat(suggested()).isZero();
    }

    private long suggested() {
        return jdbc.queryForObject("select count(*) from suggested_value where period_id = ?", Long.class, period);
    }

    private XSSFWorkbook template(String layout) throws IOException {
        HttpResponse<byte[]> download = manager.download(page + "/template.xlsx?layout=" + layout);
        assertThat(download.statusCode()).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(download.body()));
    }

    /** The wide template with values in its first two communes' first criterion. */
    private XSSFWorkbook wideBook() throws IOException {
        XSSFWorkbook book = template("wide");
        book.getSheetAt(0).getRow(2).createCell(2).setCellValue("1/2");
        book.getSheetAt(0).getRow(3).createCell(2).setCellValue("1/2");
        return book;
    }

    /** The administrator's home page lists their jobs by name, this one too. */
    @Test
    void anAdministratorsImportIsNamedOnTheirHomePage() {
        WebClient admin = new WebClient(port).login("admin", PASSWORD);
        String csv = "commune_code,criterion_code,value,reference,measured_at\n05305,G1.C1,3/4,,\n";
        HttpResponse<String> started = admin.postMultipart(page, Map.of("_csrf", WebClient.csrfToken(admin.get(page))),
                "values.csv", csv.getBytes(StandardCharsets.UTF_8));
        JobPages.done(admin, JobPages.jobOf(started, page + "/jobs/"));

        assertThat(admin.get("/").body()).contains("Nhập giá trị đề xuất từ tệp").doesNotContain(">value-import<");
    }

    private HttpResponse<String> upload(String name, byte[] file) {
        String token = WebClient.csrfToken(manager.get(page));
        return manager.postMultipart(page, Map.of("_csrf", token), name, file);
    }

    /** The job's page once it lists the file's problems. */
    private String refused(HttpResponse<String> started) {
        String job = JobPages.jobOf(started, page + "/jobs/");
        return Awaitility.await().atMost(TestWait.part(10))
                .until(() -> manager.get(job).body(), body -> body.contains("id=\"job-refused\""));
    }

    private static String reportLink(String jobPage) {
        int at = jobPage.indexOf("id=\"job-report\" href=\"");
        assertThat(at).as("the report's link").isPositive();
        int from = at + "id=\"job-report\" href=\"".length();
        return jobPage.substring(from, jobPage.indexOf('"', from));
    }

    private static byte[] withBom(String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xFE });
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getStringCellValue()));
        return cells;
    }
}
