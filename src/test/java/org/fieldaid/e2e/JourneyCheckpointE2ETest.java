package org.fieldaid.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberView;
import org.fieldaid.journey.ConvoyForm;
import org.fieldaid.journey.ConvoyRow;
import org.fieldaid.journey.DiscrepancyKind;
import org.fieldaid.journey.DiscrepancyRow;
import org.fieldaid.journey.JourneyRow;
import org.fieldaid.journey.JourneyStatus;
import org.fieldaid.journey.Journeys;
import org.fieldaid.journey.VehicleForm;
import org.fieldaid.support.BrowserTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journey home in Chromium at 800 px: the MoD officer plans it from the household's tab and submits it; after
 * approval and departure, the Border Service officer at the barrier types one number with Cyrillic letters and
 * spaces, marks one traveller missing and records the crossing; the arrival then marks the others returned.
 */
class JourneyCheckpointE2ETest extends BrowserTest {

    @Autowired Journeys journeys;
    @Autowired Approvals approvals;
    @Autowired HouseholdRegistry registry;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    @Test
    void plannedJourneyCrossesWithOneTravellerMissingAndTheOthersArriveHome() {
        LocalDate today = LocalDate.now(Formats.ZONE);
        signIn.run("mod.officer", () -> journeys.createConvoy(new ConvoyForm(today, "E2E route",
                "Lachin corridor checkpoint", "E2E escort", List.of(new VehicleForm("BUS", "E2E " + System.nanoTime()
                % 100000, 40)))));
        long family = jdbc.queryForList("SELECT h.id FROM household h JOIN settlement s ON s.id = h.origin_settlement_id "
                + "WHERE h.status = 'REGISTERED' AND s.return_status = 'OPEN' AND h.member_count BETWEEN 3 AND 5 "
                + "AND NOT EXISTS (SELECT 1 FROM journey j WHERE j.household_id = h.id) AND NOT EXISTS (SELECT 1 "
                + "FROM person p WHERE p.household_id = h.id AND (p.document_normalised IS NULL OR p.returned)) "
                + "ORDER BY h.id DESC", Long.class).getFirst();
        long journeyId;
        try (BrowserContext context = newContext("en-GB", 800, 1100)) {
            Page page = signIn(context, "mod.officer");
            useLanguage(page, "English");
            page.navigate(url("households/" + family));
            page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("Journeys")).click();
            Locator date = page.locator(".journey-plan vaadin-date-picker input");
            date.fill(today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
            date.press("Tab");
            assertThat(page.locator(".journey-plan vaadin-select")).containsText("E2E route");
            page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Plan and hold seats")).click();
            page.waitForURL(java.util.regex.Pattern.compile(".*/journeys/[0-9]+$"));
            journeyId = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
            page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Submit for approval")).click();
            assertThat(page.locator(".journey-detail-head")).containsText("Awaiting approval");
        }
        long id = journeyId;
        signIn.run("mod.supervisor", () -> {
            ApprovalView request = approvals.requestsFor(Journeys.APPROVAL_KIND, id).getFirst();
            return approvals.approve(request.id(), request.version());
        });
        JourneyRow approved = signIn.run("mod.officer", () -> journeys.journey(id));
        signIn.run("mod.officer", () -> journeys.depart(approved.convoyId(),
                journeys.convoy(approved.convoyId()).version()));

        List<String> numbers = jdbc.queryForList("SELECT document_normalised FROM journey_traveller WHERE journey_id = ? "
                + "ORDER BY id", String.class, id);
        try (BrowserContext context = newContext("en-GB", 800, 1100)) {
            Page page = signIn(context, "border.officer");
            useLanguage(page, "English");
            page.navigate(url("checkpoint"));
            Locator familyBox = page.locator(".checkpoint-family[data-journey='" + id + "']");
            Locator travellers = familyBox.locator(".checkpoint-traveller");
            assertThat(travellers).hasCount(numbers.size());
            for (int i = 0; i < numbers.size() - 1; i++) {
                Locator field = travellers.nth(i).locator("vaadin-text-field input");
                field.fill(i == 0 ? asTypedAtTheBarrier(numbers.get(i)) : numbers.get(i));
                field.press("Tab");
                assertThat(travellers.nth(i).locator(".checkpoint-verdict")).hasText("Matches");
            }
            travellers.last().locator("vaadin-checkbox").click();
            assertThat(travellers.last()).hasClass(java.util.regex.Pattern.compile("checkpoint-missing"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-checkpoint-en-800.png"))
                    .setFullPage(true));
            familyBox.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Record crossing")).click();
            assertThat(page.locator("vaadin-notification-card").last()).containsText("crossed at");
            assertThat(page.locator(".checkpoint-family[data-journey='" + id + "']"))
                    .containsText("Missing at the checkpoint");
        }
        JourneyRow crossed = signIn.run("mod.officer", () -> journeys.journey(id));
        org.assertj.core.api.Assertions.assertThat(crossed.status()).isEqualTo(JourneyStatus.CROSSED);
        org.assertj.core.api.Assertions.assertThat(signIn.run("mod.officer", () -> journeys.crossing(id)).orElseThrow()
                .discrepancies()).extracting(DiscrepancyRow::kind).containsExactly(DiscrepancyKind.MISSING);

        try (BrowserContext context = newContext("en-GB", 800, 1100)) {
            Page page = signIn(context, "mod.officer");
            page.navigate(url("journeys/" + id));
            page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Confirm arrival")).click();
            assertThat(page.locator(".journey-detail-head")).containsText("Arrived");
        }
        List<MemberView> members = signIn.run("mod.officer", () -> registry.get(family).members());
        org.assertj.core.api.Assertions.assertThat(members.stream().filter(MemberView::returned).count())
                .isEqualTo(numbers.size() - 1);
    }

    /** The number as a Russian-speaking officer may type it: Cyrillic letters, a space after the series. */
    private static String asTypedAtTheBarrier(String number) {
        StringBuilder typed = new StringBuilder();
        String latin = "ANMKTOE";
        String cyrillic = "АНМКТОЕ";
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            int at = latin.indexOf(c);
            typed.append(at >= 0 ? cyrillic.charAt(at) : c);
            if (i == 1) {
                typed.append(' ');
            }
        }
        return typed.toString();
    }
}
