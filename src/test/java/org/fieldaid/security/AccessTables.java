package org.fieldaid.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The expected access, written once as test data under {@code src/test/resources/access}: the seeded agencies'
 * capabilities and each agency and role's authorities from the design brief ({@code agencies.txt},
 * {@code grants.txt}), and what each service method's door asks for ({@code service-methods.txt}). Nothing here
 * reads {@link PermissionMatrix}.
 */
final class AccessTables {

    /** What a method needs: nothing (open), a signed-in user, or one authority of each clause. */
    record Rule(String text, boolean open, List<Set<Authority>> clauses) {

        boolean allows(Collection<Authority> granted) {
            return open || clauses.stream().allMatch(clause -> clause.stream().anyMatch(granted::contains));
        }
    }

    private static final Map<String, Set<Capability>> AGENCIES = new LinkedHashMap<>();
    private static final Map<String, Map<Role, Set<Authority>>> GRANTS = new LinkedHashMap<>();
    private static final Map<String, Rule> METHODS = new LinkedHashMap<>();

    static {
        for (String[] row : rows("agencies.txt")) {
            AGENCIES.put(row[0], Arrays.stream(row).skip(1).map(Capability::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Capability.class))));
        }
        for (String[] row : rows("grants.txt")) {
            Set<Authority> authorities = Arrays.stream(row).skip(2).map(AccessTables::authority)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Authority.class)));
            Set<Authority> before = GRANTS.computeIfAbsent(row[0], a -> new EnumMap<>(Role.class))
                    .put(Role.valueOf(row[1]), authorities);
            if (before != null) {
                throw new IllegalStateException("grants.txt names " + row[0] + " " + row[1] + " twice");
            }
        }
        for (String line : lines("service-methods.txt")) {
            String[] parts = line.split("\\s+", 2);
            if (METHODS.put(parts[0], rule(parts[1].strip())) != null) {
                throw new IllegalStateException("service-methods.txt names " + parts[0] + " twice");
            }
        }
    }

    private AccessTables() {
    }

    static Map<String, Set<Capability>> agencies() {
        return AGENCIES;
    }

    static Map<String, Map<Role, Set<Authority>>> grants() {
        return GRANTS;
    }

    /** The authorities the design gives a user of the agency with these roles: the union of their rows. */
    static Set<Authority> grantedTo(String agency, Collection<Role> roles) {
        Map<Role, Set<Authority>> byRole = GRANTS.get(agency);
        if (byRole == null) {
            throw new IllegalArgumentException("grants.txt has no rows for agency " + agency);
        }
        Set<Authority> granted = EnumSet.noneOf(Authority.class);
        roles.forEach(role -> granted.addAll(byRole.get(role)));
        return granted;
    }

    static Map<String, Rule> methods() {
        return METHODS;
    }

    private static Rule rule(String text) {
        if (text.startsWith("open:")) {
            if (text.substring(5).isBlank()) {
                throw new IllegalStateException("an open method needs its reason: " + text);
            }
            return new Rule(text, true, List.of());
        }
        if (text.equals("signed-in")) {
            return new Rule(text, false, List.of());
        }
        List<Set<Authority>> clauses = new ArrayList<>();
        for (String clause : text.split(" and ")) {
            clauses.add(Arrays.stream(clause.strip().split("\\|")).map(AccessTables::authority)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Authority.class))));
        }
        return new Rule(text, false, List.copyOf(clauses));
    }

    private static Authority authority(String code) {
        return Authority.fromCode(code).orElseThrow(() -> new IllegalStateException("no authority " + code));
    }

    private static List<String[]> rows(String file) {
        return lines(file).stream().map(line -> line.split("\\s+")).toList();
    }

    private static List<String> lines(String file) {
        try (InputStream in = AccessTables.class.getResourceAsStream("/access/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource access/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
