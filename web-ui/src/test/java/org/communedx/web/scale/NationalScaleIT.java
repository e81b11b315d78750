package org.communedx.web.scale;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.communedx.model.user.Role;
import org.communedx.model.user.UserAccountRepository;
import org.communedx.service.assessment.ProgressLedger;
import org.communedx.service.testsupport.NationalData;
import org.communedx.service.testsupport.TestDatabaseConfiguration;
import org.communedx.service.unit.GsoListImport;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and export that a provincial manager and an administrator can reach, rendered over a country of the
 * national shape: 63 provinces, 696 districts, 10,047 communes (the largest province 707), 271,269 entries of
 * 2025 with their evidence rows, a plan per district and province. The demo has 28 communes; a page that only
 * breaks past 100 rows broke here first (the ranking's paging answered 500, and with the page cache off a 200 cut
 * off in the middle).
 * <p>
 * Each user's pages are found as a user finds them: from the home page, following every link of every page, one
 * address of each shape (digits and query values aside), plus the ranking's last pages. Every HTML answer must be a
 * 200 and a whole document; every download a whole file. Its own schema keeps the country away from the demo that
 * the other tests share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "communedx.demo-data=false", TestDatabaseConfiguration.SCHEMA + "=national",
        "spring.flyway.default-schema=national", "communedx.evidence.directory=target/evidence-national",
        // Every request renders: the point is the rendering, not a kept copy of it.
        "communedx.page-cache.max-size=0" })
@Import(TestDatabaseConfiguration.class)
class NationalScaleIT {

    private static final int RANKING_PAGE = 100;

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

    private static final Pattern RANKING_ROWS = Pattern.compile(
            "<table[^>]*id=\"ranking-table\".*?<tbody>(.*?)</tbody>", Pattern.DOTALL);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    GsoListImport gsoImport;

    @Autowired
    ProgressLedger ledger;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    private NationalData data;

    private NationalData.Loaded country;

    private String admin;

    private int communes;

    @BeforeAll
    void loadTheCountry() {
        data = new NationalData(jdbc, gsoImport, ledger, accounts, passwordEncoder,
                NationalData.Shape.ONE_YEAR_SYNTHETIC);
        country = data.ensureLoaded();
        admin = data.account("national.admin", Role.ADMIN, null);
        communes = jdbc.sql("select count(*) from administrative_unit where level = 'COMMUNE'").query(Integer.class)
                .single();
        assertThat(communes).isEqualTo(10_047);
        assertThat(country.largestProvinceCommunes()).isGreaterThanOrEqualTo(600);
    }

    @Test
    void everyPageOfAProvincialManagerRendersWholeAtProvinceSize() {
        WebClient manager = new WebClient(port).login(country.provinceManager(), NationalData.BENCH_PASSWORD);
        String dashboard = "/units/" + country.largestProvince() + "/dashboard";
        Crawl crawl = crawl(manager, dashboard, "/units/" + country.largestProvince() + "/periods/"
                + country.latestPeriodId() + "/report.pdf");

        System.out.printf("National scale: %d addresses as a provincial manager: %s; answers: %s%n",
                crawl.visited.size(), crawl.visited.keySet(), crawl.timings());
        assertThat(crawl.visited).as("pages reached").hasSizeGreaterThan(15);
        assertThat(crawl.visited.keySet()).anyMatch(address -> address.startsWith("/communes/"))
                .anyMatch(address -> address.contains("/explain")).anyMatch(address -> address.startsWith("/plans/"))
                .anyMatch(address -> address.endsWith("entries.xlsx")).anyMatch(address -> address.endsWith(".csv"));
        assertRanking(manager, dashboard, country.largestProvinceCommunes());
        // The accounts a manager manages are found through the last holders of every code the province reaches.
        assertWholePage(manager, "/users");
    }

    /**
     * The first screens over the largest province: its manager and a district official sitting at the province land on
     * its dashboard of hundreds of communes, with the count of what waits for them; the official of its largest
     * district on that district's, its queue counted apart; a viewer on the province's, without a queue. Nothing else
     * happens in this schema, so the administrator's page shows every section's empty state.
     */
    @Test
    void eachRoleLandsOnItsFirstScreenAtProvinceSize() {
        String province = country.largestProvince();
        String provinceDashboard = "/units/" + province + "/dashboard";
        WebClient manager = new WebClient(port).login(country.provinceManager(), NationalData.BENCH_PASSWORD);
        assertThat(manager.get("/").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(provinceDashboard));
        assertCallout(assertWholePage(manager, provinceDashboard), waiting(province, List.of("PROVINCE")));

        String atProvince = data.account("huyen.tai-tinh." + province, Role.DISTRICT_OFFICIAL, province);
        WebClient official = new WebClient(port).login(atProvince, NationalData.BENCH_PASSWORD);
        assertThat(official.get("/").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(provinceDashboard));
        String page = assertWholePage(official, provinceDashboard);
        assertThat(rankingRows(page)).as("the province's communes, a page of them").isEqualTo(RANKING_PAGE);
        assertCallout(page, waiting(province, List.of("DISTRICT", "PROVINCE")));

        String district = jdbc.sql("""
                select d.code from administrative_unit d join administrative_unit c on c.parent_id = d.id
                join administrative_unit p on p.id = d.parent_id
                where p.code = :province and d.level = 'DISTRICT' and c.level = 'COMMUNE'
                group by d.code order by count(*) desc, d.code limit 1""").param("province", province)
                .query(String.class).single();
        long districtWaiting = waiting(district, List.of("DISTRICT", "PROVINCE"));
        assertThat(districtWaiting).as("the synthetic country has submissions waiting").isPositive();
        WebClient reviewer = new WebClient(port).login(data.account("huyen." + district, Role.DISTRICT_OFFICIAL,
                district), NationalData.BENCH_PASSWORD);
        assertThat(reviewer.get("/").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/units/" + district + "/dashboard"));
        assertCallout(assertWholePage(reviewer, "/units/" + district + "/dashboard"), districtWaiting);

        WebClient viewer = new WebClient(port).login(data.account("xem." + province, Role.VIEWER, province),
                NationalData.BENCH_PASSWORD);
        assertThat(viewer.get("/").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(provinceDashboard));
        assertThat(assertWholePage(viewer, provinceDashboard)).doesNotContain("id=\"review-callout\"");

        assertThat(jdbc.sql("select count(*) from framework where status = 'DRAFT'").query(Long.class).single())
                .as("no draft in this schema").isZero();
        assertThat(jdbc.sql("select count(*) from login_attempt where outcome = 'LOCKOUT'").query(Long.class)
                .single()).as("nobody locked out in this schema").isZero();
        assertThat(jdbc.sql("select count(*) from period where submission_deadline > current_date - 31")
                .query(Long.class).single()).as("no deadline near in this schema").isZero();
        WebClient administrator = new WebClient(port).login(admin, NationalData.BENCH_PASSWORD);
        assertThat(assertWholePage(administrator, "/")).contains("Cần xử lý", "Xin chào, Benchmark " + admin,
                "id=\"throttled-none\"", "id=\"jobs-none\"", "id=\"drafts-none\"", "id=\"deadlines-none\"");
    }

    private static void assertCallout(String dashboard, long waiting) {
        assertThat(dashboard).contains("id=\"review-callout\"", "href=\"/reviews\"");
        if (waiting == 0) {
            assertThat(dashboard).contains("id=\"review-none\"").doesNotContain("id=\"review-waiting\"");
        }
        else {
            assertThat(dashboard).containsPattern((waiting == 1 ? "1" : String.format(java.util.Locale.ROOT, "%,d",
                    waiting).replace(',', '.')) + " tiêu chí đang chờ duyệt ở các xã bạn phụ trách; "
                    + "tiêu chí chờ lâu nhất gửi ngày \\d\\d/\\d\\d/\\d{4}\\.");
        }
    }

    /** What waits for the reviewers of a unit's communes, counted apart from the page. */
    private long waiting(String unit, List<String> levels) {
        return jdbc.sql("""
                select count(*) from criterion_entry e join assessment a on a.id = e.assessment_id
                join administrative_unit u on u.id = a.unit_id join administrative_unit parent on parent.id = u.parent_id
                where e.status in ('SUBMITTED', 'NOT_APPLICABLE_REQUESTED') and parent.code = :unit
                    and parent.level in (:levels)""").param("unit", unit).param("levels", levels)
                .query(Long.class).single();
    }

    @Test
    void everyPageOfAnAdministratorRendersWholeAtNationalSize() {
        WebClient administrator = new WebClient(port).login(admin, NationalData.BENCH_PASSWORD);
        Crawl crawl = crawl(administrator, "/dashboard/national",
                "/periods/" + country.latestPeriodId() + "/entries.csv",
                "/periods/" + country.latestPeriodId() + "/entries.xlsx");

        System.out.printf("National scale: %d addresses as an administrator: %s; answers: %s%n",
                crawl.visited.size(), crawl.visited.keySet(), crawl.timings());
        assertThat(crawl.visited).as("pages reached").hasSizeGreaterThan(25);
        assertThat(crawl.visited.keySet()).anyMatch(address -> address.startsWith("/users"))
                .anyMatch(address -> address.startsWith("/audit")).anyMatch(address -> address.startsWith("/frameworks/"));
        assertRanking(administrator, "/dashboard/national", communes);
        // The unit search over every unit of the country, matching from a word's start.
        assertThat(assertWholePage(administrator, "/units?q=tong+hop+12")).contains("id=\"results-heading\"",
                "Tỉnh Tổng Hợp 12");

        String national = administrator.get("/dashboard/national").body();
        assertThat(national).as("plans summarised, not one card per plan").contains("id=\"plan-summary\"")
                .doesNotContain("plan-tracker");
    }

    /**
     * The same pages when the country's framework shows points (its figures are the same kept points, written out of
     * the maximum): every page a provincial manager reaches at province size renders whole and in points, and so do the
     * national dashboard and the province's rollup export. In a transaction, so that the kept pages are rendered anew.
     */
    @Test
    void aPointsVersionRendersWholeAtProvinceAndNationalSize() {
        long framework = jdbc.sql("select framework_id from period where id = :period")
                .param("period", country.latestPeriodId()).query(Long.class).single();
        transaction.executeWithoutResult(status -> jdbc.sql(
                "update framework set score_display = 'POINTS' where id = :f")
                .param("f", framework).update());
        try {
            WebClient manager = new WebClient(port).login(country.provinceManager(), NationalData.BENCH_PASSWORD);
            String dashboard = "/units/" + country.largestProvince() + "/dashboard";
            assertThat(assertWholePage(manager, dashboard + "?period=" + country.latestPeriodId()))
                    .contains("Điểm trung bình đã xác nhận", "% điểm tối đa");
            Crawl crawl = crawl(manager, dashboard, "/units/" + country.largestProvince() + "/periods/"
                    + country.latestPeriodId() + "/report.pdf");
            assertThat(crawl.visited).as("pages reached").hasSizeGreaterThan(15);
            assertRanking(manager, dashboard, country.largestProvinceCommunes());
            List<String> rollup = new String(manager.download("/units/" + country.largestProvince() + "/periods/"
                    + country.latestPeriodId() + "/rollup.csv").body(), StandardCharsets.UTF_8).lines().toList();
            assertThat(rollup.get(0)).contains("Điểm đã xác nhận", "Điểm tối đa");
            assertThat(rollup).hasSize(country.largestProvinceCommunes() + 1);

            WebClient administrator = new WebClient(port).login(admin, NationalData.BENCH_PASSWORD);
            assertThat(assertWholePage(administrator, "/dashboard/national")).contains("Điểm trung bình đã xác nhận");
            assertRanking(administrator, "/dashboard/national", communes);
        }
        finally {
            transaction.executeWithoutResult(status -> jdbc.sql(
                    "update framework set score_display = 'PERCENT' where id = :f")
                    .param("f", framework).update());
        }
    }

    /**
     * The expired-evidence flag over the largest province: every file of its entries made to have expired (put back
     * afterwards), the review queue of its largest district's official (a page of up to 500 entries) and a commune's
     * scorecard render whole, every row that has evidence flagged, the flags found in one query for each page's rows.
     */
    @Test
    void theExpiredEvidenceFlagRendersOnTheQueueAndAScorecardAtProvinceSize() {
        String province = country.largestProvince();
        String provinceEntries = """
                select e.id from criterion_entry e join assessment a on a.id = e.assessment_id
                join administrative_unit c on c.id = a.unit_id join administrative_unit parent on parent.id = c.parent_id
                join administrative_unit p on p.id = coalesce(parent.parent_id, parent.id) where p.code = :province""";
        int expired = transaction.execute(status -> jdbc.sql("update evidence set valid_until = effective_date"
                + " where entry_id in (" + provinceEntries + ")").param("province", province).update());
        assertThat(expired).as("files of the province expired").isGreaterThan(1_000);
        try {
            String district = jdbc.sql("""
                    select d.code from administrative_unit d join administrative_unit c on c.parent_id = d.id
                    join administrative_unit p on p.id = d.parent_id
                    where p.code = :province and d.level = 'DISTRICT' and c.level = 'COMMUNE'
                    group by d.code order by count(*) desc, d.code limit 1""").param("province", province)
                    .query(String.class).single();
            WebClient reviewer = new WebClient(port).login(data.account("huyen." + district,
                    Role.DISTRICT_OFFICIAL, district), NationalData.BENCH_PASSWORD);
            String queue = assertWholePage(reviewer, "/reviews");
            long rows = Pattern.compile("id=\"queue-\\d+\"").matcher(queue).results().count();
            long flagged = Pattern.compile("badge text-bg-danger evidence-expired").matcher(queue).results().count();
            assertThat(rows).as("a page of the district's queue").isPositive();
            assertThat(flagged).as("each queued entry with files flagged").isPositive().isLessThanOrEqualTo(rows);
            long withoutFiles = Pattern.compile(Pattern.quote("<span class=\"text-body-secondary\">Chưa có</span>"))
                    .matcher(queue).results().count();
            assertThat(flagged).isEqualTo(rows - withoutFiles);

            WebClient manager = new WebClient(port).login(country.provinceManager(), NationalData.BENCH_PASSWORD);
            String scorecard = assertWholePage(manager, "/communes/" + country.scorecardCommune() + "/periods/"
                    + country.latestPeriodId());
            long withFiles = jdbc.sql("""
                    select count(distinct e.id) from criterion_entry e join assessment a on a.id = e.assessment_id
                    join administrative_unit c on c.id = a.unit_id join evidence f on f.entry_id = e.id
                    where c.code = :commune and a.period_id = :period""").param("commune", country.scorecardCommune())
                    .param("period", country.latestPeriodId()).query(Long.class).single();
            assertThat(Pattern.compile("badge text-bg-danger evidence-expired").matcher(scorecard).results().count())
                    .as("every criterion with files flagged on the scorecard").isEqualTo(withFiles);
        }
        finally {
            transaction.executeWithoutResult(status -> jdbc.sql("update evidence set valid_until = null"
                    + " where entry_id in (" + provinceEntries + ")").param("province", province).update());
        }
    }

    /**
     * The province ranking of the largest province, first without classes (the country's framework has none, as the
     * demo's DX-XA 1.0 before the reform), then with classes given to it for the test: every commune across its pages
     * of 100, in the XLSX, and in the PDF report.
     */
    @Test
    void theProvinceRankingHoldsEveryCommuneOfTheLargestProvince() throws IOException {
        WebClient manager = new WebClient(port).login(country.provinceManager(), NationalData.BENCH_PASSWORD);
        assertThat(assertWholePage(manager, "/units/" + country.largestProvince() + "/dashboard?period="
                + country.latestPeriodId())).contains("id=\"ranking-link\"");
        assertWholeRanking(manager, false);

        long framework = jdbc.sql("select framework_id from period where id = :period")
                .param("period", country.latestPeriodId()).query(Long.class).single();
        jdbc.sql("""
                insert into framework_score_class (framework_id, position, name_vi, name_en, threshold)
                values (:f, 0, 'Tốt', 'Good', 50), (:f, 1, 'Khá', 'Fair', 20), (:f, 2, 'Yếu', 'Weak', 0)""")
                .param("f", framework).update();
        try {
            assertWholeRanking(manager, true);
        }
        finally {
            jdbc.sql("delete from framework_score_class where framework_id = :f").param("f", framework).update();
        }
    }

    private void assertWholeRanking(WebClient manager, boolean classified) throws IOException {
        String ranking = "/units/" + country.largestProvince() + "/periods/" + country.latestPeriodId() + "/ranking";
        int expected = country.largestProvinceCommunes();
        int pages = (expected + RANKING_PAGE - 1) / RANKING_PAGE;
        for (int page : new int[] { 1, pages }) {
            String body = assertWholePage(manager, ranking + "?page=" + page);
            assertThat(rankingRows(body)).as("page " + page)
                    .isEqualTo(page < pages ? RANKING_PAGE : expected - (pages - 1) * RANKING_PAGE);
            if (classified) {
                assertThat(body).contains("(" + expected + ")");
            }
            else {
                assertThat(body).contains("id=\"ranking-unclassified\"").doesNotContain("id=\"class-filter\"");
            }
        }
        HttpResponse<byte[]> xlsx = manager.download(ranking + ".xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheet("Xếp hạng").getLastRowNum()).isEqualTo(expected);
            assertThat(workbook.getSheet("Mức xếp loại") != null).as("the classes' sheet").isEqualTo(classified);
        }
        HttpResponse<byte[]> pdf = manager.download(ranking + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(expected / 60);
        }
    }

    /** Page 1, a middle page and the last, in three orders: the page's rows and its "of N" add up to every commune. */
    private void assertRanking(WebClient client, String dashboard, int expected) {
        int pages = (expected + RANKING_PAGE - 1) / RANKING_PAGE;
        for (String sort : List.of("rank", "lowest", "name")) {
            for (int page : new int[] { 1, (pages + 1) / 2, pages }) {
                String address = dashboard + "?sort=" + sort + "&page=" + page;
                String body = assertWholePage(client, address);
                int rows = rankingRows(body);
                assertThat(rows).as(address).isEqualTo(page < pages ? RANKING_PAGE : expected - (pages - 1) * RANKING_PAGE);
                // Written as the page writes numbers: 10.047, not 10047.
                assertThat(body).as(address).contains("id=\"figure-communes\">"
                        + java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(expected) + "<");
                if (page < pages) {
                    assertThat(body).as(address + ": the next page comes back to the ranking")
                            .containsPattern("page=" + (page + 1) + "#ranking-heading\"");
                }
                // At either end the step that goes nowhere is no link, which the keyboard followed though greyed.
                if (page == 1 || page == pages) {
                    assertThat(body).as(address).contains("<span class=\"page-link\" aria-disabled=\"true\">"
                            + (page == 1 ? "Trang trước" : "Trang sau") + "</span>");
                }
            }
        }
    }

    private static int rankingRows(String body) {
        Matcher table = RANKING_ROWS.matcher(body);
        assertThat(table.find()).as("the ranking table").isTrue();
        return (int) Pattern.compile("<tr[ >]").matcher(table.group(1)).results().count();
    }

    private static String assertWholePage(WebClient client, String address) {
        HttpResponse<String> response = client.get(address);
        assertThat(response.statusCode()).as(address).isEqualTo(200);
        assertWholeDocument(address, response.body());
        return response.body();
    }

    private static void assertWholeDocument(String address, String body) {
        assertThat(body.strip()).as(address + " is a whole HTML document").startsWith("<!DOCTYPE html>")
                .endsWith("</html>");
    }

    /**
     * Follows every link from the start pages, once per shape of address (the starts whatever their shape), each
     * address once, and checks each answer. Evidence files are left out: the country's evidence rows are metadata
     * only, with no file behind them.
     */
    private Crawl crawl(WebClient client, String... starts) {
        Crawl crawl = new Crawl();
        Deque<String> queue = new ArrayDeque<>();
        queue.add("/");
        queue.addAll(Arrays.asList(starts));
        Set<String> shapes = new HashSet<>();
        while (!queue.isEmpty() && crawl.visited.size() < 400) {
            String address = queue.poll();
            // A start is linked from many pages; fetched again each time, the national export alone cost 40 s.
            if (crawl.visited.containsKey(address)
                    || !shapes.add(shape(address)) && !Arrays.asList(starts).contains(address)) {
                continue;
            }
            String body = visit(client, address, crawl);
            if (body != null) {
                Matcher links = HREF.matcher(body);
                while (links.find()) {
                    String link = links.group(1).replace("&amp;", "&");
                    if (followable(link)) {
                        queue.add(link);
                    }
                }
            }
        }
        return crawl;
    }

    private static boolean followable(String link) {
        return !link.startsWith("//") && !link.startsWith("/webjars/") && !link.startsWith("/assets/")
                && !link.startsWith("/evidence/") && !link.startsWith("/logout") && !link.contains("lang=");
    }

    /** The address with its numbers and query values blanked: one of each is enough. */
    private static String shape(String address) {
        int query = address.indexOf('?');
        String path = (query < 0 ? address : address.substring(0, query)).replaceAll("\\d+", "#");
        String names = query < 0 ? "" : Arrays.stream(address.substring(query + 1).split("&"))
                .map(pair -> pair.split("=", 2)[0]).sorted().collect(Collectors.joining("&"));
        return path + "?" + names;
    }

    /** The answer's body when it is a page to follow links from; downloads are checked whole and give null. */
    private static String visit(WebClient client, String address, Crawl crawl) {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = client.send(client.request(address)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        crawl.millis.put(address, (System.nanoTime() - started) / 1_000_000);
        int status = response.statusCode();
        if (status == 302) {
            String location = response.headers().firstValue("Location").orElseThrow();
            assertThat(location).as(address + " redirects within the site").doesNotContain("/login").doesNotContain("error");
            crawl.visited.put(address, status);
            String target = location.replaceFirst("^https?://[^/]+", "");
            return crawl.visited.containsKey(target) ? null : visit(client, target, crawl);
        }
        assertThat(status).as(address).isEqualTo(200);
        crawl.visited.put(address, status);
        String type = response.headers().firstValue("Content-Type").orElse("");
        byte[] body = response.body();
        if (type.startsWith("text/html")) {
            String html = new String(body, StandardCharsets.UTF_8);
            assertWholeDocument(address, html);
            return html;
        }
        if (type.startsWith("application/pdf")) {
            String text = new String(body, StandardCharsets.ISO_8859_1);
            assertThat(text).as(address).startsWith("%PDF-");
            assertThat(text.strip()).as(address + " is a whole PDF").endsWith("%%EOF");
        }
        else if (type.contains("spreadsheetml")) {
            assertWholeWorkbook(address, body);
        }
        else if (type.startsWith("text/csv")) {
            assertThat(new String(body, StandardCharsets.UTF_8)).as(address).endsWith("\n");
        }
        return null;
    }

    /**
     * A value import at the sizes it meets: the largest province's wide template (every commune, every criterion),
     * filled and imported as the province's suggested values, its result page and report whole; a refused file of the
     * province lists its first problems on the page and every one in the report; the administrator's national
     * template holds every commune of the country (10,047 here, more than the 3,321 after the reform) and every
     * criterion.
     */
    @Test
    void aValueImportRendersWholeAtProvinceAndNationalSize() throws IOException {
        long period = country.latestPeriodId();
        // A closed period takes no values: it is extended for the import, as an administrator would, then closed again.
        LocalDate deadline = jdbc.sql("select submission_deadline from period where id = :id").param("id", period)
                .query(LocalDate.class).single();
        jdbc.sql("update period set submission_deadline = current_date + 30 where id = :id").param("id", period)
                .update();
        try {
            valueImportAtSize(period);
        }
        finally {
            jdbc.sql("update period set submission_deadline = :deadline where id = :id").param("deadline", deadline)
                    .param("id", period).update();
        }
    }

    private void valueImportAtSize(long period) throws IOException {
        String page = "/periods/" + period + "/value-import";
        Map<String, String> types = new LinkedHashMap<>();
        jdbc.sql("""
                select c.code, c.measurement_type from criterion c join criterion_group g on g.id = c.group_id
                join period p on p.framework_id = g.framework_id where p.id = :period""")
                .param("period", period).query((rs, n) -> types.put(rs.getString(1), rs.getString(2))).list();
        WebClient manager = new WebClient(port).login(country.provinceManager(), NationalData.BENCH_PASSWORD);

        HttpResponse<byte[]> template = manager.download(page + "/template.xlsx?layout=wide");
        assertThat(template.statusCode()).isEqualTo(200);
        assertWholeWorkbook(page, template.body());
        byte[] filled;
        byte[] wrong;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(template.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum() - 1).as("a row per commune").isEqualTo(country.largestProvinceCommunes());
            assertThat((int) sheet.getRow(0).getLastCellNum()).as("a column per criterion").isEqualTo(2 + types.size());
            List<String> codes = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(cell -> codes.add(cell.getStringCellValue()));
            codes.subList(0, 2).clear();
            assertThat(codes).containsExactlyInAnyOrderElementsOf(types.keySet());
            for (int row = 2; row <= sheet.getLastRowNum(); row++) {
                for (int i = 0; i < codes.size(); i++) {
                    sheet.getRow(row).createCell(2 + i).setCellValue(switch (types.get(codes.get(i))) {
                        case "PERCENT" -> (row % 20) + "/20";
                        case "LEVEL" -> String.valueOf(row % 4);
                        case "BOOLEAN" -> row % 2 == 0 ? "có" : "không";
                        default -> String.valueOf(row);
                    });
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
            for (int row = 2; row <= sheet.getLastRowNum(); row++) {
                sheet.getRow(row).getCell(2).setCellValue("sai");
            }
            out.reset();
            book.write(out);
            wrong = out.toByteArray();
        }
        int values = country.largestProvinceCommunes() * types.size();

        String refused = awaitJob(manager, manager.postMultipart(page, Map.of("_csrf",
                WebClient.csrfToken(manager.get(page))), "sai.xlsx", wrong), "job-refused");
        assertWholeDocument(page, refused);
        assertThat(refused).contains("bị từ chối với " + String.format(java.util.Locale.GERMANY, "%,d",
                country.largestProvinceCommunes()) + " vấn đề");
        String done = awaitJob(manager, manager.postMultipart(page, Map.of("_csrf",
                WebClient.csrfToken(manager.get(page))), "tinh.xlsx", filled), "job-done");
        assertWholeDocument(page, done);
        assertThat(done).contains("Đã nhận " + String.format(java.util.Locale.GERMANY, "%,d", values));
        Matcher report = Pattern.compile("id=\"job-report\" href=\"([^\"]+)\"").matcher(done);
        assertThat(report.find()).isTrue();
        String csv = new String(manager.download(report.group(1)).body(), StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).as("a line per value, and the header").isEqualTo(values + 1L);

        WebClient administrator = new WebClient(port).login(admin, NationalData.BENCH_PASSWORD);
        HttpResponse<byte[]> national = administrator.download(page + "/template.xlsx?layout=wide");
        assertThat(national.statusCode()).isEqualTo(200);
        assertWholeWorkbook(page, national.body());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(national.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum() - 1).as("every commune of the country").isEqualTo(communes);
            assertThat((int) sheet.getRow(0).getLastCellNum()).isEqualTo(2 + types.size());
        }
        System.out.printf("National scale: value import of %d values (%d communes); national template %d bytes%n",
                values, country.largestProvinceCommunes(), national.body().length);
    }

    private static String awaitJob(WebClient client, HttpResponse<String> started, String shown) {
        assertThat(started.statusCode()).isEqualTo(302);
        String job = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        return org.awaitility.Awaitility.await().atMost(org.communedx.service.testsupport.TestWait.part(2))
                .until(() -> client.get(job).body(), body -> body.contains("id=\"" + shown + "\""));
    }

    /**
     * Every part of the package reads to its end, and the first sheet is there (the national one has 271,269 rows).
     * Read through the central directory, as spreadsheet programs do: the parts are written as a stream.
     */
    private static void assertWholeWorkbook(String address, byte[] body) {
        Set<String> parts = new HashSet<>();
        try {
            Path file = Files.createTempFile("national", ".xlsx");
            try {
                Files.write(file, body);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry part : Collections.list(zip.entries())) {
                        try (InputStream in = zip.getInputStream(part)) {
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                        parts.add(part.getName());
                    }
                }
            }
            finally {
                Files.delete(file);
            }
        }
        catch (IOException ex) {
            throw new AssertionError(address + " is not a whole XLSX file", ex);
        }
        assertThat(parts).as(address).contains("xl/workbook.xml", "xl/worksheets/sheet1.xml");
    }

    private static final class Crawl {

        final Map<String, Integer> visited = new LinkedHashMap<>();

        /** How long each answer took, whole, in milliseconds: their sum and the slowest are printed. */
        final Map<String, Long> millis = new LinkedHashMap<>();

        String timings() {
            long all = millis.values().stream().mapToLong(Long::longValue).sum();
            return all + " ms in all; " + millis.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                    .map(entry -> entry.getKey() + " " + entry.getValue() + " ms").collect(Collectors.joining(", "));
        }
    }
}
