package org.fieldaid.household;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A household as the officer types it, for a new registration or an edit. */
public record RegistrationForm(Long originSettlementId, Long currentSettlementId, String currentAddress,
                               LocalDate displacedOn, String phone, boolean consentSharePartners,
                               boolean consentContact, Set<Vulnerability> vulnerabilities, List<MemberForm> members) {

    public RegistrationForm {
        vulnerabilities = vulnerabilities == null || vulnerabilities.isEmpty() ? EnumSet.noneOf(Vulnerability.class)
                : EnumSet.copyOf(vulnerabilities);
        members = members == null ? List.of() : List.copyOf(members);
    }
}
