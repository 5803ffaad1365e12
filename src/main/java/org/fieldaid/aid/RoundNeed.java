package org.fieldaid.aid;

/** What a round still has to hand out of one package type, against what its warehouse holds. */
public record RoundNeed(long packageTypeId, String packageCode, int entitled, int delivered, int stillDue,
                        int inStock) {

    public boolean shortOfStock() {
        return stillDue > inStock;
    }
}
