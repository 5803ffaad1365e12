package org.fieldaid.aid;

/** Which households, or which of their members, a package type is for. */
public enum Condition {
    NONE,
    /** Only where a member is under two years old on the first day of the round; counted per such member. */
    MEMBER_UNDER_TWO
}
