package org.fieldaid.aid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fieldaid.household.DuplicateCandidate;
import org.fieldaid.household.HouseholdRegistry;
import org.springframework.stereotype.Component;

/**
 * The registry's possible duplicates of a household, kept for two minutes: the distribution screen asks when the
 * officer opens a handover, and the handover itself then checks against the same answer without running the
 * registry's fuzzy search again (decision 014). Only an optimisation: another node, or a miss, asks the registry.
 * A duplicate registered meanwhile cannot matter yet: it must be approved and given a round's entitlement first.
 * The answer is kept per household, not per reader: readers differ only in other agencies' drafts, and a draft holds
 * no delivery to warn about.
 */
@Component
class DuplicateCandidates {

    static final Duration KEPT = Duration.ofMinutes(2);
    private static final int MAX = 2_000;

    private record Kept(Map<Long, String> households, Instant until) {
    }

    private final HouseholdRegistry registry;
    private final Clock clock;
    private final Map<Long, Kept> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
            return size() > MAX;
        }
    };

    DuplicateCandidates(HouseholdRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Household id to the reason (DOCUMENT or NAME) of each possible duplicate the caller may see. */
    Map<Long, String> of(long householdId) {
        Instant now = clock.instant();
        synchronized (entries) {
            Kept entry = entries.get(householdId);
            if (entry != null && entry.until().isAfter(now)) {
                return entry.households();
            }
        }
        Map<Long, String> found = new LinkedHashMap<>();
        for (DuplicateCandidate c : registry.duplicatesOf(householdId)) {
            if (!c.redacted() && c.householdId() != householdId) {
                found.putIfAbsent(c.householdId(), c.reason());
            }
        }
        Map<Long, String> kept = Map.copyOf(found);
        synchronized (entries) {
            entries.put(householdId, new Kept(kept, now.plus(KEPT)));
        }
        return kept;
    }
}
