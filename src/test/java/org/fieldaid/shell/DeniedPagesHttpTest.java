package org.fieldaid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.fieldaid.audit.AuditEntry;
import org.fieldaid.audit.AuditFilter;
import org.fieldaid.audit.AuditLog;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.support.HttpBrowser;
import org.fieldaid.support.HttpBrowser.VaadinPage;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

/**
 * A partner analyst asks, over real HTTP, for a household that exists but is not theirs, one that does not exist,
 * a page their role does not open and an address that is no page: all four read the same, inside the layout,
 * with no exception text, and every attempt is in the audit log.
 */
@IntegrationTest
class DeniedPagesHttpTest {

    private static final String MISSING = "households/987654321";
    static final List<String> LEAKS = List.of("xception", "not visible", "Invalid input", "error.not-found",
            "Could not navigate", "HOUSEHOLD", "at org.", "at com.");

    @LocalServerPort int port;
    @Autowired HouseholdRegistry registry;
    @Autowired AuditLog auditLog;
    @Autowired SignIn signIn;

    private HttpBrowser partner;
    private long hidden;

    @BeforeEach
    void signInAsPartner() throws Exception {
        hidden = householdThePartnerMayNotSee();
        partner = new HttpBrowser(port).signIn("partner.analyst");
    }

    @Test
    void aHouseholdThatIsNotTheirsReadsExactlyLikeOneThatDoesNotExist() throws Exception {
        VaadinPage notTheirs = partner.open("households/" + hidden);
        VaadinPage missing = partner.open(MISSING);

        assertThat(notTheirs.texts()).contains("This page is not available",
                "The page or record you asked for does not exist, or it is not open to you.");
        assertThat(notTheirs.texts()).isEqualTo(missing.texts());
        for (VaadinPage page : List.of(notTheirs, missing)) {
            assertThat(page.raw()).doesNotContain(LEAKS);
        }
        assertThat(partner.get("households/" + hidden).statusCode()).isEqualTo(partner.get(MISSING).statusCode());
    }

    @Test
    void aForbiddenPageAndAnUnknownAddressShowTheSameViewInsideTheLayout() throws Exception {
        VaadinPage forbidden = partner.open("admin/users");
        VaadinPage unknown = partner.open("no-such-page");
        VaadinPage notTheirs = partner.open("households/" + hidden);

        assertThat(forbidden.texts()).contains("This page is not available", "Go to the home page")
                .as("inside the main layout").contains("Log out");
        assertThat(unknown.texts()).isEqualTo(forbidden.texts()).isEqualTo(notTheirs.texts());
        assertThat(forbidden.raw()).doesNotContain(LEAKS);
        assertThat(partner.get("no-such-page").statusCode()).as("no empty 403").isEqualTo(200);
    }

    @Test
    void everyRefusedPageOrRecordIsAudited() throws Exception {
        partner.open("households/" + hidden);
        partner.open(MISSING);
        partner.open("admin/users");
        partner.open("no-such-page");

        assertThat(audit(DenialAudit.ACCESS_DENIED, "HOUSEHOLD", String.valueOf(hidden))).isNotEmpty()
                .allSatisfy(e -> assertThat(e.summary()).contains("not visible", "/households/" + hidden));
        assertThat(audit(DenialAudit.NOT_FOUND, "HOUSEHOLD", "987654321")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.summary()).contains("does not exist"));
        assertThat(audit(DenialAudit.ACCESS_DENIED, "PAGE", "/admin/users")).isNotEmpty();
        assertThat(audit(DenialAudit.NOT_FOUND, "PAGE", "/no-such-page")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.agencyCode()).isEqualTo("PARTNER"));
    }

    private long householdThePartnerMayNotSee() {
        return LongStream.rangeClosed(1, 400).filter(id -> {
            try {
                signIn.run("partner.analyst", () -> registry.get(id));
                return false;
            } catch (RecordNotFoundException e) {
                return e.existsButHidden();
            }
        }).findFirst().orElseThrow();
    }

    private List<AuditEntry> audit(String action, String entityType, String entityId) {
        return signIn.run("admin", () -> auditLog.find(new AuditFilter("partner.analyst", action, entityType,
                entityId, null, null), PageRequest.of(0, 50)).getContent()).stream()
                .filter(e -> e.entityId().equals(entityId)).toList();
    }
}
