package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;
import org.fieldaid.audit.AuditEntry;
import org.fieldaid.audit.AuditFilter;
import org.fieldaid.audit.AuditLog;
import org.fieldaid.support.HttpBrowser;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

/** Real form logins over HTTP, through the whole security filter chain. */
@IntegrationTest
class LoginLockoutTest {

    private static final String PASSWORD = "Sunrise-over-Goris-7";

    @LocalServerPort int port;
    @Autowired UserAdministration userAdmin;
    @Autowired AgencyAdministration agencies;
    @Autowired AuditLog auditLog;
    @Autowired SignIn signIn;

    private UserRow user;

    @BeforeEach
    void createUser() {
        signIn.as("admin");
        long mchs = agencies.all().stream().filter(a -> a.code().equals("MCHS")).findFirst().orElseThrow().id();
        user = userAdmin.create(new UserForm("lockout." + UUID.randomUUID().toString().substring(0, 8), "Test Officer",
                mchs, EnumSet.of(Role.FIELD_OFFICER), true, PASSWORD));
        signIn.out();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void fiveFailedLoginsLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        for (int i = 1; i <= 4; i++) {
            assertThat(login(user.username(), "wrong-" + i)).endsWith("/login?error");
        }
        assertThat(adminView().lockedUntil()).as("not locked after four failures").isNull();

        assertThat(login(user.username(), "wrong-5")).endsWith("/login?error");
        assertThat(adminView().lockedUntil()).as("locked after the fifth failure").isNotNull();
        assertThat(login(user.username(), PASSWORD)).as("even the right password is refused while locked")
                .endsWith("/login?error");

        assertThat(audit("ACCOUNT_LOCKED")).hasSize(1);
        assertThat(audit("LOGIN_FAILED")).hasSize(6)
                .anySatisfy(e -> assertThat(e.summary()).isEqualTo("Account is locked"));

        signIn.as("admin");
        userAdmin.unlock(user.id());
        signIn.out();
        assertThat(login(user.username(), PASSWORD)).as("unlocked by the admin").doesNotContain("error");
        assertThat(audit("ACCOUNT_UNLOCKED")).hasSize(1);
        assertThat(audit("LOGIN")).hasSize(1);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() throws Exception {
        for (int i = 1; i <= 4; i++) {
            login(user.username(), "wrong-" + i);
        }
        assertThat(login(user.username(), PASSWORD)).doesNotContain("error");
        for (int i = 1; i <= 4; i++) {
            login(user.username(), "wrong-again-" + i);
        }
        assertThat(adminView().lockedUntil()).as("the count started again after the success").isNull();
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        signIn.as("admin");
        userAdmin.setEnabled(user.id(), false);
        signIn.out();
        assertThat(login(user.username(), PASSWORD)).endsWith("/login?error");
        assertThat(audit("LOGIN_FAILED")).anySatisfy(e -> assertThat(e.summary()).isEqualTo("Account is disabled"));
    }

    @Test
    void anUnknownUserNameIsAuditedAndLocksNothing() throws Exception {
        String ghost = "ghost." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(login(ghost, "whatever")).endsWith("/login?error");
        signIn.as("admin");
        assertThat(auditLog.find(new AuditFilter(ghost, "LOGIN_FAILED", null, null, null, null), PageRequest.of(0, 5))
                .getContent()).singleElement().satisfies(e -> assertThat(e.summary()).isEqualTo("Unknown user name"));
    }

    /** @return where the server sends the browser after the login form is posted */
    private String login(String username, String password) throws Exception {
        return new HttpBrowser(port).postLogin(username, password);
    }

    private UserRow adminView() {
        return signIn.run("admin", () -> userAdmin.get(user.id()));
    }

    private java.util.List<AuditEntry> audit(String action) {
        return signIn.run("admin", () -> auditLog.find(
                new AuditFilter(null, action, "USER", user.username(), null, null), PageRequest.of(0, 50)).getContent());
    }
}
