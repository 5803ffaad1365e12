package org.fieldaid.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.BrowserTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real Chromium: mfa.analyst filters the household list and downloads it as CSV, which reads back with the
 * names in Armenian and Russian; partner.analyst downloads the same search and gets the consented family only,
 * without personal columns.
 */
class ExportE2ETest extends BrowserTest {

    @Autowired HouseholdRegistry registry;
    @Autowired Settlements settlements;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    @Test
    void anAnalystDownloadsTheFilteredListAndAPartnerOnlyWhatItMayTake() throws Exception {
        String family = "Ohanjanyan" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 26)
                .replaceAll("[0-9]", "x");
        register(family, "Հայկ", true, 1970);
        register(family, "Лилит", false, 1990);
        jdbc.update("UPDATE household SET status = 'REGISTERED' WHERE head_family_name = ?", family);

        try (BrowserContext analystContext = newContext("en-GB", 800, 1000);
             BrowserContext partnerContext = newContext("en-GB", 800, 1000)) {
            Page analyst = signIn(analystContext, "mfa.analyst");
            useLanguage(analyst, "English");
            List<String[]> rows = download(analyst, family, true);
            assertThat(rows).hasSize(1 + 1 + 2);
            assertThat(rows.get(0)[0]).isEqualTo("\uFEFFregistration_number");
            assertThat(rows.get(1)[0]).isEqualTo("#affected+hh+code");
            assertThat(List.of(rows.get(0))).contains("head_given_name", "phone");
            int given = List.of(rows.get(0)).indexOf("head_given_name");
            assertThat(rows.subList(2, 4)).extracting(r -> r[given]).containsExactlyInAnyOrder("Հայկ", "Лилит");

            Page partner = signIn(partnerContext, "partner.analyst");
            useLanguage(partner, "English");
            List<String[]> shared = download(partner, family, false);
            assertThat(shared).hasSize(1 + 1 + 1);
            assertThat(List.of(shared.get(0))).doesNotContain("\uFEFFregistration_number", "head_given_name",
                    "phone", "current_address");
        }
    }

    /** Searches the list, opens the export with the keyboard, asks for the HXL row, and downloads a plain CSV. */
    private List<String[]> download(Page page, String family, boolean personal) throws Exception {
        page.navigate(url("households"));
        page.locator("vaadin-text-field.household-search input").fill(family);
        assertThat(page.locator(".result-count")).containsText(personal ? "2" : "1");
        page.locator("vaadin-button.export-button").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".export-columns")).isVisible();
        page.getByText("Add a second header row of HXL hashtags").click();
        if (personal) {
            // personal data comes encrypted unless the analyst says otherwise
            assertThat(page.locator("vaadin-checkbox", new Page.LocatorOptions().setHasText("Encrypt the file")))
                    .hasAttribute("checked", "");
            page.getByText("Encrypt the file").click();
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-export-" + (personal ? "analyst"
                : "partner") + "-800.png")));
        Download download = page.waitForDownload(() -> page.locator("vaadin-button",
                new Page.LocatorOptions().setHasText("Download")).click());
        assertThat(download.suggestedFilename()).matches("households-\\d{4}-\\d{2}-\\d{2}\\.csv");
        assertThat(page.locator(".export-message")).containsText("Done");
        String text = Files.readString(download.path(), StandardCharsets.UTF_8);
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            return reader.readAll();
        }
    }

    private void register(String family, String given, boolean consent, int born) {
        signIn.run("mchs.officer", () -> {
            List<SettlementRow> all = settlements.all();
            long origin = all.stream().filter(s -> !s.reception()).findFirst().orElseThrow().id();
            long reception = all.stream().filter(SettlementRow::reception).findFirst().orElseThrow().id();
            HouseholdDetails draft = registry.saveDraft(new RegistrationForm(origin, reception, null,
                    LocalDate.of(2020, 10, 1), "+374 91 000000", consent, true, EnumSet.noneOf(Vulnerability.class),
                    List.of(new MemberForm(null, family, given, null, Sex.FEMALE, LocalDate.of(born, 1, 1), false,
                            Relation.HEAD, null, null, EnumSet.noneOf(Vulnerability.class)))));
            return registry.submit(draft.id(), draft.version(), null);
        });
    }
}
