package org.fieldaid.aid;

import java.time.Instant;

public record DeliveryRow(long id, int version, long entitlementId, int quantity, String recipientName,
                          String proxyDocument, boolean identityChecked, Instant deliveredAt, long pointSettlementId,
                          String officer, String receiptNumber, Instant voidedAt, String voidedBy,
                          String voidReason) {

    public boolean voided() {
        return voidedAt != null;
    }
}
