package org.fieldaid.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.fieldaid.support.HttpBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The two-node cluster of {@code deploy/cluster.sh}, started by the script itself: PostgreSQL, two nodes with the
 * prod profile and nginx in front, all on loopback. Every request goes through nginx. The nodes run the build's
 * classes rather than the jar, since {@code ./mvnw verify} tests before it packages (FIELDAID_NODE_COMMAND).
 * It needs nginx and PostgreSQL from Debian (the script installs them when run as root; CI installs them first).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterOwnContextTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path RUN = Path.of("/tmp/cluster-test-run");
    private static final Path PG = Path.of("/tmp/cluster-test-pg");
    private static final String NODE_DIR = "/tmp/cluster-test-node";
    private static final int NGINX = 8196;
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:8199/fieldaid";
    private static final String OWNER_PASSWORD = "cluster-test-owner";
    private static final String PASSWORD = "Cluster-test-2026!";
    private static final String LOCKED_AUDIT = "SELECT COUNT(*) FROM audit_event WHERE action = 'ACCOUNT_LOCKED' "
            + "AND entity_id = 'cluster.two'";

    private final List<HttpBrowser> onNode1 = new ArrayList<>();
    private final List<HttpBrowser> onNode2 = new ArrayList<>();

    @BeforeAll
    void startTheCluster() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean installed = (executable("nginx") || Files.isExecutable(Path.of("/usr/sbin/nginx")))
                && hasPostgres();
        if (!installed && !root) {
            if ("true".equals(System.getenv("E2E_REQUIRED"))) {
                fail("nginx and PostgreSQL from Debian are needed (apt-get install -y nginx postgresql)");
            }
            Assumptions.abort("nginx or PostgreSQL missing, and not root to install them");
        }
        stopAndForget();
        Files.createDirectories(RUN);
        Path classpath = RUN.resolve("node.classpath");
        Files.writeString(classpath, "-cp \"" + mainClasspath() + "\"\n");
        int exit = script("start", Map.of(
                "FIELDAID_NODE_COMMAND", Path.of(System.getProperty("java.home"), "bin", "java") + " -Xmx512m @"
                        + classpath + " org.fieldaid.FieldAidApplication",
                "CLUSTER_OWNER_PASSWORD", OWNER_PASSWORD,
                "CLUSTER_APP_PASSWORD", "cluster-test-app",
                "CLUSTER_START_TIMEOUT", "600",
                "FIELDAID_ADMIN_PASSWORD", PASSWORD));
        assertThat(exit).as("deploy/cluster.sh start; see " + RUN.resolve("script.log")).isZero();
        try (Connection db = owner()) {
            for (String user : List.of("cluster.one", "cluster.two", "cluster.three", "cluster.four")) {
                addOfficer(db, user);
            }
        }
    }

    /** Stops it all and leaves the logs in the run directory; the next run starts afresh. */
    @AfterAll
    void stopTheCluster() throws Exception {
        script("stop", Map.of());
    }

    @Test
    @Order(1)
    void usersLandOnBothNodesAndStayOnTheirOwn() throws Exception {
        for (int i = 0; i < 6; i++) {
            HttpBrowser browser = new HttpBrowser(NGINX).signIn("cluster.one", PASSWORD);
            (route(browser).equals("node1") ? onNode1 : onNode2).add(browser);
        }
        assertThat(onNode1).as("sessions on node 1").isNotEmpty();
        assertThat(onNode2).as("sessions on node 2").isNotEmpty();
        for (HttpBrowser browser : Stream.concat(onNode1.stream(), onNode2.stream()).toList()) {
            String before = browser.session();
            for (int i = 0; i < 3; i++) {
                assertThat(browser.get("").statusCode()).as("signed in, every request on its node").isEqualTo(200);
            }
            assertThat(browser.session()).isEqualTo(before);
        }
    }

    @Test
    @Order(2)
    void whatOneNodeWritesTheOtherKnowsAtOnce() throws Exception {
        HttpBrowser atNode1 = anonymousOn("node1");
        for (int i = 1; i <= 5; i++) {
            assertThat(atNode1.postLoginInSession("cluster.two", "wrong-" + i)).endsWith("/login?error");
            assertThat(route(atNode1)).isEqualTo("node1");
        }
        HttpBrowser atNode2 = anonymousOn("node2");
        assertThat(atNode2.postLoginInSession("cluster.two", PASSWORD))
                .as("node 2 refuses the account node 1 locked, even with the right password").endsWith("/login?error");
        HttpBrowser other = anonymousOn("node2");
        assertThat(other.postLoginInSession("cluster.three", PASSWORD)).doesNotContain("error");
        try (Connection db = owner()) {
            assertThat(count(db, LOCKED_AUDIT)).as("node 1's audit row of the lock").isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM app_user WHERE username = 'cluster.two' "
                    + "AND locked_until IS NOT NULL")).isEqualTo(1);
        }
    }

    /**
     * An administrator on node 1 disables an account whose person works on node 2. Node 1's session registry knows
     * nothing of node 2's sessions; node 2 reads the account's row at the person's next request (decision 034).
     * The change is written here as {@code UserAdministration.setEnabled} writes it on node 1.
     */
    @Test
    @Order(3)
    void anAccountDisabledOnOneNodeIsSignedOutOnTheOther() throws Exception {
        HttpBrowser atNode2 = anonymousOn("node2");
        assertThat(atNode2.postLoginInSession("cluster.four", PASSWORD)).doesNotContain("error");
        assertThat(route(atNode2)).isEqualTo("node2");
        assertThat(atNode2.get("households").statusCode()).as("signed in on node 2").isEqualTo(200);
        HttpBrowser bystander = anonymousOn("node2");
        assertThat(bystander.postLoginInSession("cluster.three", PASSWORD)).doesNotContain("error");
        try (Connection db = owner()) {
            assertThat(db.createStatement().executeUpdate("UPDATE app_user SET enabled = FALSE, access_epoch = "
                    + "access_epoch + 1 WHERE username = 'cluster.four'")).isEqualTo(1);
        }
        HttpResponse<String> next = atNode2.get("households");
        assertThat(next.statusCode()).as("node 2 signs the disabled account out at its next request").isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(bystander.get("households").statusCode()).as("another person on node 2 works on").isEqualTo(200);
    }

    @Test
    @Order(4)
    void afterANodeIsKilledNoCommittedDataIsLostAndItsUsersSignInAgain() throws Exception {
        assertThat(onNode1).as("the first test signed in on node 1").isNotEmpty();
        long audit;
        try (Connection db = owner()) {
            audit = count(db, "SELECT COUNT(*) FROM audit_event");
        }
        long pid = Long.parseLong(Files.readString(RUN.resolve("node1.pid")).strip());
        ProcessHandle node1 = ProcessHandle.of(pid).orElseThrow();
        node1.destroyForcibly();
        node1.onExit().get(30, TimeUnit.SECONDS);

        for (HttpBrowser browser : onNode1) {
            HttpResponse<String> response = browser.get("");
            assertThat(response.statusCode()).as("a session of the dead node is gone").isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
        for (HttpBrowser browser : onNode2) {
            assertThat(browser.get("").statusCode()).as("node 2's sessions go on").isEqualTo(200);
        }
        HttpBrowser again = onNode1.getFirst();
        assertThat(again.postLoginInSession("cluster.one", PASSWORD)).as("back to the page asked for")
                .isEqualTo("http://localhost:" + NGINX + "/?continue");
        assertThat(route(again)).isEqualTo("node2");
        assertThat(again.get("").statusCode()).isEqualTo(200);

        try (Connection db = owner()) {
            assertThat(count(db, "SELECT COUNT(*) FROM audit_event")).as("every audit row committed before the kill")
                    .isGreaterThanOrEqualTo(audit);
            assertThat(count(db, LOCKED_AUDIT)).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM app_user WHERE username = 'cluster.two' "
                    + "AND locked_until IS NOT NULL")).as("node 1's lock outlives node 1").isEqualTo(1);
        }
    }

    /** A fresh browser whose anonymous session (the login page's) nginx keeps on the given node. */
    private static HttpBrowser anonymousOn(String node) throws Exception {
        for (int i = 0; i < 10; i++) {
            HttpBrowser browser = new HttpBrowser(NGINX);
            assertThat(browser.get("login").statusCode()).isEqualTo(200);
            if (browser.session() != null && route(browser).equals(node)) {
                return browser;
            }
        }
        throw new AssertionError("nginx never sent a new visitor to " + node);
    }

    private static String route(HttpBrowser browser) {
        String session = browser.session();
        assertThat(session).as("session id with its node's route").matches("[^.]+\\.node[12]");
        return session.substring(session.indexOf('.') + 1);
    }

    private static void addOfficer(Connection db, String username) throws SQLException {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        try (PreparedStatement user = db.prepareStatement("INSERT INTO app_user (username, full_name, password_hash, "
                + "agency_id, enabled, password_changed_at, created_at) SELECT ?, ?, ?, id, TRUE, now(), now() "
                + "FROM agency WHERE code = 'MCHS'")) {
            user.setString(1, username);
            user.setString(2, "Cluster test " + username);
            user.setString(3, hash);
            assertThat(user.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement role = db.prepareStatement("INSERT INTO app_user_role (user_id, role) "
                + "SELECT id, 'FIELD_OFFICER' FROM app_user WHERE username = ?")) {
            role.setString(1, username);
            role.executeUpdate();
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(DB_URL, "fieldaid_owner", OWNER_PASSWORD);
    }

    /** The application's classpath as the build has it: its classes and dependencies, without the tests'. */
    private static String mainClasspath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(full.split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int script(String command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("deploy/cluster.sh").toString(), command)
                .directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(RUN.resolve("script.log").toFile()));
        builder.environment().putAll(Map.of("CLUSTER_RUN_DIR", RUN.toString(), "CLUSTER_PG_DIR", PG.toString(),
                "CLUSTER_NODE_DIR", NODE_DIR));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(Duration.ofMinutes(20).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static void stopAndForget() throws IOException, InterruptedException {
        if (Files.isDirectory(RUN)) {
            script("stop", Map.of());
        }
        FileUtils.deleteDirectory(PG.toFile());
        FileUtils.deleteDirectory(new File(NODE_DIR + "1"));
        FileUtils.deleteDirectory(new File(NODE_DIR + "2"));
        FileUtils.deleteDirectory(RUN.toFile());
        Files.createDirectories(RUN);
    }

    private static boolean executable(String name) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
    }

    private static boolean hasPostgres() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.anyMatch(v -> Files.isExecutable(v.resolve("bin/initdb")));
        }
    }
}
