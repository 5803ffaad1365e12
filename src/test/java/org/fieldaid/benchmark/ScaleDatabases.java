package org.fieldaid.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.fieldaid.support.PostgresInitializer;

/**
 * The databases every benchmark measures, loaded with the scale data once and shared by the benchmark classes of
 * a run: loading 250,000 households takes minutes on each database. An H2 file loaded by an earlier run is kept
 * under {@code target/benchmark-h2/scale-N} and reused ({@code -Dbenchmark.h2-dir=DIR} names another one).
 */
final class ScaleDatabases {

    private ScaleDatabases() {
    }

    /** The application's arguments for the H2 file, with the scale data to load when it does not hold it yet. */
    static List<String> h2(int households) {
        String named = System.getProperty("benchmark.h2-dir", "");
        Path dir = (named.isBlank() ? Path.of("target", "benchmark-h2", "scale-" + households) : Path.of(named))
                .toAbsolutePath();
        // a file loaded before a migration with a lower number landed takes that migration late
        List<String> args = new ArrayList<>(List.of("--fieldaid.data-dir=" + dir, "--spring.flyway.out-of-order=true"));
        String url = "jdbc:h2:file:" + dir + "/fieldaid;AUTO_SERVER=FALSE";
        if (!Files.exists(dir.resolve("fieldaid.mv.db")) || count(url, "sa", "") < households) {
            args.add("--fieldaid.scale-data.households=" + households);
        }
        return args;
    }

    /** The same for the embedded PostgreSQL server of this JVM. */
    static List<String> postgres(int households) {
        String url = PostgresInitializer.server().getJdbcUrl("postgres", "postgres");
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        if (count(url, "postgres", "postgres") < households) {
            args.add("--fieldaid.scale-data.households=" + households);
        }
        return args;
    }

    /** Households in the database, 0 before the first migration. */
    private static long count(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM household")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException noSchemaYet) {
            return 0;
        }
    }

    /** One database's measurement: its figures as text, from the application's arguments for it. */
    interface Measure {
        String on(String database, List<String> connection) throws Exception;
    }

    /** The measurement on each database that {@code -Dbenchmark.databases} names (both by default), in order. */
    static List<String> measureEach(Measure measure) throws Exception {
        String databases = System.getProperty("benchmark.databases", "H2,PostgreSQL");
        List<String> report = new ArrayList<>();
        if (databases.contains("H2")) {
            report.add(measure.on("H2", h2(HOUSEHOLDS_FOR_ALL)));
        }
        if (databases.contains("PostgreSQL")) {
            report.add(measure.on("PostgreSQL", postgres(HOUSEHOLDS_FOR_ALL)));
        }
        return report;
    }

    private static final int HOUSEHOLDS_FOR_ALL = Integer.getInteger("benchmark.households", 250_000);
}
