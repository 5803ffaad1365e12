package org.fieldaid.journey;

/** What the typed document number says about a traveller, after the registry's normalisation. */
public enum DocumentCheck {
    MATCH,
    MISMATCH,
    /** the registry holds no document number for this traveller */
    NONE_ON_FILE
}
