package org.fieldaid.household;

public enum Sex {
    FEMALE,
    MALE
}
