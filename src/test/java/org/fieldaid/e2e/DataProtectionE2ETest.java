package org.fieldaid.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.fieldaid.approval.Approvals;
import org.fieldaid.approval.InboxFilter;
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
import org.fieldaid.support.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * In a real Chromium: mchs.officer types a name that a Defence draft holds and is told only that Defence is
 * registering a possible match; mchs.supervisor decides a change that mod.officer proposed to a family the
 * Ministry of Emergency Situations registered.
 */
class DataProtectionE2ETest extends BrowserTest {

    @Autowired HouseholdRegistry registry;
    @Autowired Approvals approvals;
    @Autowired Settlements settlements;
    @Autowired SignIn signIn;

    @Test
    void anotherAgencysDraftIsToldOnlyByItsAgencyAndAChangeWaitsForTheRegisteringAgency() {
        String draftFamily = randomFamily();
        signIn.run("mod.officer", () -> registry.saveDraft(form(draftFamily, "Tatev", LocalDate.of(1991, 1, 1))));
        String registeredFamily = randomFamily();
        long registered = registerAtMchs(registeredFamily);
        signIn.run("mod.officer", () -> {
            HouseholdDetails now = registry.get(registered);
            List<MemberForm> members = new ArrayList<>(now.toForm().members());
            members.add(new MemberForm(null, registeredFamily, "Narek", null, Sex.MALE, LocalDate.of(2012, 2, 2),
                    false, Relation.CHILD, null, null, null));
            RegistrationForm f = now.toForm();
            return registry.update(registered, now.version(), new RegistrationForm(f.originSettlementId(),
                    f.currentSettlementId(), f.currentAddress(), f.displacedOn(), f.phone(), true,
                    f.consentContact(), f.vulnerabilities(), members));
        });

        try (BrowserContext officerContext = newContext("en-US", 1280, 1000);
             BrowserContext supervisorContext = newContext("en-US", 1280, 1000)) {
            Page officer = signIn(officerContext, "mchs.officer");
            officer.navigate(url("households/new"));
            officer.getByLabel("Family name").fill(draftFamily);
            officer.getByLabel("Given name", new Page.GetByLabelOptions().setExact(true)).fill("Tatev");
            officer.getByLabel("Date of birth").fill("1/1/1991");
            officer.getByLabel("Date of birth").press("Enter");
            Locator panel = officer.locator(".duplicates-panel");
            assertThat(panel.getByText("A possible match is being registered by Ministry of Defence (peacekeeping contingent)")).isVisible();
            assertThat(panel.locator("a")).hasCount(0);
            officer.waitForTimeout(400);
            panel.screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("e2e-duplicates-redacted.png")));
            officer.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-duplicates-redacted-1280.png"))
                    .setFullPage(true));

            Page supervisor = signIn(supervisorContext, "mchs.supervisor");
            supervisor.navigate(url("households/" + registered));
            assertThat(supervisor.getByText("mod.officer (Ministry of Defence (peacekeeping contingent)) proposed a change").first()).isVisible();
            supervisor.navigate(url("approvals"));
            supervisor.locator("vaadin-grid").evaluate("grid => grid.scrollToIndex(100000)");
            // other tests leave change requests in the inbox too: open this family's
            supervisor.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText(registeredFamily)).last().click();
            Locator dialog = supervisor.getByRole(AriaRole.DIALOG);
            assertThat(dialog.getByText("Proposed change").first()).isVisible();
            assertThat(dialog.getByText("mod.officer (Ministry of Defence (peacekeeping contingent)) proposed a change").first()).isVisible();
            assertThat(dialog.getByText(registeredFamily + " Narek").first()).isVisible();
            supervisor.waitForTimeout(600);
            supervisor.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-change-request-1280.png")));
            supervisor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
            assertThat(supervisor.getByText("Approved.")).isVisible();
        }
        HouseholdDetails after = signIn.run("mchs.officer", () -> registry.get(registered));
        org.assertj.core.api.Assertions.assertThat(after.members()).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(after.consentSharePartners()).isTrue();
    }

    @Override
    protected Page signIn(BrowserContext context, String username) {
        Page page = super.signIn(context, username);
        // the language is remembered per user, and another test may have left this one in Russian
        if (!page.locator("vaadin-select.language-switch").innerText().contains("English")) {
            page.locator("vaadin-select.language-switch").click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("English")).click();
            page.waitForLoadState();
            assertThat(page.locator("vaadin-side-nav-item").first()).containsText("Home");
        }
        return page;
    }

    private long registerAtMchs(String family) {
        HouseholdDetails submitted = signIn.run("mchs.officer", () -> {
            HouseholdDetails d = registry.saveDraft(form(family, "Anahit", LocalDate.of(1980, 8, 8)));
            return registry.submit(d.id(), d.version(), null);
        });
        signIn.run("mchs.supervisor", () -> {
            var request = approvals.inbox(new InboxFilter("REGISTRATION", null), PageRequest.of(0, 5000))
                    .getContent().stream().filter(r -> r.subjectId() == submitted.id()).findFirst().orElseThrow();
            return approvals.approve(request.id(), request.version());
        });
        return submitted.id();
    }

    private long origin;
    private long reception;

    @org.junit.jupiter.api.BeforeEach
    void places() {
        List<SettlementRow> all = signIn.run("mchs.officer", settlements::all);
        origin = all.stream().filter(s -> !s.reception()).findFirst().orElseThrow().id();
        reception = all.stream().filter(SettlementRow::reception).findFirst().orElseThrow().id();
    }

    private RegistrationForm form(String family, String given, LocalDate birth) {
        return new RegistrationForm(origin, reception, null, LocalDate.of(2020, 10, 25), null, false, true,
                EnumSet.of(Vulnerability.LOST_HOME), List.of(new MemberForm(null, family, given, null, Sex.FEMALE,
                birth, false, Relation.HEAD, null, null, null)));
    }

    /** Random syllables: no other family in the database shares its phonetic key. */
    private static String randomFamily() {
        return TestNames.syllables(4) + "yan";
    }
}
