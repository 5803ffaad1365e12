package org.fieldaid.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fieldaid.household.DocumentType;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.HttpBrowser;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health and metrics over HTTP, through the whole filter chain (decision 031): only an account with METRICS:READ
 * reads them, nobody reaches the rest of Actuator, and the counters follow committed work.
 */
@IntegrationTest
class OperationsEndpointsTest {

    private static final List<String> CLOSED = List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump",
            "/actuator/configprops", "/actuator/loggers", "/actuator/threaddump", "/actuator/mappings",
            "/actuator/shutdown", "/actuator/metrics");

    @LocalServerPort int port;
    @Autowired HouseholdRegistry registry;
    @Autowired Settlements settlements;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private HttpResponse<String> get(String path, String username, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> asOperator(String path) throws Exception {
        return get(path, "operator", "fieldaid");
    }

    @Test
    void anonymousCallersAreAskedToSignInAndReadNothing() throws Exception {
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness", "/actuator/prometheus", "/actuator/env", "/actuator/heapdump")) {
            HttpResponse<String> response = get(path, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Basic"));
            assertThat(response.body()).as(path).doesNotContain("UP").doesNotContain("jvm_");
        }
    }

    @Test
    void caseWorkersAndAdministratorsAreRefusedTheOperatorsPages() throws Exception {
        for (String username : List.of("admin", "mchs.supervisor", "mfa.analyst")) {
            for (String path : List.of("/actuator/prometheus", "/actuator/health/readiness", "/actuator/env")) {
                HttpResponse<String> response = get(path, username, "fieldaid");
                assertThat(response.statusCode()).as(username + " " + path).isEqualTo(403);
                assertThat(response.body()).as(username + " " + path).doesNotContain("jvm_").doesNotContain("UP");
            }
        }
    }

    @Test
    void theRestOfActuatorIsClosedEvenToTheOperator() throws Exception {
        for (String path : CLOSED) {
            HttpResponse<String> response = asOperator(path);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).as(path).doesNotContain("spring.datasource").doesNotContain("java.home");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() throws Exception {
        int before = loginFailures("operator");
        assertThat(get("/actuator/prometheus", "operator", "not-the-password-1").statusCode()).isEqualTo(401);
        assertThat(loginFailures("operator")).isEqualTo(before + 1);
    }

    @Test
    void theOperatorReadsLivenessAndReadinessWithTheDatabase() throws Exception {
        HttpResponse<String> liveness = asOperator("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> readiness = asOperator("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"db\"")
                .contains(org.fieldaid.support.TestDatabase.h2() ? "H2" : "PostgreSQL");
        assertThat(asOperator("/actuator/health").body()).contains("\"db\"");
    }

    @Test
    void aScrapeMakesNoSessionAndNoLoginRow() throws Exception {
        int logins = jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'LOGIN' AND actor = ?",
                Integer.class, "operator");
        HttpResponse<String> scrape = asOperator("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'LOGIN' AND actor = ?",
                Integer.class, "operator")).isEqualTo(logins);
    }

    @Test
    void theScrapeHoldsTheJvmHttpPoolVaadinAndBusinessFamilies() throws Exception {
        new HttpBrowser(port).signIn("mchs.officer").open("households");
        String metrics = asOperator("/actuator/prometheus").body();
        assertThat(metrics).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds",
                "http_server_requests_seconds_count", "hikaricp_connections_active", "hikaricp_connections_max",
                "vaadin_sessions_active", "vaadin_uis_active", "vaadin_uis_opened_total",
                "fieldaid_registrations_total{", "fieldaid_deliveries_total{", "fieldaid_crossings_total{",
                "fieldaid_exports_total{", "fieldaid_approvals_pending{");
        assertThat(value(metrics, "vaadin_sessions_active")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "vaadin_uis_active")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aBrowserTabOpenedCountsAsOneMoreUi() throws Exception {
        double before = value(asOperator("/actuator/prometheus").body(), "vaadin_uis_opened_total");
        new HttpBrowser(port).signIn("mchs.officer").open("households");
        assertThat(value(asOperator("/actuator/prometheus").body(), "vaadin_uis_opened_total"))
                .isEqualTo(before + 1);
    }

    @Test
    void aSubmittedRegistrationCountsOnceAndWaitsInTheGauge() throws Exception {
        String submitted = "fieldaid_registrations_total{application=\"fieldaid\",step=\"submitted\"}";
        String pending = "fieldaid_approvals_pending{application=\"fieldaid\",kind=\"REGISTRATION\"}";
        String before = asOperator("/actuator/prometheus").body();
        int pendingInDatabase = jdbc.queryForObject("SELECT count(*) FROM approval_request WHERE kind = "
                + "'REGISTRATION' AND status = 'PENDING'", Integer.class);
        assertThat(value(before, pending)).isEqualTo(pendingInDatabase);

        submitOneFamily();

        String after = asOperator("/actuator/prometheus").body();
        assertThat(value(after, submitted)).isEqualTo(value(before, submitted) + 1);
        assertThat(value(after, pending)).isEqualTo(pendingInDatabase + 1);
    }

    @Test
    void workThatRollsBackIsNotCounted() throws Exception {
        String drafted = "fieldaid_registrations_total{application=\"fieldaid\",step=\"drafted\"}";
        String submitted = "fieldaid_registrations_total{application=\"fieldaid\",step=\"submitted\"}";
        String before = asOperator("/actuator/prometheus").body();
        RegistrationForm family = submitOneFamily();
        signIn.as("mchs.officer");
        try {
            // the same family again: the draft is written, then the submission finds the first as a duplicate and,
            // without a justification, the whole transaction rolls back, its audit records with it
            registry.saveAndSubmit(null, 0, family, null);
            throw new AssertionError("a duplicate without a justification was submitted");
        } catch (org.fieldaid.base.InvalidInputException refused) {
            assertThat(refused.problems()).containsKey("justification");
        } finally {
            signIn.out();
        }
        String after = asOperator("/actuator/prometheus").body();
        assertThat(value(after, drafted)).isEqualTo(value(before, drafted) + 1);
        assertThat(value(after, submitted)).isEqualTo(value(before, submitted) + 1);
    }

    private RegistrationForm submitOneFamily() {
        String family = TestNames.syllables(4);
        RegistrationForm form = form(List.of(new MemberForm(null, family, TestNames.syllables(5), null,
                Sex.FEMALE, LocalDate.of(1961, 2, 3), false, Relation.HEAD, DocumentType.OTHER,
                "OPS" + System.nanoTime() % 1_000_000_000L, EnumSet.noneOf(Vulnerability.class))));
        signIn.as("mchs.officer");
        try {
            registry.saveAndSubmit(null, 0, form, "a family of the metrics test");
        } finally {
            signIn.out();
        }
        return form;
    }

    private RegistrationForm form(List<MemberForm> members) {
        List<SettlementRow> all = signIn.run("mchs.officer", settlements::all);
        long origin = all.stream().filter(s -> !s.reception()).findFirst().orElseThrow().id();
        long reception = all.stream().filter(SettlementRow::reception).findFirst().orElseThrow().id();
        signIn.as("mchs.officer");
        return new RegistrationForm(origin, reception, "Shelter 7", LocalDate.of(2020, 10, 20), "+374 77 555000",
                false, true, EnumSet.of(Vulnerability.LOST_HOME), members);
    }

    private int loginFailures(String username) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'LOGIN_FAILED' AND actor = ?",
                Integer.class, username);
    }

    /** The value of the first series whose name (and labels, when given) start the line. */
    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(metrics);
        assertThat(m.find()).as(series + " in the scrape").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
