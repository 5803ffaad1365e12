package org.fieldaid.referral;

import java.time.Instant;
import java.util.List;
import org.fieldaid.household.Vulnerability;

/**
 * A referral as the caller may see it. The receiving agency sees a preview until it accepts ({@link #preview}):
 * the service, the urgency, the sending agency, the dates and the names and ages of the members concerned; the
 * household, its head, the need, the note and the consent are null. A sensitive need is null for a reader without
 * PII:SENSITIVE.
 *
 * @param overdue urgent, not accepted, and past the time the receiving agency had to accept it
 */
public record ReferralRow(long id, int version, boolean preview, Long householdId, String registrationNumber,
                          String headName, ServiceKind service, String fromAgency, String toAgency, Urgency urgency,
                          Vulnerability need, String note, ReferralStatus status, Boolean consentGiven,
                          String consentGivenBy, String consentPurpose, String sentBy, Instant sentAt,
                          String acceptedBy, Instant acceptedAt, String declinedBy, Instant declinedAt,
                          String declineReason, String completedBy, Instant completedAt, Outcome outcome,
                          String outcomeNote, String revokedBy, Instant revokedAt, String revokeReason,
                          boolean overdue, List<ReferralMember> members) {
}
