package org.fieldaid.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A household with its members, as the caller may see it (sensitive details only with PII:SENSITIVE). */
public record HouseholdDetails(long id, int version, String registrationNumber, HouseholdStatus status,
                               Long originSettlementId, Long currentSettlementId, String currentAddress,
                               LocalDate displacedOn, String phone, boolean consentSharePartners,
                               boolean consentContact, Set<Vulnerability> vulnerabilities, List<MemberView> members,
                               String agencyCode, String registeredBy, Instant createdAt, Instant submittedAt,
                               Instant decidedAt, String decidedBy, String rejectionReason,
                               String duplicateJustification, boolean sensitiveShown) {

    public RegistrationForm toForm() {
        return new RegistrationForm(originSettlementId, currentSettlementId, currentAddress, displacedOn, phone,
                consentSharePartners, consentContact, vulnerabilities,
                members.stream().map(MemberView::toForm).toList());
    }

    public boolean editable() {
        return status == HouseholdStatus.DRAFT || status == HouseholdStatus.REJECTED
                || status == HouseholdStatus.REGISTERED;
    }
}
