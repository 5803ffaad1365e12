package org.fieldaid.aid;

/** A counted difference: {@code change} is negative for stock that is gone, positive for stock found. */
public record CorrectionForm(Long warehouseId, Long packageTypeId, Integer change, CorrectionReason reason,
                             String note) {
}
