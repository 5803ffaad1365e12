package org.fieldaid.journey;

public enum ConvoyStatus {
    SCHEDULED,
    DEPARTED
}
