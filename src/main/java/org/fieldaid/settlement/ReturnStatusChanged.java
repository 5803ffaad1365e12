package org.fieldaid.settlement;

import java.time.LocalDate;

/**
 * Published inside the transaction that changed a settlement's return status, so that features which send
 * families there (journeys) react in that same transaction, without the settlement module knowing them.
 */
public record ReturnStatusChanged(long settlementId, String code, ReturnStatus from, ReturnStatus to, String reason,
                                  LocalDate effectiveOn) {

    /** Whether families may no longer be sent there. */
    public boolean closesReturn() {
        return from == ReturnStatus.OPEN && to != ReturnStatus.OPEN;
    }
}
