package org.fieldaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fieldaid.support.HttpBrowser;
import org.junit.jupiter.api.Test;

/**
 * How much hardware a node needs, on the scale data: the heap that one signed-in user with the household list
 * open costs, and the time from process start until {@code /login} answers. Both are measured on the packaged jar
 * that operators run, in production mode: in development mode (the test class path) Vaadin's component tracker
 * keeps a stack trace of every component's creation and attachment, about 1.1 MB a user (decision 033). Not part
 * of {@code verify}; run after packaging:
 * {@code ./mvnw -DskipTests package && ./mvnw test -Pbenchmark -Dtest=CapacityBenchmark}.
 * {@code -Dbenchmark.histogram=true} also prints which classes the heap growth is made of.
 */
class CapacityBenchmark {

    private static final int USERS = Integer.getInteger("benchmark.users", 200);
    private static final int STARTS = Integer.getInteger("benchmark.starts", 3);
    private static final boolean HISTOGRAM = Boolean.getBoolean("benchmark.histogram");
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @Test
    void memoryPerActiveUserAndTimeToStart() throws Exception {
        Path jar = packagedJar();
        List<String> report = ScaleDatabases.measureEach((database, connection) -> {
            // the first start loads the scale data if the database lacks it; the timed starts find it there
            String memory = memoryPerUser(jar, connection);
            List<String> loaded = connection.stream().filter(a -> !a.startsWith("--fieldaid.scale-data")).toList();
            return database + ":\n" + memory + "\n" + timeToLogin(jar, loaded);
        });
        System.out.println();
        System.out.println("Capacity benchmark, " + USERS + " users, " + STARTS + " starts, on the packaged jar");
        report.forEach(System.out::println);
    }

    /**
     * Signs {@value}-many users in through the login form, each in their own HTTP session, and opens the household
     * list for each as Vaadin's client engine does. The jar's live heap (a class histogram, which collects fully
     * first), before and after, divided by the number of users.
     */
    private static String memoryPerUser(Path jar, List<String> connection) throws Exception {
        // until ready: on a database without the scale data, /login answers while the demo and scale data are written
        try (Node node = Node.start(jar, connection, Duration.ofMinutes(20), "/actuator/health/readiness")) {
            // a first user loads the classes and fills the caches every later user shares
            HttpBrowser firstUser = new HttpBrowser(node.port).signIn("mchs.officer");
            HttpBrowser.VaadinPage first = firstUser.open("households");
            assertThat(first.raw()).as("the list shows households").contains("FA-20");
            roundTrip(firstUser);
            if (HISTOGRAM) {
                Files.writeString(Path.of("target", "capacity-first-response.json"), first.raw());
            }
            Map<String, long[]> before = node.histogram();
            List<HttpBrowser> users = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < USERS; i++) {
                HttpBrowser user = new HttpBrowser(node.port).signIn(i % 2 == 0 ? "mchs.officer" : "mod.officer");
                HttpBrowser.VaadinPage page = user.open("households");
                assertThat(page.raw()).as("user " + i + " sees the list").contains("FA-20");
                users.add(user);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, long[]> opened = node.histogram();
            // a browser's next round trip (the grid confirming its rows, the answers of the page's scripts) comes
            // within a second; from then on the UI keeps that short response instead of the whole view's
            for (HttpBrowser user : users) {
                roundTrip(user);
            }
            Map<String, long[]> settled = node.histogram();
            int sessions = (int) users.stream().map(HttpBrowser::session).distinct().count();
            assertThat(sessions).as("one session per user").isEqualTo(USERS);
            double perUser = perUser(before, settled);
            return String.format(Locale.ROOT, """
                      heap per signed-in user with the household list open   %.0f KB   (target under 300 KB: %s)
                        %d sessions opened in %.1f s; live heap %.1f MB before, %.1f MB after
                        before the page's next round trip: %.0f KB a user, while Vaadin keeps the view's first
                        response (%,d characters) to resend it""",
                    perUser, perUser < 300 ? "met" : "missed", sessions, seconds,
                    before.get(TOTAL)[1] / 1048576.0, settled.get(TOTAL)[1] / 1048576.0, perUser(before, opened),
                    first.raw().length())
                    + (HISTOGRAM ? "\n" + growth(before, settled) : "");
        }
    }

    private static void roundTrip(HttpBrowser user) throws Exception {
        HttpResponse<String> answer = user.sendEmptyMessage();
        assertThat(answer.statusCode()).as("a round trip").isEqualTo(200);
        assertThat(answer.body()).as("an answer in step with the page").contains("\"syncId\"")
                .doesNotContain("resynchronize");
    }

    /** Starts the packaged jar on the same database a few times; seconds from process start to a 200 of /login. */
    private static String timeToLogin(Path jar, List<String> connection) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            try (Node node = Node.start(jar, connection, Duration.ofSeconds(120), "/login")) {
                seconds.add(node.startSeconds);
            }
        }
        double worst = seconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return String.format(Locale.ROOT,
                "  process start until /login answers                      %s s, worst %.1f s   (target under 15 s: %s)",
                String.join(" / ", seconds.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList()), worst,
                worst < 15 ? "met" : "missed");
    }

    /** The jar running with the demo profile on a free port, until closed. */
    private static final class Node implements AutoCloseable {
        final Process process;
        final Path log;
        final int port;
        final double startSeconds;

        private Node(Process process, Path log, int port, double startSeconds) {
            this.process = process;
            this.log = log;
            this.port = port;
            this.startSeconds = startSeconds;
        }

        /** Starts the jar and waits until the path answers 200. */
        static Node start(Path jar, List<String> connection, Duration limit, String path) throws Exception {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(JAVA_HOME.resolve("bin").resolve("java").toString(),
                    "-jar", jar.toString(), "--spring.profiles.active=demo", "--server.port=" + port,
                    "--spring.main.banner-mode=off"));
            command.addAll(connection);
            Path log = Files.createTempFile("fieldaid-start", ".log");
            long start = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // the readiness probe without an account, as a load balancer on the same machine reads it
            builder.environment().put("FIELDAID_OPERATIONS_ALLOWED_ADDRESSES", "127.0.0.1,::1");
            Process process = builder.start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            try {
                while (true) {
                    assertThat(process.isAlive()).as("the jar runs; its log: " + log).isTrue();
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("started in time").isLessThan(limit);
                    try {
                        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + port + path)).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (login.statusCode() == 200) {
                            break;
                        }
                    } catch (java.io.IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(Files.readString(log)).as("the jar runs in production mode")
                        .doesNotContain("Vaadin is running in DEVELOPMENT mode");
                return new Node(process, log, port, seconds);
            } catch (Throwable failed) {
                process.destroyForcibly().waitFor();
                throw failed;
            }
        }

        /** The live objects per class, from {@code jcmd GC.class_histogram} (a full collection first). */
        Map<String, long[]> histogram() throws Exception {
            Process jcmd = new ProcessBuilder(JAVA_HOME.resolve("bin").resolve("jcmd").toString(),
                    String.valueOf(process.pid()), "GC.class_histogram").redirectErrorStream(true).start();
            String text = new String(jcmd.getInputStream().readAllBytes());
            assertThat(jcmd.waitFor()).as("jcmd: " + text).isZero();
            Map<String, long[]> classes = new HashMap<>();
            Matcher row = Pattern.compile("(?m)^\\s*(?:\\d+:|(Total))\\s+(\\d+)\\s+(\\d+)\\s*(\\S*)").matcher(text);
            while (row.find()) {
                String name = row.group(1) != null ? TOTAL : row.group(4);
                classes.merge(name, new long[] {Long.parseLong(row.group(2)), Long.parseLong(row.group(3))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
            assertThat(classes).as("the histogram's total: " + text).containsKey(TOTAL);
            return classes;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
            Files.deleteIfExists(log);
        }
    }

    private static final String TOTAL = "(total)";

    private static double perUser(Map<String, long[]> before, Map<String, long[]> after) {
        return (after.get(TOTAL)[1] - before.get(TOTAL)[1]) / (double) USERS / 1024;
    }

    /** The 30 classes that grew most, per user. */
    private static String growth(Map<String, long[]> before, Map<String, long[]> after) {
        return after.entrySet().stream().filter(e -> !e.getKey().equals(TOTAL))
                .map(e -> {
                    long[] was = before.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                })
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(30)
                .map(e -> String.format(Locale.ROOT, "    %8.1f KB/user %8.0f objects/user  %s",
                        e.getValue()[1] / 1024.0 / USERS, e.getValue()[0] / (double) USERS, e.getKey()))
                .collect(Collectors.joining("\n", "  heap growth by class:\n", ""));
    }

    private static Path packagedJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("fieldaid-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/fieldaid-*.jar: run ./mvnw -DskipTests "
                            + "package first"));
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
