package org.communedx.web.shell;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.communedx.model.period.PeriodRepository;
import org.communedx.web.support.Browser;
import org.communedx.web.support.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communedx.web.support.EntryPages.PASSWORD;

/**
 * The menu at 1280 px, as each demo account sees it: one row, every item legible (WCAG AA, 4.5:1, computed from the
 * colours the browser applies), the current page marked for screen readers and visibly, the account's name whole on
 * two lines; at 1440 px, still one row with the account's name whole; and the language switch, which keeps the page's
 * query.
 */
@TrackerIntegrationTest
class MenuBrowserIT {

    private static final List<String> DEMO_ACCOUNTS = List.of("admin", "tinh.phutho", "tinh.hoabinh", "huyen.lacson",
            "xa.yenphu", "xem.hoabinh");

    /**
     * For every visible item of the bar (the name, the links, the menu's summary, the button): its box, its text
     * colour and the bar's colour, its weight and decoration; and whether the items share one horizontal line.
     */
    private static final String MEASURE = """
            () => {
              const bar = document.querySelector('nav.navbar');
              const items = [...bar.querySelectorAll('.navbar-brand, #main-nav .nav-link, #main-nav .btn')]
                  .filter(item => item.getClientRects().length > 0);
              const boxes = items.map(item => item.getBoundingClientRect());
              const rgba = text => text.match(/[\\d.]+/g).map(Number);
              // What is drawn behind an item: the first ancestor with a background of its own.
              const behind = item => {
                for (let node = item; node; node = node.parentElement) {
                  const colour = rgba(getComputedStyle(node).backgroundColor);
                  if (colour.length < 4 || colour[3] > 0) return colour;
                }
                return [255, 255, 255];
              };
              return {
                oneRow: Math.max(...boxes.map(box => box.top)) < Math.min(...boxes.map(box => box.bottom)),
                accountCut: [...bar.querySelectorAll('.nav-account-name')].some(name =>
                    name.scrollWidth > name.clientWidth || name.scrollHeight > name.clientHeight),
                barWidth: bar.getBoundingClientRect().width,
                items: items.map(item => ({ text: item.textContent.trim(), colour: rgba(getComputedStyle(item).color),
                    background: behind(item), current: item.getAttribute('aria-current'),
                    weight: Number(getComputedStyle(item).fontWeight),
                    underline: getComputedStyle(item).textDecorationLine.includes('underline') }))
              };
            }""";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    PeriodRepository periods;

    @Test
    void everyDemoAccountsMenuIsOneLegibleRowAt1280PixelsWithTheCurrentPageMarked() {
        for (String username : DEMO_ACCOUNTS) {
            Page page = browser.page();
            page.setViewportSize(1280, 800);
            page.context().clearCookies();
            browser.logIn(port, username, PASSWORD);
            page.navigate(url("/units"));

            @SuppressWarnings("unchecked")
            Map<String, Object> menu = (Map<String, Object>) page.evaluate(MEASURE);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) menu.get("items");
            assertThat(((Number) menu.get("barWidth")).doubleValue()).as(username).isEqualTo(1280.0);
            assertThat(menu.get("oneRow")).as(username + "'s menu in one row: " + items).isEqualTo(true);
            assertThat(items).as(username).hasSizeGreaterThanOrEqualTo(5).allSatisfy(item -> assertThat(
                    contrast(numbers(item.get("colour")), numbers(item.get("background"))))
                    .as(username + ": " + item.get("text")).isGreaterThanOrEqualTo(4.5));
            assertThat(items).as(username).filteredOn(item -> "page".equals(item.get("current")))
                    .singleElement().satisfies(current -> {
                        assertThat(current.get("text")).isEqualTo("Đơn vị");
                        assertThat(((Number) current.get("weight")).intValue()).isGreaterThanOrEqualTo(600);
                        assertThat(current.get("underline")).isEqualTo(true);
                    });
            assertThat(menu.get("accountCut")).as(username + "'s name whole at 1280 px, on two lines").isEqualTo(false);

            // Wider screens have room for the account's whole name, still in one row.
            page.setViewportSize(1440, 800);
            @SuppressWarnings("unchecked")
            Map<String, Object> wide = (Map<String, Object>) page.evaluate(MEASURE);
            assertThat(wide.get("oneRow")).as(username + "'s menu in one row at 1440 px").isEqualTo(true);
            assertThat(wide.get("accountCut")).as(username + "'s name whole at 1440 px").isEqualTo(false);
        }
    }

    /**
     * Tabbing through the bar shows where the focus is: Bootstrap's ring, its blue at a quarter over the bar's blue,
     * could hardly be seen (WCAG 2.4.7 and 1.4.11 ask a mark of 3:1 against what is around it).
     */
    @Test
    void keyboardFocusInTheMenuIsPlainToSee() {
        Page page = browser.logIn(port, "admin", PASSWORD);
        page.setViewportSize(1280, 800);
        page.navigate(url("/units"));
        List<Map<String, Object>> focused = new java.util.ArrayList<>();
        for (int i = 0; i < 14; i++) {
            page.keyboard().press("Tab");
            Map<String, Object> item = focusedOutline(page, "nav.navbar");
            if (item != null) {
                focused.add(item);
            }
        }
        assertThat(focused).hasSizeGreaterThanOrEqualTo(6);
        assertPlainToSee(focused, new double[] { 10, 88, 202 });
    }

    /**
     * On the page too: Bootstrap's ring around a field or a button, its blue at a quarter over white, was 1.3:1; an
     * outline of the bar's blue is 6.4:1.
     */
    @Test
    void keyboardFocusOnAFormIsPlainToSee() {
        Page page = browser.logIn(port, "admin", PASSWORD);
        page.navigate(url("/periods/new"));
        List<Map<String, Object>> focused = new java.util.ArrayList<>();
        for (int i = 0; i < 40 && focused.stream().noneMatch(item -> "BUTTON".equals(item.get("tag"))); i++) {
            page.keyboard().press("Tab");
            Map<String, Object> item = focusedOutline(page, "main form");
            // A date field's day, month, year and calendar button are stops of one field: its first is the field's.
            if (item != null && focused.stream().noneMatch(seen -> seen.get("text").equals(item.get("text")))) {
                focused.add(item);
            }
        }
        assertThat(focused).extracting(item -> item.get("tag")).contains("INPUT", "SELECT", "BUTTON");
        assertPlainToSee(focused, new double[] { 255, 255, 255 });
    }

    /** The outline of the element that has the focus, when it lies within {@code scope} (a selector); else null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> focusedOutline(Page page, String scope) {
        return (Map<String, Object>) page.evaluate("""
                scope => {
                  const item = document.activeElement;
                  if (!item.closest(scope)) return null;
                  const style = getComputedStyle(item);
                  return { tag: item.tagName, text: item.id || item.textContent.trim(), style: style.outlineStyle,
                      width: parseFloat(style.outlineWidth),
                      colour: style.outlineColor.match(/[\\d.]+/g).map(Number) };
                }""", scope);
    }

    /** Each outline solid, 2 px at least, and 3:1 against what it is drawn on (WCAG 2.4.7 and 1.4.11). */
    private static void assertPlainToSee(List<Map<String, Object>> focused, double[] background) {
        assertThat(focused).allSatisfy(item -> {
            assertThat(item.get("style")).as(item.get("text").toString()).isEqualTo("solid");
            assertThat(((Number) item.get("width")).doubleValue()).as(item.get("text").toString())
                    .isGreaterThanOrEqualTo(2);
            assertThat(contrast(numbers(item.get("colour")), background)).as(item.get("text").toString())
                    .isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void theAdministrationMenuOpensWithoutScriptAndMarksThePageInside() {
        Page page = browser.logIn(port, "admin", PASSWORD);
        page.setViewportSize(1280, 800);
        page.navigate(url("/users"));

        assertThat(page.locator("#nav-admin > summary")).hasClass(java.util.regex.Pattern.compile("\\bcurrent\\b"));
        assertThat(page.locator("#nav-admin a[aria-current=page]")).isHidden();
        page.locator("#nav-admin > summary").click();
        assertThat(page.locator("#nav-admin a[aria-current=page]")).hasText("Người dùng");
        assertThat(page.locator("#nav-admin a")).hasText(new String[] { "Bộ tiêu chí", "Kỳ đánh giá", "Người dùng",
                "Mã truy cập API", "Nhật ký", "Tác vụ định kỳ" });
        page.keyboard().press("Escape");
        assertThat(page.locator("#nav-admin a[aria-current=page]")).isHidden();
        assertThat(page.locator("#nav-admin > summary")).isFocused();

        // By keyboard: Enter opens it, and tabbing on past its last item closes it behind. Escape from an item closes
        // it too, and no script stumbles on it (Bootstrap's dropdown looked for a toggle button it does not have).
        java.util.List<String> errors = new java.util.ArrayList<>();
        page.onPageError(errors::add);
        page.keyboard().press("Enter");
        page.locator("#nav-admin a").first().focus();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Escape");
        assertThat(page.locator("#nav-admin > summary")).isFocused();
        org.assertj.core.api.Assertions.assertThat(errors).as("errors of the page's scripts").isEmpty();
        page.keyboard().press("Enter");
        assertThat(page.locator("#nav-admin")).hasAttribute("open", "");
        page.locator("#nav-admin a").last().focus();
        page.keyboard().press("Tab");
        assertThat(page.locator("#nav-admin")).not().hasAttribute("open", "");

        page.locator("#nav-admin > summary").click();
        page.locator("#nav-admin").getByText("Kỳ đánh giá", new com.microsoft.playwright.Locator.GetByTextOptions()
                .setExact(true)).click();
        assertThat(page).hasURL(url("/periods"));
        assertThat(page.locator("#nav-admin a[aria-current=page]")).hasText("Kỳ đánh giá");
    }

    /** On a phone the menu is a panel under its button; Escape folds it, as it closes a menu, back to the button. */
    @Test
    void escapeFoldsThePhonesMenuBackToItsButton() {
        Page page = browser.logIn(port, "tinh.phutho", PASSWORD);
        page.setViewportSize(390, 844);
        page.navigate(url("/notifications"));

        page.locator(".navbar-toggler").click();
        assertThat(page.locator("#main-nav")).isVisible();
        assertThat(page.locator(".navbar-toggler")).hasAttribute("aria-expanded", "true");
        page.locator("#main-nav a").first().focus();
        page.keyboard().press("Escape");

        assertThat(page.locator("#main-nav")).isHidden();
        assertThat(page.locator(".navbar-toggler")).hasAttribute("aria-expanded", "false");
        assertThat(page.locator(".navbar-toggler")).isFocused();
    }

    /**
     * Without JavaScript (off, or not yet arrived on a slow link) the phone's menu button still opens the panel: every
     * link of the bar was out of reach, logging out and the other language too.
     */
    @Test
    void withoutJavaScriptThePhonesMenuButtonStillOpensThePanel() {
        Page page = browser.withoutJavaScript();
        page.setViewportSize(360, 740);
        browser.logIn(port, "tinh.hoabinh", PASSWORD);
        assertThat(page.locator("#main-nav")).isHidden();

        page.locator(".navbar-toggler").click();

        assertThat(page.locator("#main-nav")).isVisible();
        assertThat(page.locator(".navbar-toggler")).isInViewport();
        page.getByText("Đóng menu").click();
        assertThat(page.locator("#main-nav")).isHidden();
        page.locator(".navbar-toggler").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    }

    /** With JavaScript, Space presses the phone's menu button, a link to the panel, as it presses a button. */
    @Test
    void spaceOpensThePhonesMenu() {
        Page page = browser.logIn(port, "tinh.phutho", PASSWORD);
        page.setViewportSize(390, 844);
        page.locator(".navbar-toggler").focus();

        page.keyboard().press(" ");

        assertThat(page.locator("#main-nav")).isVisible();
        assertThat(page.locator(".navbar-toggler")).hasAttribute("aria-expanded", "true");
        assertThat(page.getByText("Đóng menu")).isHidden();
    }

    @Test
    void theLanguageSwitchKeepsThePagesQueryAndEncodesIt() {
        long period = periods.findByName("Năm 2025").orElseThrow().getId();
        Page page = browser.logIn(port, "tinh.hoabinh", PASSWORD);
        page.navigate(url("/units/17/dashboard?period=" + period + "&threshold=50&lang=vi"));
        assertThat(page.locator("#nav-language")).hasAttribute("href", "?period=" + period + "&threshold=50&lang=en");

        page.locator("#nav-language").click();

        assertThat(page).hasURL(url("/units/17/dashboard?period=" + period + "&threshold=50&lang=en"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#nav-language")).hasText("Tiếng Việt");
        assertThat(page.locator("#nav-language")).hasAttribute("href", "?period=" + period + "&threshold=50&lang=vi");
        assertThat(page.locator("#threshold")).hasValue("50");

        page.navigate(url("/units?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"));
        assertThat(page.locator("#nav-language"))
                .hasAttribute("href", "?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&lang=vi");
        assertThat(page.content()).doesNotContain("<script>alert");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @SuppressWarnings("unchecked")
    private static double[] numbers(Object list) {
        return ((List<Number>) list).stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** WCAG 2's contrast ratio of a colour (its alpha laid over the background) against the background. */
    static double contrast(double[] colour, double[] background) {
        double alpha = colour.length > 3 ? colour[3] : 1;
        double[] drawn = new double[3];
        for (int i = 0; i < 3; i++) {
            drawn[i] = colour[i] * alpha + background[i] * (1 - alpha);
        }
        double one = luminance(drawn);
        double other = luminance(background);
        return (Math.max(one, other) + 0.05) / (Math.min(one, other) + 0.05);
    }

    private static double luminance(double[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double channel = rgb[i] / 255;
            linear[i] = channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }
}
