package org.fieldaid.household;

import java.util.Set;
import org.fieldaid.approval.SubjectAccess;
import org.fieldaid.audit.HistoryAccess;
import org.springframework.stereotype.Component;

/**
 * Answers the approval and audit modules whether the caller may see a household, through the registry's own
 * check, so that a request or a history is never shown to someone who may not open the household.
 */
@Component
class HouseholdAccess implements SubjectAccess, HistoryAccess {

    private final HouseholdRegistry registry;
    private final HouseholdRepository households;

    HouseholdAccess(HouseholdRegistry registry, HouseholdRepository households) {
        this.registry = registry;
        this.households = households;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(RegistrationApproval.KIND, RegistrationApproval.CHANGE_KIND);
    }

    @Override
    public boolean maySee(long subjectId) {
        return registry.maySee(subjectId);
    }

    @Override
    public String entityType() {
        return HouseholdRegistry.AUDIT_TYPE;
    }

    @Override
    public boolean maySee(String registrationNumber) {
        return registry.maySee(households.findIdByRegistrationNumber(registrationNumber).orElse(-1L));
    }
}
