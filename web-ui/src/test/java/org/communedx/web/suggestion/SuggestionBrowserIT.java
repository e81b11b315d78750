package org.communedx.web.suggestion;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.model.framework.FrameworkRepository;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.Browser;
import org.communedx.web.support.EntryPages;
import org.communedx.web.support.TrackerIntegrationTest;
import org.communedx.web.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's journey: the province issues its system an API token in the browser, the system's script pushes suggested
 * values through the API with that token, and the commune takes them in the browser, one on its entry page and the rest
 * from the scorecard with one click each, into drafts it then submits.
 */
@TrackerIntegrationTest
class SuggestionBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Autowired
    FrameworkRepository frameworks;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aSuggestedValueShowsFromItsSourceAndTheCommuneTakesItIntoADraft() {
        long period = new EntryPages(frameworks, periods, transaction).newPeriod();

        // The province issues its one-stop-shop system a token in the browser, and reads it once.
        Page page = browser.logIn(port, "tinh.phutho", EntryPages.PASSWORD);
        page.navigate("http://localhost:" + port + "/api-tokens");
        page.locator("#name").fill("Một cửa điện tử Phú Thọ");
        page.locator("#role").selectOption("PROVINCE_MANAGER");
        page.locator("#unitCode").fill("25");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cấp mã")).click();
        String token = page.locator("#issued-token").inputValue();
        assertThat(token).startsWith("cdx_");

        // The system's script pushes the province's values with that token alone.
        WebClient system = new WebClient(port);
        HttpResponse<String> pushed = system.send(system.request("/api/v1/periods/" + period + "/suggested-values")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"source": "Một cửa điện tử", "suggestions": [
                          {"communeCode": "05305", "criterionCode": "G1.C1", "value": "18/20",
                           "reference": "MC-2019-0153", "measuredAt": "2019-11-30T00:00:00Z"},
                          {"communeCode": "05305", "criterionCode": "G1.C2", "value": 2},
                          {"communeCode": "05305", "criterionCode": "G2.C4", "value": 5}]}""",
                        StandardCharsets.UTF_8)).build());
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        assertThat(pushed.headers().firstValue("Set-Cookie")).isEmpty();

        page.context().clearCookies();
        page = browser.logIn(port, "xa.yenphu", EntryPages.PASSWORD);
        page.navigate("http://localhost:" + port + "/communes/05305/periods/" + period);
        assertThat(page.locator("[id='suggestion-G1.C1']")).containsText("từ Một cửa điện tử:");
        assertThat(page.locator("[id='suggestion-G1.C1']")).containsText("18/20 (90,00%)");
        assertThat(page.locator("[id='suggestion-G1.C1']")).containsText("Số tham chiếu: MC-2019-0153");

        // One on its entry page...
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("G1.C1")).click();
        assertThat(page.locator("#suggestion")).containsText("từ Một cửa điện tử:");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dùng giá trị đề xuất")).click();
        assertThat(page.getByText("Đã dùng giá trị đề xuất; tiêu chí đang ở trạng thái nháp.")).isVisible();
        assertThat(page.locator("#entry-status")).hasText("Đang soạn");
        assertThat(page.locator("#entry-value")).hasText("18/20 (90,00%)");
        assertThat(page.locator("#suggestion")).containsText("Tiêu chí đang dùng đúng giá trị này.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dùng giá trị đề xuất")))
                .hasCount(0);

        // The commune's own value of G1.C2, which taking them all replaces: the scorecard names it first.
        page.navigate("http://localhost:" + port + EntryPages.criterion("05305", period, "G1.C2"));
        page.getByLabel("Mức độ (0–3)").selectOption("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu giá trị")).click();
        assertThat(page.getByText("Đã lưu giá trị.")).isVisible();

        // ...and the rest from the scorecard, with one click.
        page.navigate("http://localhost:" + port + "/communes/05305/periods/" + period);
        assertThat(page.locator("#take-suggestions-replacing"))
                .hasText("1 giá trị trong số đó sẽ thay giá trị xã đã nhập: G1.C2. Nếu muốn giữ giá trị của xã ở "
                        + "tiêu chí nào, hãy dùng từng giá trị đề xuất trên trang của tiêu chí đó.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dùng 2 giá trị đề xuất")).click();
        assertThat(page.locator("#suggestions-taken")).containsText("Đã dùng 2 giá trị đề xuất");
        assertThat(page.locator("#suggestions-taken")).containsText("G1.C2");
        assertThat(page.locator("#todo-drafts")).containsText("3");
        assertThat(page.locator("#take-suggestions")).hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi duyệt tất cả tiêu chí đã lưu (3)")).click();
        assertThat(page.locator("#submit-all-summary")).isVisible();
    }
}
