package org.fieldaid.settlement;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a settlement's return-status history. */
public record ReturnStatusChange(long id, long settlementId, ReturnStatus status, ReturnStatus previous,
                                 String reason, LocalDate effectiveOn, String setBy, String agencyCode,
                                 Instant setAt) {
}
