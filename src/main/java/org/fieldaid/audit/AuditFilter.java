package org.fieldaid.audit;

import java.time.Instant;

/** What the audit grid filters on; any part may be null. Text parts match from the start, case-insensitive. */
public record AuditFilter(String actor, String action, String entityType, String entityId, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
