package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every guarded service method, found by scanning, is called as every demo user, as users that hold one authority
 * of its rule alone, and as nobody; whether the call gets past the method's door must be what the design tables
 * under {@code src/test/resources/access} say, not what {@link PermissionMatrix} says. Each call gets placeholder
 * arguments and runs in a transaction that is rolled back, so a call that gets in changes nothing; one that gets in
 * fails later on its arguments, which is fine here: only the door is under test. A door refuses before the method's
 * own code runs, so a refusal is told from one deeper inside (another service the method calls) by the stack.
 */
@IntegrationTest
class ServiceAccessTest {

    private static final AtomicInteger ROLE_METHOD_PAIRS = new AtomicInteger();
    private static final AtomicInteger ROLE_METHOD_REFUSED = new AtomicInteger();
    private static final AtomicInteger ALONE_CASES = new AtomicInteger();
    private static final AtomicInteger ANONYMOUS_CASES = new AtomicInteger();

    enum Door { OPENS, REFUSES, WANTS_SIGN_IN }

    @Autowired ApplicationContext context;
    @Autowired PlatformTransactionManager transactions;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @AfterAll
    static void printCounts() {
        System.out.printf("[access] role x method pairs: %d (%d refused, %d let in); one-authority-alone cases: %d;"
                        + " anonymous calls refused: %d%n", ROLE_METHOD_PAIRS.get(), ROLE_METHOD_REFUSED.get(),
                ROLE_METHOD_PAIRS.get() - ROLE_METHOD_REFUSED.get(), ALONE_CASES.get(), ANONYMOUS_CASES.get());
    }

    /** The guarded methods, by table key; the open ones have no door to test. */
    private static Map<String, Method> guarded() {
        Map<String, Method> result = new TreeMap<>(ServiceMethods.discover());
        result.keySet().removeIf(key -> AccessTables.methods().get(key).open());
        return result;
    }

    @TestFactory
    Stream<DynamicContainer> everyDemoUserGetsPastExactlyTheDoorsTheDesignTableOpens() {
        Map<String, Method> methods = guarded();
        return DemoUsers.ACCOUNTS.stream().map(demo -> {
            Set<Authority> granted = AccessTables.grantedTo(demo.agency(), demo.roles());
            return DynamicContainer.dynamicContainer(demo.username(), methods.entrySet().stream().map(entry -> {
                boolean allowed = AccessTables.methods().get(entry.getKey()).allows(granted);
                return DynamicTest.dynamicTest(entry.getKey() + (allowed ? " lets in" : " refuses"), () -> {
                    signIn.as(demo.username());
                    Door door = knock(entry.getValue());
                    ROLE_METHOD_PAIRS.incrementAndGet();
                    if (!allowed) {
                        ROLE_METHOD_REFUSED.incrementAndGet();
                    }
                    assertThat(door).as(demo.username() + " at " + entry.getKey())
                            .isEqualTo(allowed ? Door.OPENS : Door.REFUSES);
                });
            }));
        });
    }

    /**
     * For each "any of" clause, a user holding one of its authorities alone (and one of each other clause) gets in,
     * and a user holding every authority but the clause's does not; a signed-in-only door opens to a user with none.
     */
    @TestFactory
    Stream<DynamicTest> eachAuthorityOfARuleOpensItsDoorAloneAndNothingElseDoes() {
        List<DynamicTest> tests = new ArrayList<>();
        guarded().forEach((key, method) -> {
            List<Set<Authority>> clauses = AccessTables.methods().get(key).clauses();
            if (clauses.isEmpty()) {
                tests.add(alone(key + " opens to a signed-in user without authorities", method, Set.of(), Door.OPENS));
            }
            for (int i = 0; i < clauses.size(); i++) {
                Set<Authority> others = EnumSet.noneOf(Authority.class);
                for (int j = 0; j < clauses.size(); j++) {
                    if (j != i) {
                        others.add(clauses.get(j).iterator().next());
                    }
                }
                for (Authority authority : clauses.get(i)) {
                    Set<Authority> held = EnumSet.copyOf(others);
                    held.add(authority);
                    tests.add(alone(key + " opens to " + held + " alone", method, held, Door.OPENS));
                }
                Set<Authority> allBut = EnumSet.complementOf(EnumSet.copyOf(clauses.get(i)));
                tests.add(alone(key + " stays shut to every authority but " + clauses.get(i), method, allBut,
                        Door.REFUSES));
            }
        });
        return tests.stream();
    }

    private DynamicTest alone(String name, Method method, Set<Authority> held, Door expected) {
        return DynamicTest.dynamicTest(name, () -> {
            signIn.asWithOnly("admin", held.stream().map(Authority::code).toList());
            ALONE_CASES.incrementAndGet();
            assertThat(knock(method)).as(name).isEqualTo(expected);
        });
    }

    @Test
    void nobodySignedInGetsPastAnyDoor() {
        List<String> opened = new ArrayList<>();
        guarded().forEach((key, method) -> {
            ANONYMOUS_CASES.incrementAndGet();
            if (knock(method) != Door.WANTS_SIGN_IN) {
                opened.add(key);
            }
        });
        assertThat(opened).isEmpty();
    }

    /** The demo users, read from the database with SQL, load exactly the authorities of their rows of the table. */
    @Test
    void everyDemoUserLoadsExactlyTheAuthoritiesOfTheDesignTable() {
        for (DemoUsers.Demo demo : DemoUsers.ACCOUNTS) {
            String agency = jdbc.queryForObject("SELECT a.code FROM app_user u JOIN agency a ON a.id = u.agency_id"
                    + " WHERE u.username = ?", String.class, demo.username());
            Set<Role> roles = jdbc.queryForList("SELECT r.role FROM app_user_role r JOIN app_user u ON u.id = r.user_id"
                    + " WHERE u.username = ?", String.class, demo.username()).stream().map(Role::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            Set<String> loaded = userDetails.loadUserByUsername(demo.username()).getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
            assertThat(loaded).as(demo.username()).isEqualTo(AccessTables.grantedTo(agency, roles).stream()
                    .map(Authority::code).collect(Collectors.toSet()));
        }
    }

    @Test
    void theSeededAgenciesHaveTheCapabilitiesOfTheDesign() {
        for (var agency : AccessTables.agencies().entrySet()) {
            List<String> stored = jdbc.queryForList("SELECT c.capability FROM agency_capability c JOIN agency a"
                    + " ON a.id = c.agency_id WHERE a.code = ?", String.class, agency.getKey());
            assertThat(stored).as(agency.getKey()).containsExactlyInAnyOrderElementsOf(
                    agency.getValue().stream().map(Enum::name).toList());
        }
    }

    /** Calls the method with placeholder arguments in a transaction that is rolled back, and says how it went. */
    private Door knock(Method method) {
        Object bean = context.getBean(method.getDeclaringClass());
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(ServiceAccessTest::placeholder).toArray();
        method.setAccessible(true);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            try {
                method.invoke(bean, arguments);
                return Door.OPENS;
            } catch (InvocationTargetException e) {
                return door(e.getCause(), method);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Door door(Throwable thrown, Method method) {
        boolean inside = Arrays.stream(thrown.getStackTrace()).anyMatch(frame -> frame.getMethodName()
                .equals(method.getName()) && frame.getClassName().equals(method.getDeclaringClass().getName()));
        if (inside) {
            return Door.OPENS;
        }
        if (thrown instanceof AuthenticationCredentialsNotFoundException) {
            return Door.WANTS_SIGN_IN;
        }
        if (thrown instanceof AccessDeniedException) {
            return Door.REFUSES;
        }
        throw new AssertionError("failed before its own code ran, and not for access", thrown);
    }

    private static Object placeholder(Class<?> type) {
        if (type == long.class || type == Long.class) {
            return -1L;
        }
        if (type == int.class || type == Integer.class) {
            return 0;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == String.class) {
            return "";
        }
        if (type == Pageable.class) {
            return PageRequest.of(0, 5);
        }
        if (type == Sort.class) {
            return Sort.unsorted();
        }
        if (type == Locale.class) {
            return Locale.ENGLISH;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2021, 1, 1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == Duration.class) {
            return Duration.ZERO;
        }
        if (type == OutputStream.class) {
            return OutputStream.nullOutputStream();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == List.class || type == Collection.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) ->
                    switch (m.getName()) {
                        case "toString" -> "placeholder " + type.getSimpleName();
                        case "hashCode" -> 0;
                        case "equals" -> proxy == args[0];
                        default -> zero(m.getReturnType());
                    });
        }
        return null;
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }
}
