package org.fieldaid.aid;

/** Stock sent from one warehouse to another, with the waybill that travels with it. */
public record TransferForm(Long fromWarehouseId, Long toWarehouseId, Long packageTypeId, Integer quantity,
                           String waybill, String note) {
}
