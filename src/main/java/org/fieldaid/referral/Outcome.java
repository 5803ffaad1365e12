package org.fieldaid.referral;

/** How a referral ended at the receiving agency. */
public enum Outcome {
    SERVICE_GIVEN,
    NOT_REACHABLE,
    REFERRED_ON
}
