package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The permission matrix against the grants written by hand from the design brief ({@code access/grants.txt}):
 * every agency and role, and every combination of roles, gets exactly the authorities of the table.
 */
class PermissionMatrixAgainstDesignTest {

    @Test
    void everyAgencyAndRoleGetsExactlyTheAuthoritiesOfTheDesignTable() {
        List<String> differ = new ArrayList<>();
        int rows = 0;
        for (var agency : AccessTables.agencies().entrySet()) {
            Map<Role, Set<Authority>> expected = AccessTables.grants().get(agency.getKey());
            assertThat(expected).as("grants.txt rows of " + agency.getKey()).isNotNull();
            assertThat(expected.keySet()).as("every role of " + agency.getKey())
                    .containsExactlyInAnyOrder(Role.values());
            for (Role role : Role.values()) {
                rows++;
                Set<Authority> actual = PermissionMatrix.authorities(agency.getValue(), EnumSet.of(role));
                if (!actual.equals(expected.get(role))) {
                    differ.add(agency.getKey() + " " + role + ": matrix " + actual + ", design " + expected.get(role));
                }
            }
        }
        assertThat(differ).isEmpty();
        assertThat(AccessTables.grants().keySet()).isEqualTo(AccessTables.agencies().keySet());
        System.out.printf("[access] agency x role rows held against the design table: %d%n", rows);
    }

    @Test
    void aUserWithSeveralRolesGetsTheUnionOfTheirRows() {
        int combinations = 0;
        for (var agency : AccessTables.agencies().entrySet()) {
            for (int mask = 1; mask < 1 << Role.values().length; mask++) {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (Role role : Role.values()) {
                    if ((mask & 1 << role.ordinal()) != 0) {
                        roles.add(role);
                    }
                }
                combinations++;
                assertThat(PermissionMatrix.authorities(agency.getValue(), roles)).as(agency.getKey() + " " + roles)
                        .isEqualTo(AccessTables.grantedTo(agency.getKey(), roles));
            }
        }
        System.out.printf("[access] agency x role-combination cases: %d%n", combinations);
    }

    @Test
    void everyAuthorityIsGrantedToSomebodyInTheDesign() {
        Set<Authority> granted = EnumSet.noneOf(Authority.class);
        AccessTables.grants().values().forEach(byRole -> byRole.values().forEach(granted::addAll));
        assertThat(granted).containsExactlyInAnyOrder(Authority.values());
    }
}
