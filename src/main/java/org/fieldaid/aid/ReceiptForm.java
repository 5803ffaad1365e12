package org.fieldaid.aid;

/** Stock coming into a warehouse: an airlift consignment, a partner's donation. */
public record ReceiptForm(Long warehouseId, Long packageTypeId, Integer quantity, String source, String waybill) {
}
