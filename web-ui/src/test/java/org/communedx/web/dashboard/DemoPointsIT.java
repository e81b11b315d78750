package org.communedx.web.dashboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.communedx.model.period.PeriodRepository;
import org.communedx.model.unit.AdministrativeUnit;
import org.communedx.model.unit.AdministrativeUnitRepository;
import org.communedx.model.unit.UnitSuccessionRepository;
import org.communedx.web.support.RankingTables;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * The demo's 2026 period on the sample points version DX-XA 2.0 (issue 15): DX-XA 1.0's 27 criteria on a 1,000-point
 * scale with partial credit and classes, imported, published and mapped from 1.0 on the first start as an
 * administrator would; the sample entries of 2026 keep the points it gives them, partial credit included, and the
 * province ranks its communes in points and classes, while the periods up to 2025 stay on DX-XA 1.0, in percent.
 */
@TrackerIntegrationTest
class DemoPointsIT {

    private static final Set<String> CLASSES = Set.of("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu");

    /** The communes whose demo accounts try journeys J1 and J2: empty in the current period, so unranked. */
    private static final Set<String> JOURNEY_COMMUNES = Set.of("05305", "05347");

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    AdministrativeUnitRepository units;

    @Autowired
    UnitSuccessionRepository successions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the2026PeriodIsOnThePointsVersionMappedFromDxXa10() {
        Map<String, Object> framework = jdbc.queryForMap("""
                select f.code, f.version, f.status, f.score_display, f.score_decimals, f.declared_total,
                    (select sum(c.weight) from criterion c join criterion_group g on g.id = c.group_id
                     where g.framework_id = f.id) as maxima,
                    (select count(*) from criterion c join criterion_group g on g.id = c.group_id
                     where g.framework_id = f.id) as criteria
                from period p join framework f on f.id = p.framework_id where p.id = ?""", period("Năm 2026"));
        assertThat(framework).containsEntry("code", "DX-XA").containsEntry("version", "2.0")
                .containsEntry("status", "PUBLISHED").containsEntry("score_display", "POINTS")
                .containsEntry("score_decimals", 2).containsEntry("criteria", 27L);
        assertThat((BigDecimal) framework.get("declared_total")).isEqualByComparingTo("1000");
        assertThat((BigDecimal) framework.get("maxima")).isEqualByComparingTo("1000");
        assertThat(jdbc.queryForList("""
                select c.name_vi || ' ' || c.threshold from framework_score_class c join framework f
                on f.id = c.framework_id where f.code = 'DX-XA' and f.version = '2.0' order by c.position""",
                String.class)).containsExactly("Xuất sắc 900.00", "Tốt 750.00", "Khá 600.00", "Trung bình 400.00",
                        "Yếu 0.00");
        assertThat(jdbc.queryForList("""
                select distinct c.scoring_method from criterion c join criterion_group g on g.id = c.group_id
                join framework f on f.id = g.framework_id where f.code = 'DX-XA' and f.version = '2.0'""",
                String.class)).as("partial credit").contains("PROPORTIONAL", "STEPS", "LEVELS");
        for (String year : List.of("Năm 2023", "Năm 2024", "Năm 2025")) {
            assertThat(jdbc.queryForObject("select f.version from period p join framework f on f.id = p.framework_id"
                    + " where p.id = ?", String.class, period(year))).as(year).isEqualTo("1.0");
        }

        assertThat(jdbc.queryForList("""
                select s.code || ' ' || l.kind || ' ' || t.code from framework_mapping m
                join framework sf on sf.id = m.source_framework_id join framework tf on tf.id = m.target_framework_id
                join framework_mapping_link l on l.mapping_id = m.id
                join framework_mapping_link_source ls on ls.link_id = l.id join criterion s on s.id = ls.criterion_id
                join framework_mapping_link_target lt on lt.link_id = l.id join criterion t on t.id = lt.criterion_id
                where sf.code = 'DX-XA' and sf.version = '1.0' and tf.code = 'DX-XA' and tf.version = '2.0'""",
                String.class)).as("every criterion kept: 27 SAME links").hasSize(27)
                .allSatisfy(link -> assertThat(link).matches("(G\\d\\.C\\d) SAME \\1"));
        assertThat(jdbc.queryForList("""
                select action from audit_event where actor = 'system'
                    and action in ('IMPORT_FRAMEWORK', 'PUBLISH', 'IMPORT_MAPPING') order by id""", String.class))
                .as("imported and published as an administrator would, audited").containsSubsequence(
                        "IMPORT_FRAMEWORK", "PUBLISH", "IMPORT_MAPPING");
        assertThat(new WebClient(port).login("admin", PASSWORD).get("/mappings").body()).contains("DX-XA 2.0");
    }

    @Test
    void the2026SampleEntriesKeepThePointsOfDxXa20WithPartialCredit() {
        long year2026 = period("Năm 2026");
        // Points between nothing and the maximum: a value short of its target earns part of the criterion's points.
        assertThat(jdbc.queryForObject("""
                select count(*) from criterion_entry e join assessment a on a.id = e.assessment_id
                join criterion c on c.id = e.criterion_id
                where a.period_id = ? and e.last_changed_by like 'mau.%' and e.points > 0 and e.points < c.weight""",
                Long.class, year2026)).isPositive();
        // The points of a PROPORTIONAL criterion, as the rule gives them: maximum × value / target, at most the
        // maximum, rounded half up to two decimals once, at the end (the percent unrounded).
        List<Map<String, Object>> proportional = jdbc.queryForList("""
                select e.points, c.weight, c.target_value as target, e.value_numerator, e.value_denominator
                from criterion_entry e join assessment a on a.id = e.assessment_id
                join criterion c on c.id = e.criterion_id
                where a.period_id = ? and e.last_changed_by like 'mau.%' and c.scoring_method = 'PROPORTIONAL'
                    and c.measurement_type = 'PERCENT' and c.comparison = 'AT_LEAST'
                    and e.value_denominator is not null""", year2026);
        assertThat(proportional).isNotEmpty().allSatisfy(entry -> {
            BigDecimal maximum = (BigDecimal) entry.get("weight");
            BigDecimal hundredfold = BigDecimal.valueOf(((Number) entry.get("value_numerator")).longValue() * 100L);
            BigDecimal expected = maximum.multiply(hundredfold).divide(((BigDecimal) entry.get("target"))
                    .multiply(BigDecimal.valueOf(((Number) entry.get("value_denominator")).longValue())), 2,
                    RoundingMode.HALF_UP).min(maximum);
            assertThat((BigDecimal) entry.get("points")).as(entry.toString()).isEqualByComparingTo(expected);
        });
        assertThat(proportional).as("some of them short of their target")
                .anySatisfy(entry -> assertThat((BigDecimal) entry.get("points"))
                        .isLessThan((BigDecimal) entry.get("weight")).isPositive());
    }

    @Test
    void theProvincesManagerRanksTheCommunesFormedFromLacSonsInPointsAndClasses() throws IOException {
        long year2026 = period("Năm 2026");
        AdministrativeUnit lacSon = units.findByCodeValidOn("157", LocalDate.of(2023, 1, 1)).orElseThrow();
        List<AdministrativeUnit> formed = successions.findCommunesFormedFromThoseOf(lacSon);
        assertThat(formed).hasSize(8);
        WebClient manager = new WebClient(port).login("tinh.phutho", PASSWORD);

        String dashboard = manager.get("/units/25/dashboard?period=" + year2026).body();
        assertThat(dashboard).contains("Bảng điều khiển Tỉnh Phú Thọ", "Dữ liệu mẫu",
                "href=\"/units/25/periods/" + year2026 + "/ranking\"");

        String ranking = manager.get("/units/25/periods/" + year2026 + "/ranking").body();
        assertThat(ranking).contains("Xếp hạng các xã của Tỉnh Phú Thọ", "trên thang 1.000 điểm");
        int ranked = 0;
        for (AdministrativeUnit commune : formed) {
            Matcher row = Pattern.compile("<a [^>]*href=\"/communes/" + commune.getCode() + "/periods/" + year2026
                    + "\">" + Pattern.quote(commune.getName()) + "</a></td>\\s*"
                    + "<td class=\"text-end\"[^>]*>([^<]+)</td>\\s*<td[^>]*>([^<]+)</td>").matcher(ranking);
            assertThat(row.find()).as(commune.getName() + " in the ranking").isTrue();
            if (JOURNEY_COMMUNES.contains(commune.getCode())) {
                continue;
            }
            ranked++;
            assertThat(row.group(1)).as(commune.getName() + "'s points").matches("\\d{1,3}(\\.\\d{3})?,\\d\\d");
            assertThat(row.group(2)).as(commune.getName() + "'s class").isIn(CLASSES);
        }
        assertThat(ranked).as("the sample communes, all but the journeys'").isEqualTo(6);
        Map<String, String> ranks = RankingTables.ranks(ranking);
        assertThat(RankingTables.ranks(dashboard)).as("the dashboard ranks as the ranking page does")
                .containsExactlyEntriesOf(ranks)
                .hasSizeGreaterThanOrEqualTo(formed.size());
        // Which communes have begun depends on what other tests wrote into 2026 (the journeys' communes, say).
        // Begun: a change of an entry recorded its summary (a comment alone stores entries without beginning).
        ranks.forEach((code, rank) -> assertThat(rank.equals("—")).as(code + " unranked if and only if not begun")
                .isEqualTo(jdbc.queryForObject("""
                        select count(*) = 0 from assessment_progress p join administrative_unit u on u.id = p.unit_id
                        where u.code = ? and p.period_id = ?""", Boolean.class, code, year2026)));
        assertThat(ranks).as("the demo's communes without sample values").containsValue("—");
        assertThat(dashboard).contains(">Chưa có điểm</span>")
                .as("nothing claimed either, as the report says, not 0,0").containsPattern(
                        "data-label=\"Đã xác nhận\"><span[^>]*>Chưa có điểm</span>.*?</td>\\s*<td class=\"text-end\" "
                                + "data-label=\"Kê khai\"><span[^>]*>Chưa có điểm</span></td>")
                .as("no parent column: the communes lie under the province").doesNotContain(">Thuộc</a></th>")
                .as("nor a 0 in its groups' heat cells, which read as a real zero").containsPattern(
                        "Chưa có điểm</span></td>\\s*<td class=\"text-center heat\" data-label=\"G1\"><span\\s+"
                                + "aria-hidden=\"true\">—</span><span class=\"visually-hidden\">Chưa có điểm</span>");
        String report = manager.get("/units/25/periods/" + year2026 + "/report").body();
        assertThat(report).contains("id=\"report-ranking\"", ">Chưa có điểm</td>")
                .as("nothing claimed either, not 0,0").containsPattern(
                        ">Chưa có điểm</td>\\s*<td class=\"figure\">Chưa có điểm</td>\\s*<td class=\"figure\">Chưa có điểm</td>")
                .as("no district column after the reform").doesNotContain(">Huyện</th>");
        // No district stands between the new communes and their province: no column of dashes says so row by row.
        assertThat(ranking).doesNotContain(">Huyện</th>");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                manager.download("/units/25/periods/" + year2026 + "/ranking.xlsx").body()))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("Hạng", "Mã xã", "Xã, phường", "Điểm đã xác nhận (thang điểm 1.000)",
                    "Xếp loại");
            Row unranked = workbook.getSheetAt(0).getRow(workbook.getSheetAt(0).getLastRowNum());
            assertThat(unranked.getCell(0)).as("the demo's Xã Đại Đồng has begun nothing: last, without a rank")
                    .isNull();
            assertThat(unranked.getCell(3).getStringCellValue()).as("said under the score, as the page says it")
                    .isEqualTo("Chưa có điểm");
            assertThat(unranked.getCell(4)).as("and no class").isNull();
        }

        String scorecard = new WebClient(port).login("xa.yenphu", PASSWORD)
                .get("/communes/05305/periods/" + year2026).body();
        assertThat(scorecard).containsPattern("id=\"verified-overall\">\\s*[0-9.]+,\\d\\d / 1\\.000 điểm");
    }

    /**
     * The entries file of a points version carries each value's points, again in the verified column where they count,
     * and its maximum: that column, summed, gives every commune's verified points, as the scorecard's file does.
     */
    @Test
    void theEntriesOfAPointsVersionAddUpToEachCommunesVerifiedPoints() throws IOException {
        long year2026 = period("Năm 2026");
        WebClient manager = new WebClient(port).login("tinh.phutho", PASSWORD);
        byte[] file = manager.download("/units/25/periods/" + year2026 + "/entries.csv").body();
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(
                new String(file, 3, file.length - 3, StandardCharsets.UTF_8))).getRecords();

        List<String> headers = rows.get(0).toList();
        assertThat(headers).containsSubsequence("Đạt chỉ tiêu", "Điểm theo giá trị", "Điểm đã xác nhận",
                "Điểm kê khai", "Điểm tối đa", "Giải trình");
        int points = headers.indexOf("Điểm theo giá trị");
        int verifiedPoints = headers.indexOf("Điểm đã xác nhận");
        int status = headers.indexOf("Trạng thái");
        Map<String, BigDecimal> verified = new java.util.TreeMap<>();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            if (!row.get(verifiedPoints).isEmpty()) {
                verified.merge(row.get(0), new BigDecimal(row.get(verifiedPoints)), BigDecimal::add);
            }
            assertThat(row.get(verifiedPoints)).as("the points of an approved entry only")
                    .isEqualTo("Đã duyệt".equals(row.get(status)) ? row.get(points) : "");
        }
        Map<String, BigDecimal> expected = new java.util.TreeMap<>();
        jdbc.query("""
                select u.code, p.verified_weight from assessment_progress p
                join administrative_unit u on u.id = p.unit_id
                where p.period_id = ? and p.verified_weight > 0""",
                rs -> {
                    expected.put(rs.getString(1), rs.getBigDecimal(2));
                }, year2026);
        assertThat(verified).isNotEmpty().hasSameSizeAs(expected);
        expected.forEach((code, total) -> assertThat(verified.get(code)).as(code).isEqualByComparingTo(total));
    }

    @Test
    void thePeriodsOnDxXa10KeepTheirPercentFigures() {
        WebClient district = new WebClient(port).login("huyen.lacson", PASSWORD);
        for (String year : List.of("Năm 2023", "Năm 2024", "Năm 2025")) {
            String page = district.get("/units/157/dashboard?period=" + period(year)).body();
            assertThat(figure(page, "figure-average")).as(year).matches("\\d{1,2},\\d%");
            assertThat(page).as(year).doesNotContain("1.000 điểm");
        }
        String yenPhu2024 = new WebClient(port).login("xa.yenphu", PASSWORD)
                .get("/communes/05305/periods/" + period("Năm 2024")).body();
        assertThat(yenPhu2024).as("the old Yên Phú's history")
                .containsPattern("id=\"verified-overall\">\\s*\\d{1,2},\\d%");
    }

    private long period(String name) {
        return periods.findByName(name).orElseThrow().getId();
    }

    private static String figure(String page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\">\\s*([^<]+?)\\s*</dd>").matcher(page);
        assertThat(matcher.find()).as(id + " on the page").isTrue();
        return matcher.group(1);
    }
}
