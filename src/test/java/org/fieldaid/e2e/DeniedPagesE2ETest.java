package org.fieldaid.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.support.BrowserTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A partner analyst on a tablet tries a household that is not theirs, one that does not exist, an administrator's
 * page and a mistyped address, in English and in Russian: one calm page inside the layout each time, and the
 * browser reports no blocked script or style under the content security policy.
 */
class DeniedPagesE2ETest extends BrowserTest {

    @Autowired HouseholdRegistry registry;
    @Autowired SignIn signIn;

    @Test
    void everyRefusedPageReadsTheSameInsideTheLayoutInEnglishAndRussian() {
        long hidden = LongStream.rangeClosed(1, 400).filter(this::hiddenFromPartner).findFirst().orElseThrow();
        check("en-US", "en", "This page is not available",
                "The page or record you asked for does not exist, or it is not open to you.", hidden);
        check("ru-RU", "ru", "Страница недоступна", "Запрошенной страницы или записи нет, или она вам недоступна.",
                hidden);
    }

    private void check(String browserLocale, String tag, String title, String message, long hidden) {
        try (BrowserContext context = newContext(browserLocale, 800, 900)) {
            Page page = signIn(context, "partner.analyst");
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") && m.text().contains("Content Security Policy")) {
                    problems.add(m.text());
                }
            });
            for (String path : List.of("households/" + hidden, "households/987654321", "admin/users", "no-such/page")) {
                page.navigate(url(path));
                Locator card = page.locator(".error-card");
                assertThat(card.locator("h1")).hasText(title);
                assertThat(card).containsText(message);
                assertThat(card).not().containsText(Pattern.compile("xception|not visible|Invalid input|navigate"));
                assertThat(page.locator("vaadin-drawer-toggle")).isVisible();
                assertThat(page).hasTitle(title + " · FieldAid");
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(
                        "e2e-error-" + tag + "-" + path.replace('/', '_') + "-800.png")));
            }
            page.locator(".error-home").click();
            // a partner's analyst starts on the dashboard (decision 023)
            page.waitForURL(Pattern.compile(".*:" + port + "/reports$"));
            assertThat(page.locator(".dashboard-view")).isVisible();
            org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
        }
    }

    private boolean hiddenFromPartner(long id) {
        try {
            signIn.run("partner.analyst", () -> registry.get(id));
            return false;
        } catch (RecordNotFoundException e) {
            return e.existsButHidden();
        }
    }
}
