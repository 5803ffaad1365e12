package org.fieldaid.household;

/** A member's relation to the head of the household. */
public enum Relation {
    HEAD,
    SPOUSE,
    CHILD,
    PARENT,
    SIBLING,
    GRANDCHILD,
    GRANDPARENT,
    OTHER_RELATIVE,
    NOT_RELATED
}
