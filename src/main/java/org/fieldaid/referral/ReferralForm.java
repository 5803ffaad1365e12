package org.fieldaid.referral;

import java.util.Set;
import org.fieldaid.household.Vulnerability;

/**
 * A referral as the sender fills it in.
 *
 * @param need the need behind it, if the sender names one; a health or protection need goes only to an agency that
 *             may see such details
 * @param consentGiven whether the family agreed, now, to this agency being told for this purpose; null is not
 *                     answered
 * @param consentGivenBy the member who gave it
 */
public record ReferralForm(Long householdId, Set<Long> personIds, ServiceKind service, String toAgency,
                           Urgency urgency, Vulnerability need, String note, Boolean consentGiven,
                           Long consentGivenBy) {
}
