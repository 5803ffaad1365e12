package crashharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the packaged application (issue 14 item 4, decision 031). It starts {@code target/fieldaid-*.jar}
 * on an H2 file database, lets {@link CrashHarness} drive registrations, handovers and approvals through the real
 * services inside that process, kills it with SIGKILL in the middle of the burst, and then, on the database as the
 * crash left it, proves with SQL of its own that every acknowledged operation is there and that nothing is half
 * made. Then the next cycle starts the application again on the same file. After the last cycle the plain jar is
 * started once more and must serve its login page.
 */
class CrashSafetyJarIT {

    private static final int CYCLES = Integer.getInteger("crash.cycles", 5);
    private static final Duration START = Duration.ofSeconds(150);

    /** Each check counts rows that must not exist; the name says what a row would be. */
    private static final Map<String, String> HALF_MADE = new LinkedHashMap<>();

    static {
        HALF_MADE.put("household past draft without exactly one head", """
                SELECT count(*) FROM household h WHERE h.status <> 'DRAFT'
                  AND (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.relation = 'HEAD') <> 1""");
        HALF_MADE.put("household without members", """
                SELECT count(*) FROM household h WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id)""");
        HALF_MADE.put("submitted household without its pending request", """
                SELECT count(*) FROM household h WHERE h.status = 'SUBMITTED' AND NOT EXISTS (SELECT 1 FROM
                  approval_request r WHERE r.kind = 'REGISTRATION' AND r.subject_id = h.id AND r.status = 'PENDING')""");
        HALF_MADE.put("submitted household without its audit row", """
                SELECT count(*) FROM household h WHERE h.status IN ('SUBMITTED', 'REGISTERED') AND NOT EXISTS (SELECT 1
                  FROM audit_event a WHERE a.action = 'HOUSEHOLD_SUBMITTED' AND a.entity_id = h.registration_number)
                  AND h.head_family_name LIKE 'Crash%'""");
        HALF_MADE.put("registration request without its household", """
                SELECT count(*) FROM approval_request r WHERE r.kind IN ('REGISTRATION', 'HOUSEHOLD_CHANGE')
                  AND NOT EXISTS (SELECT 1 FROM household h WHERE h.id = r.subject_id)""");
        HALF_MADE.put("approved registration whose household is not registered", """
                SELECT count(*) FROM approval_request r JOIN household h ON h.id = r.subject_id
                 WHERE r.kind = 'REGISTRATION' AND r.status = 'APPROVED' AND h.status = 'SUBMITTED'""");
        HALF_MADE.put("registered household without its approval", """
                SELECT count(*) FROM household h WHERE h.status = 'REGISTERED' AND h.head_family_name LIKE 'Crash%'
                  AND NOT EXISTS (SELECT 1 FROM approval_request r WHERE r.kind = 'REGISTRATION'
                  AND r.subject_id = h.id AND r.status = 'APPROVED')""");
        HALF_MADE.put("decided request without decider or time", """
                SELECT count(*) FROM approval_request r WHERE r.status IN ('APPROVED', 'REJECTED')
                  AND (r.decided_by IS NULL OR r.decided_at IS NULL)""");
        HALF_MADE.put("delivery without its stock movement", """
                SELECT count(*) FROM aid_delivery d WHERE NOT EXISTS (SELECT 1 FROM aid_stock_movement m
                  WHERE m.delivery_id = d.id AND m.kind = 'DELIVERY')""");
        HALF_MADE.put("delivery movement without its delivery", """
                SELECT count(*) FROM aid_stock_movement m WHERE m.kind = 'DELIVERY' AND NOT EXISTS (SELECT 1 FROM
                  aid_delivery d WHERE d.id = m.delivery_id)""");
        HALF_MADE.put("delivery without its audit row", """
                SELECT count(*) FROM aid_delivery d WHERE NOT EXISTS (SELECT 1 FROM audit_event a
                  WHERE a.action = 'AID_DELIVERED' AND a.entity_id = d.receipt_number)""");
        HALF_MADE.put("live delivery whose entitlement shows nothing handed over", """
                SELECT count(*) FROM aid_delivery d JOIN aid_entitlement e ON e.id = d.entitlement_id
                 WHERE d.voided_at IS NULL AND e.delivered_quantity < d.quantity""");
        HALF_MADE.put("entitlement handed over without a live delivery", """
                SELECT count(*) FROM aid_entitlement e WHERE e.delivered_quantity > 0 AND NOT EXISTS (SELECT 1 FROM
                  aid_delivery d WHERE d.entitlement_id = e.id AND d.voided_at IS NULL)""");
        HALF_MADE.put("stock balance other than its ledger", """
                SELECT count(*) FROM aid_stock_balance b WHERE b.quantity <> (SELECT coalesce(sum(m.quantity), 0)
                  FROM aid_stock_movement m WHERE m.warehouse_id = b.warehouse_id
                  AND m.package_type_id = b.package_type_id)""");
        HALF_MADE.put("journey without travellers", """
                SELECT count(*) FROM journey j WHERE NOT EXISTS (SELECT 1 FROM journey_traveller t
                  WHERE t.journey_id = j.id)""");
    }

    @TempDir Path work;

    private Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("fieldaid-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/fieldaid-*.jar: run after package"));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void everyAcknowledgedOperationSurvivesSigkillAndNothingIsHalfMade() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        Path acks = work.resolve("acks.txt");
        Path harness = copyHarness();
        Instant began = Instant.now();

        // the plain jar makes the demo database, and the checks hold on it before anything is crashed
        runPlainJarUntilLoginAnswers(data, "initial");
        assertNothingHalfMade(data, "before the first crash");

        int acknowledged = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            int before = lines(acks).size();
            int wanted = before + ThreadLocalRandom.current().nextInt(8, 30);
            Process app = start(List.of(java(), "-Xmx768m", "-XX:TieredStopAtLevel=1", "-Dcrash.acks=" + acks,
                    "-Dloader.path=" + harness, "-Dloader.main=" + CrashHarness.class.getName(), "-cp",
                    jar().toString(), "org.springframework.boot.loader.launch.PropertiesLauncher",
                    "--fieldaid.data-dir=" + data, "--server.port=0", "--spring.main.banner-mode=off"),
                    work.resolve("cycle-" + cycle + ".log"));
            try {
                awaitLog(app, work.resolve("cycle-" + cycle + ".log"), CrashHarness.READY, START);
                Instant deadline = Instant.now().plusSeconds(60);
                while (lines(acks).size() < wanted && Instant.now().isBefore(deadline) && app.isAlive()) {
                    Thread.sleep(20);
                }
                assertThat(app.isAlive()).as("the burst is still going when it is killed").isTrue();
            } finally {
                app.destroyForcibly(); // SIGKILL on Linux
                app.waitFor();
            }
            List<String> all = lines(acks);
            assertThat(all.size()).as("cycle " + cycle + " acknowledged operations").isGreaterThan(before);
            int found = assertEveryAcknowledgedOperationIsThere(data, all);
            assertNothingHalfMade(data, "after crash " + cycle);
            acknowledged = all.size();
            System.out.printf("[crash] cycle %d: killed after %d acknowledged operations in all (%d in this cycle); "
                    + "found %d of %d; no half-made rows%n", cycle, all.size(), all.size() - before, found, all.size());
        }

        runPlainJarUntilLoginAnswers(data, "after the last crash");
        assertNothingHalfMade(data, "after the final restart");
        int found = assertEveryAcknowledgedOperationIsThere(data, lines(acks));
        Map<Character, Long> byKind = new LinkedHashMap<>();
        lines(acks).forEach(l -> byKind.merge(l.charAt(0), 1L, Long::sum));
        System.out.printf("[crash] %d cycles, %d acknowledged operations (H=registration %d, D=delivery %d, "
                        + "A=approval %d), %d found after restart, %d half-made checks each 0, %d s%n", CYCLES,
                acknowledged, byKind.getOrDefault('H', 0L), byKind.getOrDefault('D', 0L),
                byKind.getOrDefault('A', 0L), found, HALF_MADE.size(),
                Duration.between(began, Instant.now()).toSeconds());
        assertThat(byKind.getOrDefault('H', 0L)).as("registrations acknowledged").isPositive();
        assertThat(byKind.getOrDefault('D', 0L)).as("deliveries acknowledged").isPositive();
        assertThat(byKind.getOrDefault('A', 0L)).as("approvals acknowledged").isPositive();
    }

    /** @return how many acknowledged operations were found; fails naming the first that is missing */
    private int assertEveryAcknowledgedOperationIsThere(Path data, List<String> acknowledged) throws SQLException {
        int found = 0;
        List<String> missing = new ArrayList<>();
        try (Connection db = open(data)) {
            for (String ack : acknowledged) {
                String key = ack.substring(2);
                String sql = switch (ack.charAt(0)) {
                    case 'H' -> "SELECT count(*) FROM household h WHERE h.registration_number = ? AND h.status IN "
                            + "('SUBMITTED', 'REGISTERED') AND EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id)";
                    case 'D' -> "SELECT count(*) FROM aid_delivery d JOIN aid_stock_movement m ON m.delivery_id = d.id "
                            + "WHERE d.receipt_number = ? AND m.kind = 'DELIVERY'";
                    case 'A' -> "SELECT count(*) FROM household h JOIN approval_request r ON r.subject_id = h.id AND "
                            + "r.kind = 'REGISTRATION' WHERE h.registration_number = ? AND h.status = 'REGISTERED' "
                            + "AND r.status = 'APPROVED'";
                    default -> throw new IllegalStateException("unknown acknowledgement " + ack);
                };
                if (count(db, sql, key) == 1) {
                    found++;
                } else {
                    missing.add(ack);
                }
            }
        }
        assertThat(missing).as("acknowledged operations missing after the crash").isEmpty();
        return found;
    }

    private void assertNothingHalfMade(Path data, String when) throws SQLException {
        Map<String, Long> found = new LinkedHashMap<>();
        try (Connection db = open(data)) {
            for (var check : HALF_MADE.entrySet()) {
                long rows = count(db, check.getValue(), null);
                if (rows != 0) {
                    found.put(check.getKey(), rows);
                }
            }
        }
        assertThat(found).as("half-made rows " + when).isEmpty();
    }

    private static Connection open(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("fieldaid") + ";IFEXISTS=TRUE", "sa", "");
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void runPlainJarUntilLoginAnswers(Path data, String name) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = work.resolve("plain-" + name.replace(' ', '-') + ".log");
        Process app = start(List.of(java(), "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
                "--fieldaid.data-dir=" + data, "--server.port=" + port, "--spring.main.banner-mode=off"), log);
        try {
            awaitLog(app, log, "Started FieldAidApplication", START);
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("the login page " + name).isEqualTo(200);
            assertThat(Files.readString(log)).as("the packaged jar runs in production mode")
                    .contains("Vaadin is running in production mode").doesNotContain("DEVELOPMENT mode");
        } finally {
            app.destroy(); // SIGTERM: an orderly stop, so that the file is closed before the checks open it
            app.waitFor();
        }
    }

    private Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitLog(Process app, Path log, String line, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (text.contains(line)) {
                return;
            }
            if (!app.isAlive()) {
                throw new AssertionError("the application stopped before '" + line + "':\n" + tail(text));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + line + "' within " + within + ":\n" + tail(Files.readString(log)));
    }

    private static String tail(String text) {
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    /** The complete lines only: a line torn by the kill has no newline yet, and was not acknowledged. */
    private static List<String> lines(Path acks) throws IOException {
        if (!Files.exists(acks)) {
            return List.of();
        }
        String text = Files.readString(acks, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    /** The harness's classes alone, so that nothing else of the test classpath reaches the application. */
    private Path copyHarness() throws Exception {
        Path classes = Path.of(CrashHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path from = classes.resolve("crashharness");
        Path to = Files.createDirectories(work.resolve("harness").resolve("crashharness"));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("CrashHarness")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return work.resolve("harness");
    }
}
