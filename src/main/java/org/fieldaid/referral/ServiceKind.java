package org.fieldaid.referral;

/** A service an agency may offer to the families another agency refers to it. */
public enum ServiceKind {
    HEALTH_CHECK,
    PSYCHOSOCIAL_SUPPORT,
    SHELTER_REPAIR,
    FAMILY_TRACING,
    LEGAL_AID
}
