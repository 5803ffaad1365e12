package org.fieldaid.aid;

public record WarehouseRow(long id, String code, String name, String agencyCode, long settlementId) {
}
