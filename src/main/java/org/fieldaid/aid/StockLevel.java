package org.fieldaid.aid;

/** What a warehouse holds of one package type, with the level under which it must be restocked. */
public record StockLevel(long warehouseId, long packageTypeId, String packageCode, int quantity, int minimumLevel) {

    public boolean low() {
        return quantity < minimumLevel;
    }
}
