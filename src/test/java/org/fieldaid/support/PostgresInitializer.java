package org.fieldaid.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at a real PostgreSQL server, started once per test JVM from the binaries that Maven
 * ships (no Docker, works as root). Every Spring test context of the run shares it. As in production (see the
 * README), Flyway runs as the owner of the schema ({@code postgres} here) and the application as
 * {@value #APP_USER}, a role with only the grants the migrations' callback gives it: no UPDATE or DELETE on the
 * audit log.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String APP_USER = "fieldaid_app";
    public static final String APP_PASSWORD = "fieldaid_app";

    private static EmbeddedPostgres postgres;

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                createAppRole(postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the temporary data directory goes with it
                }
            }));
        }
        return postgres;
    }

    private static void createAppRole(EmbeddedPostgres server) {
        try (Connection owner = server.getPostgresDatabase().getConnection();
             Statement statement = owner.createStatement()) {
            statement.execute("CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application's role", e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                // no user in the address: the driver would prefer it to the data source's user name
                "spring.datasource.url=jdbc:postgresql://localhost:" + server().getPort() + "/postgres",
                "spring.datasource.username=" + APP_USER,
                "spring.datasource.password=" + APP_PASSWORD,
                "spring.flyway.user=postgres",
                "spring.flyway.password=postgres"
        ).applyTo(context.getEnvironment());
    }
}
