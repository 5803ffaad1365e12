package org.fieldaid.settlement;

public enum SettlementKind {
    CITY,
    TOWN,
    VILLAGE
}
