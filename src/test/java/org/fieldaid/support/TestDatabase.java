package org.fieldaid.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database of the shared test context. By default it is the embedded PostgreSQL server of
 * {@link PostgresInitializer}; with {@code -Dfieldaid.test.database=h2} (the second surefire execution of
 * {@code ./mvnw verify}) it is an H2 file database in a fresh data directory, as the application uses by default.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY = "fieldaid.test.database";

    public static boolean h2() {
        return "h2".equalsIgnoreCase(System.getProperty(PROPERTY, "postgres"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!h2()) {
            new PostgresInitializer().initialize(context);
            return;
        }
        try {
            // under target/, so that `mvn clean` takes it away with the rest of the build
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "h2-test")), "run-")
                    .toAbsolutePath();
            TestPropertyValues.of("fieldaid.data-dir=" + dir).applyTo(context.getEnvironment());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a data directory for the H2 test database", e);
        }
    }
}
