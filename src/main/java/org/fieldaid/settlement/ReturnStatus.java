package org.fieldaid.settlement;

/** Whether families may be sent back to a settlement. */
public enum ReturnStatus {
    OPEN,
    RESTRICTED,
    CLOSED
}
