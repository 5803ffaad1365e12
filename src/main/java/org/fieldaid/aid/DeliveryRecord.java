package org.fieldaid.aid;

/** A delivery with what a receipt and a day's list print about it. */
public record DeliveryRecord(DeliveryRow delivery, long householdId, String registrationNumber, long packageTypeId,
                             String packageCode, long warehouseId, Long roundId, Long exceptionId) {
}
