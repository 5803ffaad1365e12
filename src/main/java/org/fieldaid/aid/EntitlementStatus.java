package org.fieldaid.aid;

public enum EntitlementStatus {
    DUE, PARTLY_DELIVERED, DELIVERED, CANCELLED
}
