package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fieldaid.support.HttpBrowser;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords posted in parallel, over HTTP, by real threads released together: no more passwords are compared
 * than the lockout allows, and every attempt and every lock has its audit row.
 */
@IntegrationTest
class LoginConcurrencyTest {

    private static final String PASSWORD = "Apricots-of-Armavir-5";
    private static final int ATTEMPTS_PER_ACCOUNT = 16;

    @LocalServerPort int port;
    @Autowired UserAdministration userAdmin;
    @Autowired AgencyAdministration agencies;
    @Autowired LockoutPolicy policy;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;


    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void parallelWrongPasswordsOnTwoAccountsLockEachOnceAndLoseNoAuditRow() throws Exception {
        List<String> accounts = List.of(newAccount(), newAccount());
        HttpBrowser browser = new HttpBrowser(port);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * ATTEMPTS_PER_ACCOUNT);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS_PER_ACCOUNT; i++) {
                for (String account : accounts) {
                    String guess = "guess-" + i;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return browser.postLogin(account, guess);
                    }));
                }
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get(120, TimeUnit.SECONDS)).endsWith("/login?error");
            }
        } finally {
            pool.shutdownNow();
        }

        int max = policy.maxFailures();
        for (String account : accounts) {
            assertThat(count(account, "ACCOUNT_LOCKED", null)).as(account + " locked once").isEqualTo(1);
            assertThat(count(account, "LOGIN_FAILED", null)).as("every attempt audited")
                    .isEqualTo(ATTEMPTS_PER_ACCOUNT);
            assertThat(count(account, "LOGIN_FAILED", "Wrong password")).as("compared before the lock")
                    .isEqualTo(max);
            assertThat(count(account, "LOGIN_FAILED", "Wrong password, account locked"))
                    .as("compared while locked, no more than the policy allows").isEqualTo(max);
            assertThat(count(account, "LOGIN_FAILED", "Account is locked, no password compared"))
                    .isEqualTo(ATTEMPTS_PER_ACCOUNT - 2L * max);
            assertThat(jdbc.queryForObject("SELECT locked_until FROM app_user WHERE username = ?", Object.class,
                    account)).isNotNull();
        }
    }

    private String newAccount() {
        return signIn.run("admin", () -> {
            long mchs = agencies.all().stream().filter(a -> a.code().equals("MCHS")).findFirst().orElseThrow().id();
            return userAdmin.create(new UserForm("parallel." + UUID.randomUUID().toString().substring(0, 8),
                    "Parallel Officer", mchs, EnumSet.of(Role.FIELD_OFFICER), true, PASSWORD)).username();
        });
    }

    private long count(String account, String action, String summary) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE entity_type = 'USER' AND entity_id = ?"
                        + " AND action = ?" + (summary == null ? "" : " AND summary = ?"), Long.class,
                summary == null ? new Object[] {account, action} : new Object[] {account, action, summary});
    }
}
