package org.fieldaid.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every signed-in person may know of the agencies: who they are and what their mandate covers, for the
 * features that pass work between them (referrals). Changing them is {@link AgencyAdministration}'s.
 */
@Service
public class AgencyDirectory {

    private final AgencyRepository agencies;

    AgencyDirectory(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<AgencyRow> active() {
        return agencies.findAllByOrderByNameAsc().stream().filter(Agency::isActive).map(AgencyRow::of).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<AgencyRow> find(String code) {
        // a code no agency can have (control characters, decision 030) is not looked up
        if (code == null || org.fieldaid.base.TextInput.problem(code, 32) != null) {
            return Optional.empty();
        }
        return agencies.findByCode(code).map(AgencyRow::of);
    }

    /** What the members of an agency with these capabilities may do at most, whatever their role. */
    public static Set<Authority> reach(Set<Capability> capabilities) {
        return PermissionMatrix.authorities(capabilities, Set.of(Role.FIELD_OFFICER, Role.SUPERVISOR, Role.ANALYST));
    }
}
