package org.fieldaid.aid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record RoundRow(long id, int version, long pointSettlementId, long warehouseId, LocalDate periodStart,
                       LocalDate periodEnd, RoundStatus status, String agencyCode, String plannedBy,
                       Instant createdAt, String decidedBy, String rejectionReason, List<Long> packageTypeIds,
                       int households, int entitlements) {
}
