package org.fieldaid.security;

/** What an agency's mandate covers. Together with a user's roles it decides the user's authorities. */
public enum Capability {
    REGISTRATION,
    /** Health and protection details: disability, chronic illness, pregnancy, survivor status. */
    SENSITIVE_DATA,
    AID,
    CONVOYS,
    JOURNEYS,
    CHECKPOINT,
    COORDINATION,
    PARTNER
}
