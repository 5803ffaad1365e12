package org.fieldaid.household;

import java.util.Map;
import org.fieldaid.base.Caller;
import org.fieldaid.security.Authority;

/**
 * Which households a report counts for the caller, as a SQL condition, so that the features that count what belongs
 * to households (deliveries, journeys) count the same households as the registry's list does: a partner
 * organisation (which reads consented households only) counts the consented, registered ones; everyone else every
 * household but other agencies' drafts.
 */
public final class HouseholdScope {

    private HouseholdScope() {
    }

    /** Whether the caller counts consented households only: the matrix grants that reading to partners alone. */
    public static boolean consentedOnly(Caller caller) {
        return caller.hasAuthority(Authority.HOUSEHOLD_READ_CONSENTED.code())
                && !caller.hasAuthority(Authority.HOUSEHOLD_READ.code());
    }

    /**
     * The condition on the household table under {@code alias}, with the named parameter {@code :scopeAgency}
     * (see {@link #parameters}).
     */
    public static String condition(String alias, Caller caller) {
        return consentedOnly(caller)
                ? "(" + alias + ".consent_share_partners = TRUE AND " + alias
                + ".status IN ('REGISTERED', 'RETURNED', 'CLOSED'))"
                : "(" + alias + ".status <> 'DRAFT' OR " + alias + ".agency_code = :scopeAgency)";
    }

    public static Map<String, Object> parameters(Caller caller) {
        return Map.of("scopeAgency", caller.agencyCode().orElse(""));
    }
}
