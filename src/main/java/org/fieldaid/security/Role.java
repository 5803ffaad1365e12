package org.fieldaid.security;

public enum Role {
    FIELD_OFFICER,
    SUPERVISOR,
    ANALYST,
    ADMIN
}
