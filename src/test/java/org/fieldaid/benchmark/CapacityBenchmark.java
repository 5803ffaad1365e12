package org.fieldaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.fieldaid.FieldAidApplication;
import org.fieldaid.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How much hardware a node needs, on the scale data: the heap that one signed-in user with the household list
 * open costs, and the time from process start until {@code /login} answers. Not part of {@code verify}; run after
 * packaging, since the start is measured on the jar that operators run:
 * {@code ./mvnw -DskipTests package && ./mvnw test -Pbenchmark -Dtest=CapacityBenchmark}.
 */
class CapacityBenchmark {

    private static final int USERS = Integer.getInteger("benchmark.users", 200);
    private static final int STARTS = Integer.getInteger("benchmark.starts", 3);

    @Test
    void memoryPerActiveUserAndTimeToStart() throws Exception {
        Path jar = packagedJar();
        List<String> report = ScaleDatabases.measureEach((database, connection) -> {
            String memory = memoryPerUser(connection);
            // the application above has closed its database: the jar opens the same one
            return database + ":\n" + memory + "\n" + timeToLogin(jar, connection);
        });
        System.out.println();
        System.out.println("Capacity benchmark, " + USERS + " users, " + STARTS + " starts");
        report.forEach(System.out::println);
    }

    /**
     * Signs {@value}-many users in through the login form, each in their own HTTP session, and opens the household
     * list for each as Vaadin's client engine does. The heap after a full collection, before and after, divided by
     * the number of users.
     */
    private static String memoryPerUser(List<String> connection) throws Exception {
        List<String> args = new ArrayList<>(connection);
        args.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FieldAidApplication.class)
                .profiles("demo").run(args.toArray(String[]::new))) {
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            // a first user loads the classes and fills the caches every later user shares
            HttpBrowser.VaadinPage first = new HttpBrowser(port).signIn("mchs.officer").open("households");
            assertThat(first.raw()).as("the list shows households").contains("FA-20");
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = usedAfterCollection(memory);
            List<HttpBrowser> users = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < USERS; i++) {
                HttpBrowser user = new HttpBrowser(port).signIn(i % 2 == 0 ? "mchs.officer" : "mod.officer");
                HttpBrowser.VaadinPage page = user.open("households");
                assertThat(page.raw()).as("user " + i + " sees the list").contains("FA-20");
                users.add(user);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = usedAfterCollection(memory);
            int sessions = (int) users.stream().map(HttpBrowser::session).distinct().count();
            assertThat(sessions).as("one session per user").isEqualTo(USERS);
            double perUser = (after - before) / (double) USERS / 1024;
            return String.format(Locale.ROOT, """
                      heap per signed-in user with the household list open   %.0f KB   (target under 300 KB: %s)
                        %d sessions opened in %.1f s; heap after a full collection %.1f MB before, %.1f MB after""",
                    perUser, perUser < 300 ? "met" : "missed", sessions, seconds, before / 1048576.0,
                    after / 1048576.0);
        }
    }

    private static long usedAfterCollection(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Starts the packaged jar on the same database a few times; seconds from process start to a 200 of /login. */
    private static String timeToLogin(Path jar, List<String> connection) throws Exception {
        List<Double> seconds = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < STARTS; i++) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jar.toString(), "--spring.profiles.active=demo", "--server.port=" + port,
                    "--spring.main.banner-mode=off"));
            command.addAll(connection.stream().filter(a -> !a.startsWith("--fieldaid.scale-data")).toList());
            Path log = Files.createTempFile("fieldaid-start", ".log");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            try {
                while (true) {
                    assertThat(process.isAlive()).as("the jar runs; its log: " + log).isTrue();
                    assertThat((System.nanoTime() - start) / 1e9).as("started within 120 s").isLessThan(120);
                    try {
                        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + port + "/login")).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (login.statusCode() == 200) {
                            break;
                        }
                    } catch (java.io.IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(50);
                }
                seconds.add((System.nanoTime() - start) / 1e9);
                assertThat(Files.readString(log)).as("the jar runs in production mode")
                        .doesNotContain("Vaadin is running in DEVELOPMENT mode");
            } finally {
                process.destroy();
                process.waitFor();
                Files.deleteIfExists(log);
            }
        }
        double worst = seconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return String.format(Locale.ROOT,
                "  process start until /login answers                      %s s, worst %.1f s   (target under 15 s: %s)",
                String.join(" / ", seconds.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList()), worst,
                worst < 15 ? "met" : "missed");
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
