package org.fieldaid.base;

/**
 * A change, decision, login or export that must reach the audit log. Any module publishes it as an
 * application event inside its own transaction; the audit module stores it in that same transaction,
 * so a change that rolls back leaves no audit row either.
 *
 * @param actor who did it; {@code null} means the currently authenticated user
 * @param agencyCode the actor's agency; {@code null} means the current user's agency
 */
public record AuditRecord(String action, String entityType, String entityId, String summary,
                          String before, String after, String actor, String agencyCode) {

    public static AuditRecord of(String action, String entityType, Object entityId, String summary,
                                 String before, String after) {
        return new AuditRecord(action, entityType, entityId == null ? null : entityId.toString(), summary,
                before, after, null, null);
    }

    public AuditRecord by(String actor, String agencyCode) {
        return new AuditRecord(action, entityType, entityId, summary, before, after, actor, agencyCode);
    }
}
