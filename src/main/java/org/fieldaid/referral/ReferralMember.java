package org.fieldaid.referral;

/**
 * A member concerned by a referral, as the referral shows them: name and age in years (estimated when the birth
 * date is). The person's id is null in a preview.
 */
public record ReferralMember(Long personId, String fullName, Integer age, boolean ageEstimated) {
}
