package org.fieldaid.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral stands: SENT → ACCEPTED or DECLINED; ACCEPTED → COMPLETED. The sender revokes one that is SENT or
 * ACCEPTED. Only an ACCEPTED referral opens the household to the receiving agency.
 */
public enum ReferralStatus {
    SENT,
    ACCEPTED,
    DECLINED,
    COMPLETED,
    REVOKED;

    public Set<ReferralStatus> next() {
        return switch (this) {
            case SENT -> EnumSet.of(ACCEPTED, DECLINED, REVOKED);
            case ACCEPTED -> EnumSet.of(COMPLETED, REVOKED);
            case DECLINED, COMPLETED, REVOKED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean canMoveTo(ReferralStatus to) {
        return next().contains(to);
    }

    public boolean ended() {
        return next().isEmpty();
    }

    /** Whether the receiving agency may read the household (decision 025). */
    public boolean grantsRead() {
        return this == ACCEPTED;
    }
}
