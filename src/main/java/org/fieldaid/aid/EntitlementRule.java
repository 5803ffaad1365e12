package org.fieldaid.aid;

/**
 * How much of a package type a household is entitled to in a round.
 *
 * @param quantity how many per household, or per counted member
 * @param cap at most this many per household; null for no cap
 */
public record EntitlementRule(Basis basis, int quantity, Integer cap, Frequency frequency, Condition condition) {
}
