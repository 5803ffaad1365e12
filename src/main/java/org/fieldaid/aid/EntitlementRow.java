package org.fieldaid.aid;

import java.time.LocalDate;

/**
 * An entitlement with what a distribution screen needs to decide whether it can be handed over now.
 *
 * @param roundId the round it comes from, or null for an exception
 * @param exceptionId the approved (or pending) exception it comes from, or null for a round
 * @param roundStatus the decision on its basis: the round's status, or the exception's (same names)
 * @param periodEnd null for an exception, which has no period
 * @param parentId the entitlement whose partial delivery left the rest this one carries; null for an original
 * @param warehouseId the warehouse that hands it out
 * @param pointSettlementId where it is handed out
 */
public record EntitlementRow(long id, Long roundId, Long exceptionId, RoundStatus roundStatus, LocalDate periodStart,
                             LocalDate periodEnd, long householdId, String registrationNumber, long packageTypeId,
                             String packageCode, int quantity, int deliveredQuantity, EntitlementStatus status,
                             Long parentId, long warehouseId, long pointSettlementId) {

    /** What is still to be handed over against this entitlement itself; a follow-up carries a partial's rest. */
    public int stillDue() {
        return status == EntitlementStatus.DUE ? quantity : 0;
    }

    /** Due now: its round or exception is approved and nothing has been handed over against it yet. */
    public boolean deliverable() {
        return roundStatus == RoundStatus.APPROVED && status == EntitlementStatus.DUE;
    }

    public boolean followUp() {
        return parentId != null;
    }
}
