package org.fieldaid.settlement;

/** Whose name for a place: the Armenian or the Azerbaijani one. The system keeps both and prefers neither. */
public enum NameTradition {
    HY,
    AZ
}
