package org.fieldaid.journey;

/**
 * @param departed journeys that left with the convoy
 * @param leftBehind journeys on the convoy that could not leave: not approved, or flagged for review
 */
public record DepartureSummary(int departed, int leftBehind) {
}
