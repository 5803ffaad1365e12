package org.fieldaid.referral;

/** How soon the receiving agency must act. An urgent referral not accepted in time is flagged to the sender. */
public enum Urgency {
    ROUTINE,
    URGENT
}
