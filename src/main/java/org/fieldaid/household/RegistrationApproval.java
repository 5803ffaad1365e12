package org.fieldaid.household;

import org.fieldaid.approval.ApprovalKind;
import org.fieldaid.security.Authority;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registrations are the first kind of approval: decided with HOUSEHOLD:APPROVE, shown on the household page. */
@Configuration(proxyBeanMethods = false)
class RegistrationApproval {

    static final String KIND = HouseholdRegistry.APPROVAL_KIND;

    @Bean
    ApprovalKind registrationApprovalKind() {
        return new ApprovalKind(KIND, Authority.HOUSEHOLD_APPROVE, "households/{id}");
    }
}
