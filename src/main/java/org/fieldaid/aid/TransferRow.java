package org.fieldaid.aid;

import java.time.Instant;

/** A transfer between warehouses; {@code quantityReceived} is null while it is on its way. */
public record TransferRow(long id, int version, long fromWarehouseId, long toWarehouseId, long packageTypeId,
                          String packageCode, int quantitySent, Integer quantityReceived, String waybill, String note,
                          TransferStatus status, Instant sentAt, String sentBy, Instant receivedAt,
                          String receivedBy) {

    /** What did not arrive: sent minus received, 0 while in transit. */
    public int lost() {
        return quantityReceived == null ? 0 : quantitySent - quantityReceived;
    }
}
