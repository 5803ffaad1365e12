package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fieldaid.FieldAidApplication;
import org.fieldaid.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Production refuses to run with demo passwords or with nobody to sign in, makes its first administrator from the
 * environment, loads no demo data, and signs in with a new session and secure cookies.
 */
class ProdProfileOwnContextTest {

    @TempDir Path dataDir;

    private ConfigurableApplicationContext start(String profile, String... more) {
        List<String> args = new ArrayList<>(List.of("--fieldaid.data-dir=" + dataDir, "--spring.main.banner-mode=off",
                "--server.port=0"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(FieldAidApplication.class).profiles(profile).run(args.toArray(String[]::new));
    }

    @Test
    void prodRefusesToStartWhileAnAccountHasTheDemoPassword() {
        try (ConfigurableApplicationContext demo = start("demo")) {
            assertThat(demo.getBean(JdbcTemplate.class).queryForObject("select count(*) from app_user", Integer.class))
                    .isEqualTo(DemoUsers.ACCOUNTS.size());
        }
        assertThatThrownBy(() -> start("prod").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo or default password").hasMessageContaining("admin")
                .hasMessageContaining("mchs.officer");
    }

    @Test
    void prodRefusesAnEmptyDatabaseWithoutAFirstAdministrator() {
        assertThatThrownBy(() -> start("prod").close())
                .hasStackTraceContaining("FIELDAID_ADMIN_USERNAME").hasStackTraceContaining("no account");
    }

    @Test
    void theFirstAdministratorsPasswordMustPassThePolicy() {
        assertThatThrownBy(() -> start("prod", "--fieldaid.admin.username=chief",
                "--fieldaid.admin.password=fieldaid").close())
                .hasStackTraceContaining("password policy").hasStackTraceContaining("chief");
        // nothing was made: the next start with a good password is still the first
        try (ConfigurableApplicationContext prod = start("prod", "--fieldaid.admin.username=chief",
                "--fieldaid.admin.password=" + FIRST_PASSWORD)) {
            assertThat(prod.getBean(JdbcTemplate.class).queryForObject("select count(*) from app_user",
                    Integer.class)).isEqualTo(1);
        }
    }

    private static final String FIRST_PASSWORD = "Kestrel-river-2048";

    @Test
    void prodMakesTheFirstAdministratorOnceAndSignsInWithANewSessionAndSecureCookies() throws Exception {
        try (ConfigurableApplicationContext prod = start("prod", "--fieldaid.admin.username=chief",
                "--fieldaid.admin.password=" + FIRST_PASSWORD,
                "--fieldaid.operations.allowed-addresses=127.0.0.1/32,::1/128")) {
            JdbcTemplate jdbc = prod.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select u.username || ' ' || a.code || ' ' || r.role from app_user u "
                    + "join agency a on a.id = u.agency_id join app_user_role r on r.user_id = u.id", String.class))
                    .containsExactly("chief CENTRE ADMIN");
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'USER_CREATED' and "
                    + "entity_id = 'chief' and actor = 'system' and summary_key = 'first-admin'", Integer.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from settlement", Integer.class))
                    .as("reference data comes from the migrations in every profile").isGreaterThan(30);
            assertThat(jdbc.queryForObject("select count(*) from household", Integer.class)).as("no demo data")
                    .isZero();

            int port = Integer.parseInt(prod.getEnvironment().getProperty("local.server.port"));
            HttpResponse<Void> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(login.headers().allValues("Set-Cookie")).as("the login page opens a session")
                    .filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
                    .satisfies(c -> assertThat(c).contains("; Secure").contains("; HttpOnly")
                            .contains("SameSite=Lax"));

            HttpBrowser browser = new HttpBrowser(port);
            browser.get("login");
            String before = browser.session();
            browser.signIn("chief", FIRST_PASSWORD);
            assertThat(browser.session()).as("a new session id at login (no fixation)").isNotNull()
                    .isNotEqualTo(before);

            // the configured addresses read health without an account, and still nothing else of Actuator
            assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
            assertThat(status(port, "/actuator/env")).isEqualTo(401);
            assertThat(status(port, "/actuator/heapdump")).isEqualTo(401);
        }
        try (ConfigurableApplicationContext again = start("prod", "--fieldaid.admin.username=second",
                "--fieldaid.admin.password=Another-good-pass-99")) {
            assertThat(again.getBean(JdbcTemplate.class).queryForList("select username from app_user",
                    String.class)).as("made once, on an empty database only").containsExactly("chief");
            int port = Integer.parseInt(again.getEnvironment().getProperty("local.server.port"));
            assertThat(status(port, "/actuator/health/readiness")).as("no address configured").isEqualTo(401);
        }
    }

    private static int status(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
