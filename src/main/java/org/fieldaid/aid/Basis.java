package org.fieldaid.aid;

/** What an entitlement is counted from. */
public enum Basis {
    /** A fixed number per household. */
    HOUSEHOLD,
    /** A number per member who meets the package's condition (every member when there is none). */
    PERSON
}
