package org.fieldaid.journey;

import java.time.LocalDate;
import java.util.Set;

/** A journey as a planner asks for it: who of the household travels, where to, on which day and convoy. */
public record JourneyForm(Long householdId, Set<Long> personIds, Long destinationId, LocalDate date, Long convoyId) {
}
