package org.fieldaid.aid;

import java.time.Instant;

/** One row of the append-only stock ledger; quantity is the signed change of the balance. */
public record MovementRow(long id, long warehouseId, long packageTypeId, MovementKind kind, int quantity,
                          String source, String waybill, CorrectionReason reason, String note, Long deliveryId,
                          Instant recordedAt, String recordedBy) {
}
