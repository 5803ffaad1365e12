package org.fieldaid.journey;

/** What the checkpoint found that the manifest did not say. */
public enum DiscrepancyKind {
    MISSING,
    EXTRA,
    DOCUMENT_MISMATCH
}
