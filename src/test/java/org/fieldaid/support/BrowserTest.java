package org.fieldaid.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An end-to-end test in the system's Chromium against the application on a random port. */
@IntegrationTest
public abstract class BrowserTest {

    protected static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    protected int port;

    protected static Playwright playwright;
    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        Chromium.requireOrSkip();
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
        // waits, not speed targets: a busy two-core machine takes longer than Playwright's 5 s default to answer
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    protected BrowserContext newContext(String locale, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(width, height));
        context.setDefaultTimeout(30_000);
        return context;
    }

    /**
     * Switches the signed-in user's language with the header's switch. The language is remembered per user, so
     * another test may have left this one in another language.
     */
    protected static void useLanguage(Page page, String nameInItself) {
        if (!page.locator("vaadin-select.language-switch").innerText().contains(nameInItself)) {
            // the server stores the choice and then reloads the page: the switch shows the new language before
            // that, so wait for the new document, or the next navigation is aborted by the reload
            page.evaluate("() => { window.fieldaidBeforeLanguageSwitch = true; }");
            page.locator("vaadin-select.language-switch").click();
            page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(nameInItself)).click();
            page.waitForFunction("() => window.fieldaidBeforeLanguageSwitch === undefined");
            page.waitForLoadState();
            assertThat(page.locator("vaadin-select.language-switch")).containsText(nameInItself);
        }
    }

    /** Signs in on the login page with the demo password, and waits for the main layout. */
    protected Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(url(""));
        page.waitForURL(Pattern.compile(".*/login$"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill("fieldaid");
        page.locator("input[name=password]").press("Enter");
        page.waitForURL(Pattern.compile(".*:" + port + "/(reports)?(\\?continue)?$"));
        assertThat(page.locator("vaadin-drawer-toggle")).isVisible();
        return page;
    }
}
