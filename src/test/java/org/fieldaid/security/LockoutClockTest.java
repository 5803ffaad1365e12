package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The lockout's window, its automatic end and what a refused login tells, on the real database, with a login gate
 * whose clock the test moves (5 failures within 15 minutes lock for 15 minutes, as configured).
 */
@IntegrationTest
class LockoutClockTest {

    private static final String PASSWORD = "Pomegranates-of-Meghri-4";

    @Autowired AppUserRepository users;
    @Autowired LoginFailureRepository failures;
    @Autowired LockoutPolicy policy;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired UserAdministration userAdmin;
    @Autowired AgencyAdministration agencies;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    private final TestClock clock = new TestClock(Instant.parse("2030-03-01T08:00:00Z"));
    private LoginGate gate;
    private UserRow user;

    @BeforeEach
    void gateWithATestClock() {
        gate = new LoginGate(users, failures, policy, passwordEncoder, events, clock, transactions);
        long mchs = signIn.run("admin", agencies::all).stream().filter(a -> a.code().equals("MCHS")).findFirst()
                .orElseThrow().id();
        user = signIn.run("admin", () -> userAdmin.create(new UserForm("clock." + UUID.randomUUID().toString()
                .substring(0, 8), "Clock Officer", mchs, EnumSet.of(Role.FIELD_OFFICER), true, PASSWORD)));
        assertThat(policy.maxFailures()).isEqualTo(5);
        assertThat(policy.window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.lockFor()).isEqualTo(Duration.ofMinutes(15));
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void failuresFurtherApartThanTheWindowNeverLock() {
        for (int i = 0; i < 12; i++) {
            assertWrongCredentials("wrong-" + i);
            clock.advance(Duration.ofMinutes(4));
        }
        assertThat(lockedUntil()).as("never more than four failures within 15 minutes").isNull();
        assertThat(login(PASSWORD).getName()).isEqualTo(user.username());
    }

    @Test
    void theFifthFailureWithinTheWindowLocksAndTheLockEndsByItself() {
        for (int i = 0; i < 4; i++) {
            assertWrongCredentials("wrong-" + i);
            clock.advance(Duration.ofMinutes(3));
        }
        assertThat(lockedUntil()).isNull();
        assertWrongCredentials("wrong-5");
        assertThat(lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(auditRows("ACCOUNT_LOCKED")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> login(PASSWORD)).as("the right password one minute before the end")
                .isInstanceOf(LockedException.class);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(login(PASSWORD).getName()).as("unlocked by the clock, no administrator").isEqualTo(user.username());
    }

    @Test
    void aLockedAccountReadsLikeAWrongPasswordUnlessTheRightPasswordIsTyped() {
        lock();
        BadCredentialsException locked = wrongCredentials("still-wrong");
        BadCredentialsException unknown = assertThrowsBadCredentials(
                () -> gate.authenticate(token("ghost." + UUID.randomUUID(), "whatever")));
        assertThat(locked.getMessage()).isEqualTo(unknown.getMessage()).isEqualTo(LoginGate.BAD_CREDENTIALS);
        assertThatThrownBy(() -> login(PASSWORD)).isInstanceOf(LockedException.class);
    }

    @Test
    void aDisabledAccountReadsLikeAWrongPasswordUnlessTheRightPasswordIsTyped() {
        signIn.run("admin", () -> {
            userAdmin.setEnabled(user.id(), false);
            return null;
        });
        assertWrongCredentials("wrong");
        assertThatThrownBy(() -> login(PASSWORD)).isInstanceOf(DisabledException.class);
    }

    @Test
    void whileLockedOnlyAsManyMoreGuessesAreComparedAndThenNoneUntilTheLockEnds() {
        lock();
        for (int i = 0; i < policy.maxFailures(); i++) {
            assertWrongCredentials("during-" + i);
        }
        assertThat(lockedUntil()).as("guesses during the lock do not lengthen it")
                .isEqualTo(Instant.parse("2030-03-01T08:15:00Z"));
        assertWrongCredentials(PASSWORD);
        assertThat(lastSummary()).as("the right password is no longer compared")
                .isEqualTo("Account is locked, no password compared");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login(PASSWORD).getName()).as("after the lock, with the guesses of the lock not counted")
                .isEqualTo(user.username());
    }

    private void lock() {
        for (int i = 0; i < policy.maxFailures(); i++) {
            assertWrongCredentials("lock-" + i);
        }
        assertThat(lockedUntil()).isNotNull();
    }

    private Authentication login(String password) {
        return gate.authenticate(token(user.username(), password));
    }

    private void assertWrongCredentials(String password) {
        wrongCredentials(password);
    }

    private BadCredentialsException wrongCredentials(String password) {
        return assertThrowsBadCredentials(() -> login(password));
    }

    private static BadCredentialsException assertThrowsBadCredentials(Runnable attempt) {
        try {
            attempt.run();
        } catch (BadCredentialsException e) {
            return e;
        }
        throw new AssertionError("expected the login to be refused as wrong credentials");
    }

    private static UsernamePasswordAuthenticationToken token(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    private Instant lockedUntil() {
        return signIn.run("admin", () -> userAdmin.get(user.id())).lockedUntil();
    }

    private long auditRows(String action) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE entity_type = 'USER' AND entity_id = ?"
                + " AND action = ?", Long.class, user.username(), action);
    }

    private String lastSummary() {
        return jdbc.queryForObject("SELECT summary FROM audit_event WHERE entity_type = 'USER' AND entity_id = ?"
                + " ORDER BY id DESC LIMIT 1", String.class, user.username());
    }
}
