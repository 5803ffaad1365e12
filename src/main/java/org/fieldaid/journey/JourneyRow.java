package org.fieldaid.journey;

import java.time.Instant;
import java.time.LocalDate;

/** A journey as the board and the household's tab show it: the household by number and head, no more. */
public record JourneyRow(long id, int version, long householdId, String registrationNumber, String headName,
                         long convoyId, LocalDate plannedOn, Long fromSettlementId, long destinationId,
                         int travellers, JourneyStatus status, boolean flagged, String flagReason,
                         String agencyCode, String plannedBy, Instant plannedAt, String decidedBy,
                         String rejectionReason, Instant departedAt, Instant crossedAt, Instant arrivedAt,
                         String abortReason) {
}
