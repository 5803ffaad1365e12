package org.fieldaid.aid;

/**
 * What a round (at its one distribution point) owes and gave of one package type. The figures add up exactly:
 * {@code entitled = delivered + stillDue + cancelledRest} where a cancelled rest only comes from a cancelled
 * entitlement, and {@code stockIssued = delivered}, because every live delivery took its quantity from stock and every
 * void put its quantity back.
 *
 * @param entitled what the round's entitlements grant (not their follow-ups, which only carry a rest on)
 * @param delivered what live (not voided) deliveries handed over
 * @param voided what voided deliveries had handed over before they were taken back
 * @param stillDue what entitlements still waiting for a handover hold
 * @param stockIssued what left the warehouse for the round's deliveries minus what voids put back, from the ledger
 */
public record ReconciliationRow(long packageTypeId, String packageCode, int entitled, int delivered, int voided,
                                int stillDue, int stockIssued, int inStock) {

    public boolean addsUp() {
        return entitled == delivered + stillDue && stockIssued == delivered;
    }
}
