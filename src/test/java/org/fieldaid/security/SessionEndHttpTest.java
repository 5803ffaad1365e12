package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.support.HttpBrowser;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Over real HTTP, through the whole filter chain: a person is signed in, an administrator changes their account
 * through the service, and their very next request no longer counts as theirs. Vaadin's client engine is told its
 * session expired (it then reloads into the login page), a page request is sent to the login page.
 */
@IntegrationTest
class SessionEndHttpTest {

    private static final String PASSWORD = "Apricots-from-Ararat-3";

    @LocalServerPort int port;
    @Autowired UserAdministration userAdmin;
    @Autowired AgencyAdministration agencies;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    private List<AgencyRow> agencyIds;
    private UserRow user;
    private HttpBrowser browser;
    private HttpBrowser bystander;

    @BeforeEach
    void signInAFreshOfficer() throws Exception {
        agencyIds = signIn.run("admin", agencies::all);
        user = signIn.run("admin", () -> userAdmin.create(new UserForm("session." + UUID.randomUUID().toString()
                .substring(0, 8), "Session Officer", agency("MCHS"), EnumSet.of(Role.FIELD_OFFICER), true, PASSWORD)));
        browser = new HttpBrowser(port).signIn(user.username(), PASSWORD);
        assertThat(browser.open("households").texts()).as("signed in and working").contains("Log out");
        assertStillSignedIn(browser);
        bystander = new HttpBrowser(port).signIn("mchs.officer");
        bystander.open("households");
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void disablingAUserEndsTheirOpenSessionAtOnce() throws Exception {
        long before = auditRows("USER_DISABLED");
        int epoch = accessEpoch();
        signIn.run("admin", () -> {
            userAdmin.setEnabled(user.id(), false);
            return null;
        });
        assertThat(auditRows("USER_DISABLED")).isEqualTo(before + 1);
        assertThat(accessEpoch()).as("what the other nodes read").isEqualTo(epoch + 1);
        assertSessionEnded(browser);
        assertStillSignedIn(bystander);
    }

    @Test
    void resettingTheirPasswordEndsTheirOpenSession() throws Exception {
        long before = auditRows("PASSWORD_RESET");
        int epoch = accessEpoch();
        signIn.run("admin", () -> {
            userAdmin.resetPassword(user.id(), "Walnuts-from-Tavush-8");
            return null;
        });
        assertThat(auditRows("PASSWORD_RESET")).isEqualTo(before + 1);
        assertThat(accessEpoch()).isEqualTo(epoch + 1);
        assertPageSendsToLogin(browser);
        assertStillSignedIn(bystander);
    }

    @Test
    void changingTheirRolesEndsTheirOpenSession() throws Exception {
        long before = auditRows("USER_UPDATED");
        int epoch = accessEpoch();
        signIn.run("admin", () -> userAdmin.update(user.id(), user.version(), new UserForm(user.username(),
                "Session Officer", agency("MCHS"), EnumSet.of(Role.ANALYST), true, null)));
        assertThat(auditRows("USER_UPDATED")).isEqualTo(before + 1);
        assertThat(accessEpoch()).isEqualTo(epoch + 1);
        assertSessionEnded(browser);
        assertThat(new HttpBrowser(port).signIn(user.username(), PASSWORD).open("households").texts())
                .as("signing in again gives the new roles' session").contains("Log out");
    }

    @Test
    void movingThemToAnotherAgencyEndsTheirOpenSession() throws Exception {
        signIn.run("admin", () -> userAdmin.update(user.id(), user.version(), new UserForm(user.username(),
                "Session Officer", agency("MOD"), EnumSet.of(Role.FIELD_OFFICER), true, null)));
        assertPageSendsToLogin(browser);
    }

    @Test
    void changingOnlyTheirNameKeepsTheirSession() throws Exception {
        int epoch = accessEpoch();
        signIn.run("admin", () -> userAdmin.update(user.id(), user.version(), new UserForm(user.username(),
                "Session Officer Renamed", agency("MCHS"), EnumSet.of(Role.FIELD_OFFICER), true, null)));
        assertThat(accessEpoch()).isEqualTo(epoch);
        assertStillSignedIn(browser);
    }

    @Test
    void aRefusedChangeWritesNoAuditRowAndEndsNoSession() throws Exception {
        long before = auditRows(null);
        signIn.run("admin", () -> {
            assertThatThrownBy(() -> userAdmin.resetPassword(user.id(), "short"))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> userAdmin.update(user.id(), user.version(), new UserForm(user.username(), " ",
                    agency("MCHS"), EnumSet.noneOf(Role.class), false, null))).isInstanceOf(InvalidInputException.class);
            return null;
        });
        assertThat(auditRows(null)).isEqualTo(before);
        assertStillSignedIn(browser);
    }

    /**
     * Another node behind nginx: its administrator disabled the account there, so this node's session registry
     * heard nothing. The account's row is all this node sees of it (decision 034).
     */
    @Test
    void aChangeMadeOnAnotherNodeEndsTheSessionHereAtItsNextRequest() throws Exception {
        int changed = jdbc.update("UPDATE app_user SET enabled = FALSE, access_epoch = access_epoch + 1 WHERE id = ?",
                user.id());
        assertThat(changed).isEqualTo(1);
        assertSessionEnded(browser);
        assertStillSignedIn(bystander);
    }

    @Test
    void aPasswordResetOnAnotherNodeEndsTheSessionHereToo() throws Exception {
        // the reset's own columns as the other node writes them; the account stays enabled
        jdbc.update("UPDATE app_user SET password_hash = 'x', access_epoch = access_epoch + 1 WHERE id = ?",
                user.id());
        assertPageSendsToLogin(browser);
        assertStillSignedIn(bystander);
    }

    @Test
    void deactivatingTheirAgencyEndsTheirSession() throws Exception {
        String code = "SESSION_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT)
                .replace('-', '_');
        AgencyRow agency = signIn.run("admin", () -> agencies.create(code, "Session test agency " + code,
                EnumSet.of(Capability.REGISTRATION)));
        UserRow member = signIn.run("admin", () -> userAdmin.create(new UserForm("member." + code.toLowerCase(
                java.util.Locale.ROOT).substring(8), "Agency Member", agency.id(), EnumSet.of(Role.FIELD_OFFICER),
                true, PASSWORD)));
        HttpBrowser memberBrowser = new HttpBrowser(port).signIn(member.username(), PASSWORD);
        memberBrowser.open("households");
        assertStillSignedIn(memberBrowser);
        signIn.run("admin", () -> agencies.update(agency.id(), agency.version(), agency.name(),
                agency.capabilities(), false));
        assertSessionEnded(memberBrowser);
        assertStillSignedIn(browser);
    }

    @Test
    void loginGivesANewSessionId() throws Exception {
        HttpBrowser fresh = new HttpBrowser(port);
        assertThat(fresh.get("login").statusCode()).isEqualTo(200);
        String anonymous = fresh.session();
        assertThat(anonymous).as("the login page opened a session").isNotNull();
        fresh.signIn("mchs.officer");
        assertThat(fresh.session()).as("no session fixation").isNotNull().isNotEqualTo(anonymous);
    }

    /** Vaadin's client engine gets Vaadin's own "session expired" answer, not a text page or a redirect. */
    private static void assertSessionEnded(HttpBrowser browser) throws Exception {
        HttpResponse<String> answer = browser.sendEmptyMessage();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"sessionExpired\":true").doesNotContain("This session has been expired");
        assertPageSendsToLogin(browser);
    }

    private static void assertPageSendsToLogin(HttpBrowser browser) throws Exception {
        HttpResponse<String> page = browser.get("households");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private static void assertStillSignedIn(HttpBrowser browser) throws Exception {
        HttpResponse<String> answer = browser.sendEmptyMessage();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("sessionExpired");
        assertThat(browser.get("households").statusCode()).isEqualTo(200);
    }

    private long agency(String code) {
        return agencyIds.stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow().id();
    }

    /** The account's access epoch as every node reads it (decision 034). */
    private int accessEpoch() {
        return jdbc.queryForObject("SELECT access_epoch FROM app_user WHERE id = ?", Integer.class, user.id());
    }

    /** Independent SQL: the audit rows about this user, of one action or of any. */
    private long auditRows(String action) {
        List<Object> args = action == null ? List.of(user.username()) : List.of(user.username(), action);
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE entity_type = 'USER' AND entity_id = ?"
                + (action == null ? "" : " AND action = ?"), Long.class, args.toArray());
    }
}
