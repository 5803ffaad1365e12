package org.fieldaid.household;

public enum HouseholdStatus {
    DRAFT,
    SUBMITTED,
    REGISTERED,
    REJECTED,
    RETURNED,
    CLOSED
}
