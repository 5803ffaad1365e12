package org.fieldaid.aid;

/** Where a request for a package outside the entitlement stands; only an approved one can be handed over. */
public enum ExceptionStatus {
    SUBMITTED, APPROVED, REJECTED
}
