package org.fieldaid.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.fieldaid.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** In a real Chromium: mchs.officer registers a family with the keyboard and mouse, mchs.supervisor approves it. */
class RegistrationE2ETest extends BrowserTest {

    @Test
    void officerRegistersAFamilyAndSupervisorApprovesIt() {
        String family = "Zohrabyan" + Long.toString(System.nanoTime() % 10000, 26).replaceAll("[0-9]", "k");
        try (BrowserContext officerContext = newContext("en-US", 1280, 1000);
             BrowserContext supervisorContext = newContext("en-US", 1280, 1000)) {
            Page officer = signIn(officerContext, "mchs.officer");
            officer.navigate(url("households/new"));
            pickFromComboBox(officer, "From (settlement of origin)", "Stepan");
            pickFromComboBox(officer, "Now at (reception location)", "Goris");
            officer.getByLabel("Displaced on").fill("25.10.2020");
            officer.getByLabel("Displaced on").press("Enter");
            officer.getByLabel("Agrees to share the record with partner organisations").check();
            officer.getByLabel("Family name").fill(family);
            officer.getByLabel("Given name", new Page.GetByLabelOptions().setExact(true)).fill("Margarita");
            pickFromSelect(officer, "Sex", "Female");
            officer.getByLabel("Date of birth").fill("17.5.1979");
            officer.getByLabel("Date of birth").press("Enter");
            pickFromSelect(officer, "Identity document", "Armenian passport");
            officer.getByLabel("Document number").fill("AR" + (1000000 + (int) (System.nanoTime() % 8999999)));
            officer.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-register-form-1280.png"))
                    .setFullPage(true));
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for approval")).click();
            officer.waitForURL(Pattern.compile(".*/households/\\d+$"));
            String householdUrl = officer.url();
            assertThat(officer.locator(".fact-value").first()).hasText("Awaiting approval");

            Page supervisor = signIn(supervisorContext, "mchs.supervisor");
            supervisor.navigate(url("approvals"));
            // the inbox lists the oldest first: newest at the end
            supervisor.locator("vaadin-grid").evaluate("grid => grid.scrollToIndex(100000)");
            supervisor.getByText(family).first().click();
            Locator dialog = supervisor.getByRole(AriaRole.DIALOG);
            assertThat(dialog.locator(".household-card")).isVisible();
            assertThat(dialog.locator(".household-card").getByText("Margarita").first()).isVisible();
            supervisor.waitForTimeout(600);
            supervisor.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-approval-dialog-1280.png")));
            supervisor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
            assertThat(supervisor.getByText("Approved.")).isVisible();

            officer.navigate(householdUrl);
            assertThat(officer.locator(".fact-value").first()).hasText("Registered");
        }
    }

    private static void pickFromComboBox(Page page, String label, String typed) {
        Locator input = page.getByLabel(label);
        input.click();
        input.fill(typed);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile(typed))).first().click();
        assertThat(input).hasAttribute("aria-expanded", "false");
        assertThat(input).hasValue(Pattern.compile("^" + typed));
    }

    private static void pickFromSelect(Page page, String label, String item) {
        page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
    }


    @Override
    protected Page signIn(BrowserContext context, String username) {
        Page page = super.signIn(context, username);
        useLanguage(page, "English");
        assertThat(page.locator("vaadin-side-nav-item").first()).containsText("Home");
        return page;
    }
}
