package org.fieldaid.security;

public enum Role {
    FIELD_OFFICER,
    SUPERVISOR,
    ANALYST,
    ADMIN,
    /** Reads health and metrics (Prometheus scrapes with HTTP Basic); nothing else, in any agency (decision 031). */
    OPERATOR
}
