package org.fieldaid.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.fieldaid.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** Two people sign in in a real Chromium, each sees their own navigation, one reads it in Russian, both sign out. */
class SignInAndNavigationE2ETest extends BrowserTest {

    @Test
    void twoUsersSeeTheirOwnNavigationOneSwitchesToRussianAndBothLogOut() {
        try (BrowserContext officerContext = newContext("en-US", 1280, 900);
             BrowserContext adminContext = newContext("en-US", 800, 1000)) {
            Page officer = signIn(officerContext, "mchs.officer");
            Page admin = signIn(adminContext, "admin");

            officer.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-officer-home-1280.png")));
            Locator officerNav = officer.locator("vaadin-side-nav-item");
            assertThat(officerNav.filter(new Locator.FilterOptions().setHasText("Home"))).hasCount(1);
            assertThat(officerNav.filter(new Locator.FilterOptions().setHasText("Users"))).hasCount(0);
            assertThat(officer.locator("li[data-authority='HOUSEHOLD:WRITE']"))
                    .hasText("Register displaced families and update their records");
            assertThat(officer.locator(".user-agency")).hasText("Ministry of Emergency Situations");

            // 800 px, a tablet: the navigation is a drawer that the toggle opens
            assertThat(admin.locator("vaadin-side-nav")).isHidden();
            admin.locator("vaadin-drawer-toggle").click();
            Locator adminNav = admin.locator("vaadin-side-nav-item");
            assertThat(adminNav.first()).isVisible();
            for (String item : new String[] {"Users", "Agencies", "Settlements", "Audit log"}) {
                assertThat(adminNav.filter(new Locator.FilterOptions().setHasText(item))).hasCount(1);
            }
            assertThat(admin.locator("li[data-authority='HOUSEHOLD:WRITE']")).hasCount(0);
            admin.keyboard().press("Escape");
            assertThat(admin.locator("vaadin-side-nav")).isHidden();
            admin.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-admin-home-800.png")));

            officer.locator("vaadin-select.language-switch").click();
            officer.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Русский")).click();
            officer.waitForLoadState();
            assertThat(officer.locator("vaadin-side-nav-item").first()).containsText("Главная");
            assertThat(officer.locator("li[data-authority='HOUSEHOLD:WRITE']"))
                    .hasText("Регистрировать перемещённые семьи и обновлять их данные");
            officer.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-officer-home-ru-1280.png")));
            // the other person's language is untouched
            assertThat(admin.locator("vaadin-side-nav-item").first()).containsText("Home");

            officer.locator("vaadin-select.language-switch").click();
            officer.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("English")).click();
            officer.waitForLoadState();
            assertThat(officer.locator("vaadin-side-nav-item").first()).containsText("Home");

            logOut(officer, "Log out");
            logOut(admin, "Log out");
        }
    }


    private static void logOut(Page page, String label) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label)).click();
        page.waitForURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }
}
