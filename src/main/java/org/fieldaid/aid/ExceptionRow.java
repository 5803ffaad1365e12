package org.fieldaid.aid;

import java.time.Instant;

/** A request for a package outside the entitlement, with its decision. */
public record ExceptionRow(long id, int version, long householdId, String registrationNumber, long packageTypeId,
                           String packageCode, int quantity, String reason, long warehouseId, long pointSettlementId,
                           ExceptionStatus status, String agencyCode, String requestedBy, Instant requestedAt,
                           String decidedBy, Instant decidedAt, String rejectionReason) {
}
