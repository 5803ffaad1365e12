package org.fieldaid.referral;

import org.fieldaid.audit.HistoryAccess;
import org.springframework.stereotype.Component;

/** A referral's history is read by the agencies it is between, the receiver only once it has accepted. */
@Component
class ReferralHistoryAccess implements HistoryAccess {

    private final Referrals referrals;

    ReferralHistoryAccess(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public String entityType() {
        return Referrals.AUDIT_TYPE;
    }

    @Override
    public boolean maySee(String entityId) {
        try {
            return referrals.mayReadHistory(Long.parseLong(entityId));
        } catch (NumberFormatException notOurs) {
            return false;
        }
    }
}
