package org.communedx.web.scorecard;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.format.Formats;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/** The commune scorecard (J1) over HTTP. */
@TrackerIntegrationTest
class ScorecardIT {

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

    @Test
    void communeStaffLandOnTheirScorecardForTheCurrentPeriod() {
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        long current = periods.findByName("Năm 2026").orElseThrow().getId();

        HttpResponse<String> home = staff.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/communes/05305/periods/" + current));

        String page = staff.get("/communes/05305/periods/" + current).body();
        assertThat(page).contains("Bảng điểm Xã Yên Phú — Năm 2026", "Đã xác nhận:", "Kê khai:",
                "giá trị chưa đạt chỉ tiêu có thể được một phần điểm", "làm tròn đến hai chữ số thập phân",
                "Mục tiêu của Kế hoạch chuyển đổi số cấp xã tỉnh Phú Thọ năm 2026: 40% điểm tối đa = 400,00 / 1.000 điểm",
                "Hạn kế hoạch: 31/12/2026", "Hạn nộp:");
        String lastYear = staff.get("/communes/05305/periods/" + periods.findByName("Năm 2025").orElseThrow().getId())
                .body();
        assertThat(lastYear).as("each period shows the plan whose deadline falls in it")
                .contains("Mục tiêu của Kế hoạch chuyển đổi số cấp xã huyện Lạc Sơn 2023–2025: 30% hoàn thành",
                        "Hạn kế hoạch: 31/12/2025 (đã hết hạn)");
        assertThat(lastYear).as("a plan that is over has an outcome, judged at its deadline (ProgressTests)")
                .containsAnyOf("Đã đạt mục tiêu kế hoạch đúng hạn", "Không đạt mục tiêu kế hoạch khi đến hạn")
                .doesNotContain("Chưa đạt mục tiêu kế hoạch");
        for (String group : new String[] { "G1. ", "G2. ", "G3. ", "G4. ", "G5. ", "G6. " }) {
            assertThat(page).contains(group);
        }
        assertThat(page.split("href=\"/communes/05305/periods/" + current + "/criteria/"))
                .as("27 criteria, each a link to its page").hasSize(28);
        assertThat(page).contains("Chưa bắt đầu", "Chưa nhập", "≥\u00a0100%");
        // The demo's 2026 period is on the sample points version DX-XA 2.0: 1,000 points, G1.C1 worth 50 of them.
        assertThat(page).containsPattern("id=\"verified-overall\">\\s*[0-9.]+,\\d\\d / 1\\.000 điểm")
                .containsPattern("id=\"claimed-overall\">\\s*[0-9.]+,\\d\\d / 1\\.000 điểm")
                .containsPattern("<td class=\"text-end\"[^>]*>[0-9.]+,\\d\\d / 50 điểm</td>");
        assertThat(staff.get("/communes/05305/periods/" + periods.findByName("Năm 2025").orElseThrow().getId())
                .body()).as("2025 is on DX-XA 1.0, in percent")
                .containsPattern("id=\"verified-overall\">\\s*\\d+,\\d%").doesNotContain("1.000 điểm")
                .contains("làm tròn đến một chữ số thập phân", "tiêu chí đã duyệt và đạt chỉ tiêu");
    }

    @Test
    void completionIsVerifiedFromApprovalsAndClaimedFromSubmissions() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        WebClient reviewer = new WebClient(port).login("huyen.lacson", PASSWORD);
        long c1 = EntryPages.savePercentFirst(staff, "05305", period, "G1.C1", 18, 20);
        EntryPages.submit(staff, c1);
        long c2 = EntryPages.saveFirst(staff, "05305", period, "G1.C2", "level=3");
        EntryPages.submit(staff, c2);
        EntryPages.post(reviewer, c1, "approve", "version=" + EntryPages.version(reviewer, c1));

        String page = staff.get("/communes/05305/periods/" + period).body();
        // 4 criteria of weight 1: C1 approved and met, C2 submitted and met.
        assertThat(page).containsPattern("id=\"verified-overall\">\\s*25,0%");
        assertThat(page).containsPattern("id=\"claimed-overall\">\\s*50,0%");
        assertThat(page).contains("18/20 (90,00%)", "Đạt", "Mức 3");
        assertThat(page).as("2019 runs before Lạc Sơn's 2023–2025 plan, the only one Yên Phú took part in then")
                .doesNotContain("Mục tiêu của", "mục tiêu kế hoạch");
    }

    @Test
    void anotherCommunesScorecardDoesNotExistForCommuneStaff() {
        WebClient staff = new WebClient(port).login("xa.yenphu", PASSWORD);
        long current = periods.findByName("Năm 2026").orElseThrow().getId();

        HttpResponse<String> other = staff.get("/communes/05347/periods/" + current);

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Ân Nghĩa", "Đại Đồng");
    }

    /** In the deadline's grace the commune is told until when it may still write, not only that the deadline passed. */
    @Test
    void inTheGraceTheScorecardSaysUntilWhenTheCommuneMayWrite() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        long period = new EntryPages(frameworks, periods, transaction).newPeriod(2019, today.minusDays(2));
        jdbc.update("update period set grace_days = 3 where id = ?", period);

        String page = new WebClient(port).login("xa.yenphu", PASSWORD).get("/communes/05305/periods/" + period)
                .body();

        assertThat(page).contains("Hạn nộp: " + Formats.day(today.minusDays(2)) + " (đã qua, nhưng kỳ vẫn nhận thay đổi"
                + " của xã đến hết ngày " + Formats.day(today.plusDays(1)) + ": gia hạn 3 ngày)")
                .doesNotContain("đã quá hạn", "id=\"deadline-passed\"");
    }
}
