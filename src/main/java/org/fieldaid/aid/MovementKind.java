package org.fieldaid.aid;

/** The kinds of rows in the stock ledger. */
public enum MovementKind {
    RECEIPT, TRANSFER_SENT, TRANSFER_RECEIVED, CORRECTION, DELIVERY, VOID
}
