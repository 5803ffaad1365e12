package org.fieldaid.audit;

import java.time.Instant;

public record AuditEntry(long id, Instant occurredAt, String actor, String agencyCode, String action,
                         String entityType, String entityId, String summary, String before, String after) {
}
