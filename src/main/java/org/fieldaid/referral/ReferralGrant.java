package org.fieldaid.referral;

import org.fieldaid.household.HouseholdReadGrant;
import org.springframework.stereotype.Component;

/** An accepted referral opens the household to the receiving agency until it is completed or revoked. */
@Component
class ReferralGrant implements HouseholdReadGrant {

    private final ReferralStore store;

    ReferralGrant(ReferralStore store) {
        this.store = store;
    }

    @Override
    public boolean grants(String agencyCode, long householdId) {
        return store.accepted(agencyCode, householdId);
    }
}
