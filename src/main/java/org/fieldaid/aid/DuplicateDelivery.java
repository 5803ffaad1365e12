package org.fieldaid.aid;

import java.time.Instant;

/** A package of the same type and round already handed to a household that may be the same family. */
public record DuplicateDelivery(long householdId, String registrationNumber, String receiptNumber,
                                Instant deliveredAt, String matchReason) {
}
