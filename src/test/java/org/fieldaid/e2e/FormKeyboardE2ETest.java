package org.fieldaid.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.fieldaid.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * In a real Chromium at tablet width, with the keyboard as a field officer uses it: choices typed and taken with
 * Enter, dates typed day first, an impossible date refused at its field with nothing saved, Alt+S keeping the
 * field typed last, and a list row opened with Enter.
 */
class FormKeyboardE2ETest extends BrowserTest {

    @Test
    void anOfficerRegistersWithTheKeyboardAndLosesNothing() {
        String family = "Keyboardyan" + Long.toString(System.nanoTime() % 10000, 26).replaceAll("[0-9]", "k");
        String passport = "AN" + (1000000 + (int) (System.nanoTime() % 8999999));
        try (BrowserContext context = newContext("en-US", 800, 1000)) {
            Page page = signIn(context, "mchs.officer");
            useLanguage(page, "English");
            page.navigate(url("households/new"));
            Locator origin = page.getByLabel("From (settlement of origin)");
            assertThat(origin).isFocused();

            page.keyboard().type("Stepan");
            page.keyboard().press("Enter");
            assertThat(origin).hasValue(Pattern.compile("^Stepanakert"));
            page.keyboard().press("Tab");
            page.keyboard().type("Gor");
            page.keyboard().press("Enter");
            assertThat(page.getByLabel("Now at (reception location)")).hasValue("Goris");
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            page.keyboard().type("20.10.2020");
            page.keyboard().press("Tab");
            assertThat(page.getByLabel("Phone")).isFocused();
            assertThat(page.getByLabel("Displaced on")).hasValue("20.10.2020");

            page.getByLabel("Family name").fill(family);
            page.getByLabel("Given name", new Page.GetByLabelOptions().setExact(true)).fill("Aram");
            Locator birth = page.getByLabel("Date of birth");
            birth.fill("31.02.1979");
            birth.press("Tab");
            page.getByLabel("Phone").click();
            page.keyboard().type("+374 77 123456");
            page.keyboard().press("Alt+s");

            assertThat(page.locator("[slot=error-message]").getByText("This is not a date.")).isVisible();
            assertThat(page.locator("[role=alert]")).containsText("Nothing was saved");
            assertThat(birth).isFocused();
            assertThat(birth).hasValue("31.02.1979");
            assertThat(page).hasURL(Pattern.compile(".*/households/new$"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-form-bad-date-800.png")));

            birth.fill("17.05.1979");
            birth.press("Tab");
            page.getByLabel("Identity document", new Page.GetByLabelOptions().setExact(true)).click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Armenian passport"))
                    .first().click();
            page.getByLabel("Document number").click();
            page.keyboard().type(passport);
            page.keyboard().press("Alt+s");

            page.waitForURL(Pattern.compile(".*/households/\\d+$"));
            Locator card = page.locator(".household-card");
            assertThat(card).containsText("Armenian passport " + passport);
            assertThat(card).containsText("+374 77 123456");
            assertThat(card).containsText("20 Oct 2020");
            assertThat(card).containsText("17 May 1979");
            String saved = page.url();

            page.navigate(url("households"));
            Locator search = page.getByLabel("Name, registration or document number");
            assertThat(search).isFocused();
            page.keyboard().type(family);
            assertThat(page.locator(".result-count")).hasText("1 found");
            page.getByLabel("Agency", new Page.GetByLabelOptions().setExact(true)).focus();
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            page.keyboard().press("Enter");
            page.waitForURL(saved);
        }
    }

    @Test
    void anImpossibleDateIsRefusedInRussianAtItsField() {
        try (BrowserContext context = newContext("ru-RU", 800, 1000)) {
            Page page = signIn(context, "mod.officer");
            useLanguage(page, "Русский");
            page.navigate(url("households/new"));
            page.getByLabel("Фамилия").fill("Петросян");
            page.getByLabel("Имя", new Page.GetByLabelOptions().setExact(true)).fill("Карине");
            Locator birth = page.getByLabel("Дата рождения");
            birth.fill("30.02.1990");
            page.keyboard().press("Alt+s");

            assertThat(page.locator("[slot=error-message]").getByText("Это не дата.")).isVisible();
            assertThat(page.locator("[role=alert]")).containsText("Ничего не сохранено");
            assertThat(page).hasURL(Pattern.compile(".*/households/new$"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-form-bad-date-ru-800.png")));
            useLanguage(page, "English");
        }
    }
}
