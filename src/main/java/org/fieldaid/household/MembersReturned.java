package org.fieldaid.household;

import java.util.Set;

/**
 * Members of a household arrived home; published by the feature that brought them (journeys) inside the
 * transaction that confirms the arrival, so that the household changes with it or not at all.
 *
 * @param reference what brought them, for the household's history (e.g. "journey 42")
 */
public record MembersReturned(long householdId, Set<Long> personIds, String reference) {

    public MembersReturned {
        personIds = Set.copyOf(personIds);
    }
}
