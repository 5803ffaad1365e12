package org.fieldaid.referral;

import java.time.Instant;

/** One referral as the export takes it: by service, agency, status and age; the household by number only. */
public record ReferralExportRow(long id, String registrationNumber, ServiceKind service, String fromAgency,
                                String toAgency, Urgency urgency, ReferralStatus status, int members,
                                boolean consentGiven, Instant sentAt, Instant acceptedAt, Instant endedAt,
                                Outcome outcome, boolean overdue) {
}
