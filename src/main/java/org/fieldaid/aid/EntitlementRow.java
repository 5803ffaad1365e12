package org.fieldaid.aid;

import java.time.LocalDate;

/** An entitlement with what a distribution screen needs to decide whether it can be handed over now. */
public record EntitlementRow(long id, long roundId, RoundStatus roundStatus, LocalDate periodStart,
                             LocalDate periodEnd, long householdId, String registrationNumber, long packageTypeId,
                             String packageCode, int quantity, int deliveredQuantity, EntitlementStatus status) {

    public int stillDue() {
        return status == EntitlementStatus.CANCELLED ? 0 : quantity - deliveredQuantity;
    }

    /** Due now: the round is approved and nothing has been handed over against it yet. */
    public boolean deliverable() {
        return roundStatus == RoundStatus.APPROVED && status == EntitlementStatus.DUE;
    }
}
