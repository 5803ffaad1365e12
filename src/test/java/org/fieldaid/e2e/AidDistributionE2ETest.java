package org.fieldaid.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.EntitlementRow;
import org.fieldaid.aid.RoundRow;
import org.fieldaid.aid.RoundStatus;
import org.fieldaid.aid.StockLevel;
import org.fieldaid.support.BrowserTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An officer at the Goris point, on a tablet in English, finds a family of the approved demo round and hands over
 * what is due; the same handover prepared in a second tab is then refused with a message, and stock fell once.
 */
class AidDistributionE2ETest extends BrowserTest {

    @Autowired Aid aid;
    @Autowired SignIn signIn;

    @Test
    void officerHandsOverWhatIsDueAndASecondHandoverIsRefusedWithAMessage() {
        EntitlementRow due = signIn.run("mchs.officer", () -> {
            RoundRow goris = aid.rounds().stream().filter(r -> r.status() == RoundStatus.APPROVED)
                    .reduce((a, b) -> b).orElseThrow();
            long household = aid.entitlementsOfRound(goris.id(), 1000).stream().filter(EntitlementRow::deliverable)
                    .findFirst().orElseThrow().householdId();
            // the screen lists a family's entitlements in this order, so its first button hands over this one
            return aid.entitlementsOf(household).stream().filter(EntitlementRow::deliverable).findFirst()
                    .orElseThrow();
        });
        int before = stock(due);
        try (BrowserContext context = newContext("en-GB", 800, 1000)) {
            Page first = signIn(context, "mchs.officer");
            useLanguage(first, "English");
            Page second = context.newPage();
            openHandover(first, due.registrationNumber());
            openHandover(second, due.registrationNumber());

            second.keyboard().press("Alt+s");
            assertThat(second.locator(".aid-result")).hasAttribute("data-result", "DELIVERED");
            assertThat(second.locator(".aid-result")).containsText("Handed over. Receipt R-");

            first.bringToFront();
            first.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Record handover")).click();
            assertThat(first.locator(".aid-result")).hasAttribute("data-result", "ALREADY_DELIVERED");
            assertThat(first.locator(".aid-result")).hasText(
                    "Already handed over: this package was given to the family before. Nothing was handed over now.");
            first.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-aid-refused-en-800.png")));
        }
        org.assertj.core.api.Assertions.assertThat(stock(due)).isEqualTo(before - due.quantity());
    }

    private void openHandover(Page page, String registrationNumber) {
        page.navigate(url("aid/distribute"));
        page.locator("vaadin-text-field.household-search input").fill(registrationNumber);
        Locator hand = page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Hand over"));
        hand.first().click();
        page.locator("vaadin-checkbox").first().click();
        assertThat(page.locator("vaadin-checkbox").first()).hasAttribute("checked", "");
    }

    private int stock(EntitlementRow due) {
        return signIn.run("mchs.officer", () -> {
            RoundRow round = aid.round(due.roundId());
            return aid.stock(round.warehouseId()).stream().filter(s -> s.packageTypeId() == due.packageTypeId())
                    .findFirst().map(StockLevel::quantity).orElseThrow();
        });
    }
}
