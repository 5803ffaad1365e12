package org.fieldaid.aid;

public enum TransferStatus {
    /** Sent and not yet counted at the receiving warehouse: the stock is in neither balance. */
    IN_TRANSIT,
    RECEIVED
}
