package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.fieldaid.FieldAidApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Production refuses to run with demo passwords, and loads no demo data of its own. */
class ProdProfileOwnContextTest {

    @TempDir Path dataDir;

    private ConfigurableApplicationContext start(String profile) {
        return new SpringApplicationBuilder(FieldAidApplication.class)
                .profiles(profile)
                .run("--fieldaid.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--server.port=0");
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
    void prodLoadsNoDemoAccountsAndSendsOnlySecureSessionCookies() throws Exception {
        try (ConfigurableApplicationContext prod = start("prod")) {
            HttpResponse<Void> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + prod.getEnvironment().getProperty("local.server.port") + "/login")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(login.headers().allValues("Set-Cookie")).as("the login page opens a session")
                    .filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
                    .satisfies(c -> assertThat(c).contains("; Secure").contains("; HttpOnly")
                            .contains("SameSite=Lax"));
            assertThat(prod.getBean(JdbcTemplate.class).queryForObject("select count(*) from app_user", Integer.class))
                    .isZero();
            assertThat(prod.getBean(JdbcTemplate.class).queryForObject("select count(*) from settlement", Integer.class))
                    .as("reference data comes from the migrations in every profile").isGreaterThan(30);
        }
    }
}
