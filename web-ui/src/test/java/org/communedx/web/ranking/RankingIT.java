package org.communedx.web.ranking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.model.period.Period;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.period.PeriodTerms;
import org.communedx.web.support.RankingTables;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * The ranking of Tỉnh Hòa Bình's communes in the demo's Năm 2025, as its provincial manager opens it from the
 * dashboard, filters it by class and downloads it. DX-XA 1.0 has no classes: each test gives it three on the percent
 * scale (Tốt from 50, Khá from 20, Yếu from 0) and takes them away again, so that the other tests see the demo as it is.
 */
@TrackerIntegrationTest
class RankingIT {

    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td class=\"text-end\"[^>]*>([^<]*)</td>\\s*"
            + "<td[^>]*><a [^>]*>([^<]*)</a></td>\\s*<td[^>]*>[^<]*</td>\\s*<td class=\"text-end\"[^>]*>([^<]*)</td>\\s*"
            + "<td[^>]*>([^<]*)</td>");

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    org.communedx.model.framework.FrameworkRepository frameworks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    long period;

    String base;

    WebClient province;

    @BeforeEach
    void classesAndTheProvincialManager() {
        period = periods.findByName("Năm 2025").orElseThrow().getId();
        base = "/units/17/periods/" + period + "/ranking";
        jdbc.update("""
                insert into framework_score_class (framework_id, position, name_vi, name_en, threshold)
                select f.id, c.position, c.name_vi, c.name_en, c.threshold from framework f,
                    (values (0, 'Tốt', 'Good', 50), (1, 'Khá', 'Fair', 20), (2, 'Yếu', 'Weak', 0))
                        as c (position, name_vi, name_en, threshold)
                where f.code = 'DX-XA' and f.version = '1.0'""");
        province = new WebClient(port).login("tinh.hoabinh", PASSWORD);
    }

    @AfterEach
    void removeTheClasses() {
        jdbc.update("delete from framework_score_class where framework_id = "
                + "(select id from framework where code = 'DX-XA' and version = '1.0')");
    }

    @Test
    void theProvincialManagerRanksTheCommunesFiltersByClassAndDownloadsTheRanking() throws IOException {
        String dashboard = province.get("/units/17/dashboard?period=" + period).body();
        assertThat(dashboard).contains("id=\"ranking-link\" href=\"" + base + "\"");

        HttpResponse<String> page = province.get(base);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Xếp hạng các xã của Tỉnh Hòa Bình", "(đã xác nhận)",
                "id=\"ranking-table\"");
        assertThat(province.get(base + "?lang=en").body()).as("the framework's title in the reader's language")
                .contains("Commune-level digital transformation model").doesNotContain("Mô hình chuyển đổi số cấp xã");
        province.get(base + "?lang=vi");
        List<String[]> rows = rows(page.body());
        int communes = count(page.body(), "Tất cả \\((\\d+)\\)");
        assertThat(rows).hasSize(communes).isNotEmpty();
        assertThat(rows).anySatisfy(row -> assertThat(row[1]).isEqualTo("Xã Yên Phú"));
        // Competition ranking: a rank is its row's place, or the rank above it for an equal score.
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            if (!row[0].equals("—")) {
                int rank = Integer.parseInt(row[0]);
                boolean tie = i > 0 && rows.get(i - 1)[2].equals(row[2]);
                assertThat(rank).as("row %d", i + 1).isEqualTo(tie ? Integer.parseInt(rows.get(i - 1)[0]) : i + 1);
                double score = Double.parseDouble(row[2].replace(".", "").replace(',', '.'));
                assertThat(row[3]).isEqualTo(score >= 50 ? "Tốt" : score >= 20 ? "Khá" : "Yếu");
            }
        }

        int weak = count(page.body(), "Yếu \\(từ 0\\): (\\d+)");
        assertThat(page.body()).contains("id=\"ranking-xlsx\" href=\"" + base + ".xlsx\"",
                "id=\"ranking-pdf\" href=\"" + base + ".pdf\"");
        String weakPage = province.get(base + "?class=3").body();
        assertThat(weakPage).as("the downloads keep the filter").contains(
                "id=\"ranking-xlsx\" href=\"" + base + ".xlsx?class=3\"",
                "id=\"ranking-pdf\" href=\"" + base + ".pdf?class=3\"");
        List<String[]> filtered = rows(weakPage);
        assertThat(filtered).hasSize(weak).allSatisfy(row -> assertThat(row[3]).isEqualTo("Yếu"));
        assertThat(province.get(base + "?class=4").statusCode()).as("no such class").isEqualTo(404);

        HttpResponse<byte[]> xlsx = province.download(base + ".xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(
                disposition).startsWith("attachment; filename=\"Xep-hang-Tinh-Hoa-Binh-Nam-2025.xlsx\""));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet ranking = workbook.getSheet("Xếp hạng");
            assertThat(text(ranking.getRow(0))).isEqualTo("Hạng|Mã xã|Xã, phường|Huyện|Tỷ lệ đã xác nhận (%)|Xếp loại");
            assertThat(ranking.getLastRowNum()).isEqualTo(communes);
            assertThat(text(ranking.getRow(1))).startsWith("1|");
            assertThat(text(workbook.getSheet("Mức xếp loại").getRow(3))).isEqualTo("Yếu|0|" + weak);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                province.download(base + ".xlsx?class=3").body()))) {
            assertThat(workbook.getSheet("Xếp hạng").getLastRowNum()).isEqualTo(weak);
        }

        HttpResponse<byte[]> pdf = province.download(base + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND TỈNH HÒA BÌNH",
                    "BÁO CÁO XẾP HẠNG, XẾP LOẠI CÁC XÃ", "Tỉnh Hòa Bình — Năm 2025", "Xã Yên Phú", "Tốt", "Khá",
                    "Dữ liệu mẫu:", "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN")
                    .doesNotContain("Tải báo cáo PDF");
        }
    }

    /** A class that no commune reaches: the report says so under its heading, as the page does. */
    @Test
    void aClassNobodyReachesSaysSoInThePageAndTheReport() throws IOException {
        jdbc.update("update framework_score_class set threshold = 101 where position = 0 and framework_id = "
                + "(select id from framework where code = 'DX-XA' and version = '1.0')");

        assertThat(province.get(base + "?class=1").body()).contains("id=\"ranking-none\"",
                "Không có xã nào ở mức xếp loại này.").doesNotContain("id=\"ranking-table\"");
        try (PDDocument document = Loader.loadPDF(province.download(base + ".pdf?class=1").body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Chỉ gồm các xã xếp loại “Tốt”.", "Không có xã nào ở mức xếp loại này.");
        }
    }

    /**
     * DX-XA 1.0, before the reform, has no classes in the demo: its ranking showed nothing but that, though the
     * dashboard links it. The communes are ranked all the same, without a class column or filter.
     */
    @Test
    void withoutClassesTheCommunesAreRankedButNotClassed() throws IOException {
        removeTheClasses();

        String body = province.get(base).body();

        assertThat(body).contains("id=\"ranking-unclassified\"", "các xã được xếp hạng theo điểm, không xếp loại",
                "id=\"ranking-table\"", "Xã Yên Phú").doesNotContain("id=\"class-filter\"", ">Xếp loại</th>",
                "id=\"ranking-empty\"");
        assertThat(body).as("ranked").contains("data-label=\"Hạng\">1</td>");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(province.download(base + ".xlsx")
                .body()))) {
            assertThat(text(workbook.getSheet("Xếp hạng").getRow(0)))
                    .isEqualTo("Hạng|Mã xã|Xã, phường|Huyện|Tỷ lệ đã xác nhận (%)");
            assertThat(workbook.getSheet("Mức xếp loại")).isNull();
        }
        try (PDDocument document = Loader.loadPDF(province.download(base + ".pdf").body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("Xã Yên Phú",
                    "các xã được xếp hạng theo điểm, không xếp loại", "BÁO CÁO XẾP HẠNG CÁC XÃ")
                    .as("a title that promises no classes").doesNotContain("XẾP LOẠI CÁC XÃ");
        }
    }

    /**
     * A period that no commune has begun: the ranking says so and lists them all without a score, as the dashboard
     * does; it had listed none, so that the two pages of one period disagreed about which communes it holds.
     */
    @Test
    void aPeriodNobodyHasBegunListsEveryCommuneWithoutAScore() throws IOException {
        Period lastYear = periods.findWithFramework(periods.findByName("Năm 2026").orElseThrow().getId())
                .orElseThrow();
        long empty = transaction.execute(status -> periods.save(new Period(new PeriodTerms("Kỳ chưa ai làm 2092",
                2092, LocalDate.of(2092, 1, 1), LocalDate.of(2092, 12, 31), LocalDate.of(2092, 12, 15)),
                lastYear.getFramework())).getId());
        WebClient phuTho = new WebClient(port).login("tinh.phutho", PASSWORD);
        String ranking = "/units/25/periods/" + empty + "/ranking";

        String body = phuTho.get(ranking).body();
        assertThat(body).contains("id=\"ranking-empty\"", "Chưa xã nào có điểm trong kỳ này.", "id=\"ranking-table\"",
                "Xã Yên Phú", "Chưa có điểm", "id=\"ranking-xlsx\"");
        try (PDDocument document = Loader.loadPDF(phuTho.download(ranking + ".pdf").body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(
                    "Chưa xã nào có điểm trong kỳ này.", "Xã Yên Phú Chưa có điểm");
        }
        // A version without classes says so in a note, with no heading over nothing.
        long unclassed = new org.communedx.web.support.EntryPages(frameworks, periods, transaction).newPeriod(2093,
                LocalDate.of(2093, 12, 15));
        try (PDDocument document = Loader.loadPDF(phuTho.download("/units/25/periods/" + unclassed + "/ranking.pdf")
                .body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("chưa quy định các mức xếp loại").doesNotContain("Mức xếp loại");
        }
    }

    @Test
    void aDistrictOfficialReachesNoProvinceRankingAndADistrictHasNone() {
        WebClient district = new WebClient(port).login("huyen.lacson", PASSWORD);
        for (String suffix : List.of("", ".xlsx", ".pdf")) {
            assertThat(district.get(base + suffix).statusCode()).as(suffix).isEqualTo(404);
        }
        assertThat(province.get("/units/157/periods/" + period + "/ranking").statusCode()).isEqualTo(404);
    }

    /**
     * Tỉnh Phú Thọ was formed on 1 July 2025, after the periods up to 2025 began: its dashboard then shows the communes
     * it was formed from, and its ranking page must list the same communes in the same order, not a 404 or nothing.
     */
    @Test
    void theNewProvincesRankingOfAPeriodBeforeTheReformListsTheDashboardsCommunes() {
        WebClient manager = new WebClient(port).login("tinh.phutho", PASSWORD);
        String dashboard = manager.get("/units/25/dashboard?period=" + period).body();
        HttpResponse<String> ranking = manager.get("/units/25/periods/" + period + "/ranking");

        assertThat(ranking.statusCode()).isEqualTo(200);
        Map<String, String> ranks = RankingTables.ranks(ranking.body());
        assertThat(ranks).as("the communes Phú Thọ was formed from").hasSize(28)
                .containsExactlyEntriesOf(RankingTables.ranks(dashboard));
        assertThat(ranking.body()).as("their districts, before the reform").contains(">Huyện</th>");
        // Its entries export holds the same communes' entries, not those of the province formed since.
        List<String> dashboardCodes = column(manager, "/units/25/periods/" + period + "/rollup.csv", 1);
        List<String> exported = column(manager, "/units/25/periods/" + period + "/entries.csv", 0);
        assertThat(exported).as("the entries of the communes Phú Thọ was formed from").isNotEmpty()
                .contains("05305").isSubsetOf(dashboardCodes);
        long year2023 = periods.findByName("Năm 2023").orElseThrow().getId();
        assertThat(manager.get("/units/25/periods/" + year2023 + "/ranking").statusCode())
                .as("a period before the province was formed, as its dashboard").isEqualTo(200);
        // Its printed files, issued under the province as its dashboard: they had answered 404 for 2023 and 2024.
        String report = manager.get("/units/25/periods/" + year2023 + "/report").body();
        assertThat(report).contains("TỈNH PHÚ THỌ").contains("01/07/2025");
        for (String pdf : List.of("/ranking.pdf", "/report.pdf")) {
            HttpResponse<byte[]> file = manager.download("/units/25/periods/" + year2023 + pdf);
            assertThat(file.statusCode()).as(pdf).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).as(pdf).hasValue("application/pdf");
        }
    }

    /** One column of a CSV export's data rows (no commas inside the codes it is read for). */
    private static List<String> column(WebClient client, String path, int index) {
        String csv = new String(client.download(path).body(), java.nio.charset.StandardCharsets.UTF_8);
        return csv.lines().skip(1).map(line -> line.split(",", -1)[index]).toList();
    }

    private static List<String[]> rows(String body) {
        List<String[]> rows = new ArrayList<>();
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            rows.add(new String[] { row.group(1).strip(), row.group(2).strip(), row.group(3).strip(),
                    row.group(4).strip() });
        }
        return rows;
    }

    private static int count(String body, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(body);
        assertThat(matcher.find()).as(pattern).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String text(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            var cell = row.getCell(i);
            cells.add(cell == null ? "" : switch (cell.getCellType()) {
                case NUMERIC -> new java.math.BigDecimal(Double.toString(cell.getNumericCellValue()))
                        .stripTrailingZeros().toPlainString();
                default -> cell.toString();
            });
        }
        return String.join("|", cells);
    }
}
