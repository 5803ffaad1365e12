package org.fieldaid.audit;

import java.time.Instant;

/** What the audit grid filters on; any part may be null. Text parts match from the start, case-insensitive. */
public record AuditFilter(String actor, String action, String entityType, String entityId, Instant from, Instant to) {

    /** A typed text is searched for as far as any stored text could hold it (decision 030). */
    public AuditFilter {
        actor = org.fieldaid.base.TextInput.forSearch(actor);
        action = org.fieldaid.base.TextInput.forSearch(action);
        entityType = org.fieldaid.base.TextInput.forSearch(entityType);
        entityId = org.fieldaid.base.TextInput.forSearch(entityId);
        // no entry is older than 1900 or newer than 9999, and the database's times end not far past that
        from = from == null ? null : clamp(from);
        to = to == null ? null : clamp(to);
    }

    private static Instant clamp(Instant at) {
        Instant earliest = Instant.parse("1900-01-01T00:00:00Z");
        Instant latest = Instant.parse("9999-12-31T23:59:59Z");
        return at.isBefore(earliest) ? earliest : at.isAfter(latest) ? latest : at;
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
