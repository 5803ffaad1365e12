package org.fieldaid.referral;

/**
 * Which referrals a list shows.
 *
 * @param box received by the caller's agency, or sent by it
 * @param status null is any
 * @param overdueOnly urgent referrals nobody accepted in time
 */
public record ReferralQuery(Box box, ReferralStatus status, boolean overdueOnly) {

    public enum Box { RECEIVED, SENT }

    public static ReferralQuery received(ReferralStatus status) {
        return new ReferralQuery(Box.RECEIVED, status, false);
    }

    public static ReferralQuery sent(ReferralStatus status) {
        return new ReferralQuery(Box.SENT, status, false);
    }

    public ReferralQuery overdue() {
        return new ReferralQuery(box, ReferralStatus.SENT, true);
    }
}
