package org.fieldaid.household;

import org.fieldaid.approval.ApprovalKind;
import org.fieldaid.security.Authority;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registrations are the first kind of approval: decided with HOUSEHOLD:APPROVE, shown on the household page.
 * Changes to a registered household's identity, members or consent are the second; only a supervisor of the
 * agency that registered the household decides them, since it answers for what it registered.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationApproval {

    static final String KIND = HouseholdRegistry.APPROVAL_KIND;
    static final String CHANGE_KIND = HouseholdRegistry.CHANGE_APPROVAL_KIND;

    @Bean
    ApprovalKind registrationApprovalKind() {
        return new ApprovalKind(KIND, Authority.HOUSEHOLD_APPROVE, "households/{id}");
    }

    @Bean
    ApprovalKind householdChangeApprovalKind() {
        return new ApprovalKind(CHANGE_KIND, Authority.HOUSEHOLD_APPROVE, "households/{id}", true);
    }
}
