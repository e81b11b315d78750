package org.communedx.web.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.communedx.service.testsupport.TestWait;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Chromium driven by Playwright, one browser per test class and a fresh context (cookies, storage) per test.
 * It uses {@code CHROMIUM_PATH}, else Debian's {@code /usr/bin/chromium}, else Playwright's own download.
 * A failing test leaves a screenshot in {@code target/playwright}. With {@code CI=true} a browser that cannot
 * start fails the test; elsewhere the test is reported as skipped, with the reason.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Path SCREENSHOTS = Path.of("target", "playwright");

    private Playwright playwright;

    private com.microsoft.playwright.Browser browser;

    private com.microsoft.playwright.BrowserContext context;

    private Page page;

    public Page page() {
        return page;
    }

    /** A fresh page in a browser whose JavaScript is off, in place of this test's page. */
    public Page withoutJavaScript() {
        context.close();
        context = newContext(options().setJavaScriptEnabled(false));
        page = context.newPage();
        return page;
    }

    /** Logs in through the Vietnamese login form, as a person does; the page then shows wherever login leads. */
    public Page logIn(int port, String username, String password) {
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        return page;
    }

    /**
     * Back to the page before, as the Back button does, to a page the browser keeps with an ETag (a scorecard, a
     * dashboard): app.js then asks for it again, and this returns once that second load has finished, so that what
     * follows reads the page as it now is rather than one whose document is about to go.
     */
    public static void backToKeptPage(Page page) {
        AtomicInteger loads = new AtomicInteger();
        Consumer<Page> counted = loaded -> loads.incrementAndGet();
        page.onLoad(counted);
        try {
            page.goBack();
            page.waitForCondition(() -> loads.get() >= 2);
        }
        finally {
            page.offLoad(counted);
        }
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        try {
            Path chromium = chromium();
            Map<String, String> env = chromium == null ? Map.of() : Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                    // These machines have no outside network: without these flags Chromium keeps dialling out.
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync"));
            if (chromium != null) {
                options.setExecutablePath(chromium);
            }
            browser = playwright.chromium().launch(options);
        }
        catch (RuntimeException ex) {
            close();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and no browser could start: " + ex.getMessage(), ex);
            }
            Assumptions.abort("No browser could start (set CHROMIUM_PATH): " + ex.getMessage());
        }
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        // Without motion: Bootstrap scrolls smoothly to a page's #anchor, and on a loaded machine a button could still
        // be moving under the pointer when Playwright clicks it (a lost click left FrameworkEditingBrowserIT waiting).
        context = newContext(options());
        // The assertions (assertThat(locator).isVisible() and the like) have a budget of their own, 5 s unless set.
        PlaywrightAssertions.setDefaultAssertionTimeout(TestWait.part(10).toMillis());
        page = context.newPage();
    }

    private static com.microsoft.playwright.Browser.NewContextOptions options() {
        return new com.microsoft.playwright.Browser.NewContextOptions().setLocale("vi-VN")
                .setReducedMotion(ReducedMotion.REDUCE);
    }

    private com.microsoft.playwright.BrowserContext newContext(
            com.microsoft.playwright.Browser.NewContextOptions options) {
        com.microsoft.playwright.BrowserContext created = browser.newContext(options);
        // Playwright's own 30 s would fail a click on a machine that other work slows down; the budget scales.
        created.setDefaultTimeout(TestWait.part(10).toMillis());
        created.setDefaultNavigationTimeout(TestWait.part(10).toMillis());
        return created;
    }

    @Override
    public void afterEach(ExtensionContext extension) throws Exception {
        if (extension.getExecutionException().isPresent() && page != null) {
            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(
                    extension.getRequiredTestClass().getSimpleName() + "-" + extension.getDisplayName()
                            .replaceAll("[^A-Za-z0-9]+", "_") + ".png")));
        }
        if (context != null) {
            context.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        close();
    }

    private void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private static Path chromium() {
        String configured = System.getenv("CHROMIUM_PATH");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/bin/chromium");
        return Files.isExecutable(debian) ? debian : null;
    }
}
