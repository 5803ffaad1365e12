package org.fieldaid.journey;

public record DiscrepancyRow(DiscrepancyKind kind, Long travellerId, String personName, String documentTyped) {
}
