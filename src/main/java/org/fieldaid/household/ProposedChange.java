package org.fieldaid.household;

import java.time.Instant;
import java.util.List;

/**
 * A change to a registered household that waits for a supervisor of the registering agency.
 *
 * @param proposed the household as it will be once approved, as the caller may see it; members the change adds
 *                 have id 0
 * @param duplicates possible duplicates of the proposed members, each shown as far as the caller may see it
 */
public record ProposedChange(HouseholdDetails proposed, String proposedBy, String proposedAgency, Instant proposedAt,
                             List<DuplicateCandidate> duplicates) {
}
