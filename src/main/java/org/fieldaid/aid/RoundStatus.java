package org.fieldaid.aid;

public enum RoundStatus {
    PLANNED, SUBMITTED, APPROVED, REJECTED
}
