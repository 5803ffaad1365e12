package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fieldaid.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every route, found by scanning, opens exactly for the demo users that the design's grants
 * ({@code access/grants.txt}, not the permission matrix) give one of the authorities the route needs, and each
 * authority of a route's "any of" list opens it alone. The service methods behind the routes are checked the same
 * way in {@link ServiceAccessTest}.
 */
@IntegrationTest
class AccessControlTest {

    private static final AtomicInteger ROLE_ROUTE_PAIRS = new AtomicInteger();
    private static final AtomicInteger ALONE_CASES = new AtomicInteger();

    /** Each route, and the authorities of which it needs one (empty: any signed-in user; anyone for login). */
    static final Map<String, Set<Authority>> ROUTES = new TreeMap<>();

    static {
        ROUTES.put("", EnumSet.noneOf(Authority.class));
        ROUTES.put("login", EnumSet.noneOf(Authority.class));
        ROUTES.put("admin/users", EnumSet.of(Authority.USER_MANAGE));
        ROUTES.put("admin/agencies", EnumSet.of(Authority.AGENCY_MANAGE));
        ROUTES.put("admin/settlements", EnumSet.of(Authority.SETTLEMENT_MANAGE));
        ROUTES.put("admin/audit", EnumSet.of(Authority.AUDIT_READ));
        ROUTES.put("admin/backup", EnumSet.of(Authority.BACKUP_RUN));
        ROUTES.put("households", EnumSet.of(Authority.HOUSEHOLD_READ, Authority.HOUSEHOLD_READ_CONSENTED));
        ROUTES.put("households/new", EnumSet.of(Authority.HOUSEHOLD_WRITE));
        ROUTES.put("households/:id([0-9]{1,18})", EnumSet.of(Authority.HOUSEHOLD_READ, Authority.HOUSEHOLD_READ_CONSENTED));
        ROUTES.put("aid/distribute", EnumSet.of(Authority.AID_DISTRIBUTE));
        ROUTES.put("aid/stock", EnumSet.of(Authority.AID_READ, Authority.STOCK_MANAGE));
        ROUTES.put("aid/rounds", EnumSet.of(Authority.AID_READ, Authority.AID_PLAN));
        ROUTES.put("aid/exceptions", EnumSet.of(Authority.AID_READ));
        ROUTES.put("aid/receipt", EnumSet.of(Authority.AID_READ));
        ROUTES.put("aid/day-list", EnumSet.of(Authority.AID_READ));
        ROUTES.put("aid/packages", EnumSet.of(Authority.AID_READ, Authority.CATALOGUE_MANAGE));
        ROUTES.put("approvals", EnumSet.of(Authority.HOUSEHOLD_APPROVE, Authority.AID_APPROVE,
                Authority.JOURNEY_APPROVE));
        ROUTES.put("journeys", EnumSet.of(Authority.JOURNEY_READ, Authority.JOURNEY_PLAN));
        ROUTES.put("journeys/convoys", EnumSet.of(Authority.CONVOY_MANAGE));
        ROUTES.put("journeys/convoys/manifest", EnumSet.of(Authority.CONVOY_MANAGE));
        ROUTES.put("checkpoint", EnumSet.of(Authority.CHECKPOINT_LOG));
        ROUTES.put("settlements/return-status", EnumSet.of(Authority.SETTLEMENT_STATUS, Authority.SETTLEMENT_MANAGE));
        ROUTES.put("reports", EnumSet.of(Authority.REPORT_READ));
        ROUTES.put("reports/situation", EnumSet.of(Authority.REPORT_READ));
        ROUTES.put("referrals", EnumSet.of(Authority.REFERRAL_RECEIVE));
        ROUTES.put("referrals/sent", EnumSet.of(Authority.REFERRAL_READ, Authority.REFERRAL_SEND,
                Authority.REFERRAL_SUPERVISE));
        ROUTES.put("admin/services", EnumSet.of(Authority.AGENCY_MANAGE));
    }

    @Autowired UserDetailsService userDetails;

    @AfterAll
    static void printCounts() {
        System.out.printf("[access] role x route pairs: %d; one-authority-alone route cases: %d%n",
                ROLE_ROUTE_PAIRS.get(), ALONE_CASES.get());
    }

    @TestFactory
    Stream<DynamicContainer> everyRouteOpensExactlyForTheUsersTheDesignTableAllows() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Map<String, Class<?>> views = routes();
        return DemoUsers.ACCOUNTS.stream().map(demo -> {
            Set<Authority> granted = AccessTables.grantedTo(demo.agency(), demo.roles());
            var details = userDetails.loadUserByUsername(demo.username());
            Set<String> codes = details.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toSet());
            Principal principal = demo::username;
            return DynamicContainer.dynamicContainer(demo.username(), views.entrySet().stream().map(route -> {
                Set<Authority> needed = ROUTES.get(route.getKey());
                boolean expected = needed.isEmpty() || needed.stream().anyMatch(granted::contains);
                return DynamicTest.dynamicTest("/" + route.getKey() + (expected ? " opens" : " is refused"), () -> {
                    ROLE_ROUTE_PAIRS.incrementAndGet();
                    assertThat(checker.hasAccess(route.getValue(), principal, codes::contains)).isEqualTo(expected);
                });
            }));
        });
    }

    /** Each authority a route accepts opens it alone, and every other authority together does not. */
    @TestFactory
    Stream<DynamicTest> eachAuthorityOfARouteOpensItAloneAndNothingElseDoes() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Principal principal = () -> "someone";
        List<DynamicTest> tests = new ArrayList<>();
        routes().forEach((path, view) -> {
            Set<Authority> needed = ROUTES.get(path);
            if (needed.isEmpty()) {
                return;
            }
            for (Authority authority : needed) {
                tests.add(DynamicTest.dynamicTest("/" + path + " opens to " + authority.code() + " alone", () -> {
                    ALONE_CASES.incrementAndGet();
                    assertThat(checker.hasAccess(view, principal, authority.code()::equals)).isTrue();
                }));
            }
            Set<String> others = EnumSet.complementOf(EnumSet.copyOf(needed)).stream().map(Authority::code)
                    .collect(Collectors.toSet());
            tests.add(DynamicTest.dynamicTest("/" + path + " stays shut to every other authority", () -> {
                ALONE_CASES.incrementAndGet();
                assertThat(checker.hasAccess(view, principal, others::contains)).isFalse();
            }));
        });
        return tests.stream();
    }

    @Test
    void everyRouteIsInTheAccessTable() {
        assertThat(routes().keySet()).isEqualTo(ROUTES.keySet());
    }

    @Test
    void noRouteIsOpenToAnonymousVisitorsButLogin() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        List<String> open = new ArrayList<>();
        routes().forEach((path, view) -> {
            if (checker.hasAccess(view, null, role -> false)) {
                open.add(path);
            }
        });
        assertThat(open).containsExactly("login");
    }

    static Map<String, Class<?>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> result = new TreeMap<>();
        for (var bean : scanner.findCandidateComponents("org.fieldaid")) {
            try {
                Class<?> type = Class.forName(bean.getBeanClassName());
                result.put(type.getAnnotation(Route.class).value(), type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }

    @Test
    void theSetOfDemoUsersCoversEveryAgencyInTheIssue() {
        assertThat(DemoUsers.ACCOUNTS.stream().map(DemoUsers.Demo::username).toList())
                .containsExactlyInAnyOrder("admin", "mchs.officer", "mchs.supervisor", "mchs.supervisor2", "mod.officer",
                        "mod.supervisor", "border.officer", "mfa.analyst", "mfa.coordinator", "health.officer",
                        "partner.analyst", "health.supervisor", "partner.officer", "mchs.analyst", "mod.analyst",
                        "operator");
    }
}
