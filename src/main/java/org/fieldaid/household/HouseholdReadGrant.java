package org.fieldaid.household;

/**
 * Lets another feature open one household to an agency that its authorities alone would not let read it: an
 * accepted referral opens the family to the receiving agency while the referral is open (decision 025). Declared
 * as a bean by the feature, so that the household module knows nothing of referrals.
 *
 * <p>A grant widens only which households a reader may open. What the reader sees of it is still decided by their
 * own authorities (health and protection details need PII:SENSITIVE), and only a reader who may read households at
 * all ({@code HOUSEHOLD:READ} or {@code HOUSEHOLD:READ_CONSENTED}) ever asks. Drafts are never granted.
 */
public interface HouseholdReadGrant {

    /** Whether the agency may read this household now. Must be cheap: it is asked on every opening. */
    boolean grants(String agencyCode, long householdId);
}
