package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A service method that nobody wrote into the access table, or that has no {@code @PreAuthorize} without a reason
 * in the table, fails the build here, before any user is signed in.
 */
class ServiceMethodsTest {

    private static final Pattern CHECK = Pattern.compile("hasAuthority\\('([^']+)'\\)|hasAnyAuthority\\(([^)]*)\\)");

    private final Map<String, Method> discovered = ServiceMethods.discover();

    @Test
    void theScanFindsTheServiceOfEveryFeature() {
        Set<String> services = discovered.values().stream().map(m -> m.getDeclaringClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(services).contains("Aid", "Journeys", "Checkpoint", "Referrals", "HouseholdRegistry", "Approvals",
                "AuditLog", "Settlements", "Exports", "UserAdministration", "AgencyAdministration", "AgencyDirectory",
                "UserPreferences", "Backups", "Dashboard", "HouseholdFigures", "AidFigures", "JourneyFigures",
                "ReferralFigures", "ApprovalFigures");
        System.out.printf("[access] %d public service methods in %d beans found by scanning%n", discovered.size(),
                services.size());
    }

    @Test
    void everyPublicServiceMethodIsInTheAccessTableAndNothingElseIs() {
        Set<String> table = AccessTables.methods().keySet();
        assertThat(new TreeSet<>(discovered.keySet())).as("public service methods missing from"
                + " src/test/resources/access/service-methods.txt").isSubsetOf(table);
        assertThat(new TreeSet<>(table)).as("methods in service-methods.txt that no service has (any more)")
                .isSubsetOf(discovered.keySet());
    }

    @Test
    void aMethodWithoutAnAuthorityCheckIsOpenOnlyWithAReasonInTheTable() {
        List<String> unguarded = new ArrayList<>();
        List<String> openButGuarded = new ArrayList<>();
        discovered.forEach((key, method) -> {
            AccessTables.Rule rule = AccessTables.methods().get(key);
            boolean guarded = ServiceMethods.guard(method).isPresent();
            if (!guarded && (rule == null || !rule.open())) {
                unguarded.add(key);
            }
            if (guarded && rule != null && rule.open()) {
                openButGuarded.add(key);
            }
        });
        assertThat(unguarded).as("public service methods without @PreAuthorize and without an open: reason")
                .isEmpty();
        assertThat(openButGuarded).as("table says open, the code guards them").isEmpty();
    }

    @Test
    void eachGuardNamesTheAuthoritiesTheTableGives() {
        List<String> differ = new ArrayList<>();
        discovered.forEach((key, method) -> ServiceMethods.guard(method).ifPresent(expression -> {
            AccessTables.Rule rule = AccessTables.methods().get(key);
            if (rule != null && !clauses(expression).equals(rule.clauses())) {
                differ.add(key + ": code " + expression + ", table " + rule.text());
            }
        }));
        assertThat(differ).isEmpty();
    }

    /** The expression's authorities, one set per {@code and}-ed check; none for {@code isAuthenticated()}. */
    private static List<Set<Authority>> clauses(String expression) {
        List<Set<Authority>> clauses = new ArrayList<>();
        Matcher m = CHECK.matcher(expression);
        while (m.find()) {
            String names = m.group(1) != null ? "'" + m.group(1) + "'" : m.group(2);
            clauses.add(Pattern.compile("'([^']+)'").matcher(names).results()
                    .map(r -> Authority.fromCode(r.group(1)).orElseThrow())
                    .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Authority.class))));
        }
        String rest = CHECK.matcher(expression).replaceAll("").replace(" and ", "").strip();
        assertThat(rest).as("an expression this test can read: " + expression).isIn("", "isAuthenticated()");
        return clauses;
    }
}
