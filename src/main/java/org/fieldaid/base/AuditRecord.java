package org.fieldaid.base;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A change, decision, login or export that must reach the audit log. Any module publishes it as an
 * application event inside its own transaction; the audit module stores it in that same transaction,
 * so a change that rolls back leaves no audit row either.
 *
 * @param actor who did it; {@code null} means the currently authenticated user
 * @param agencyCode the actor's agency; {@code null} means the current user's agency
 * @param summaryKey the summary as a message key under {@code audit.summary.}, so that the log reads in the
 *                   reader's language; null where the English summary is all there is (decision 022)
 * @param summaryArgs the key's arguments, as text
 */
public record AuditRecord(String action, String entityType, String entityId, String summary,
                          String before, String after, String actor, String agencyCode, String summaryKey,
                          List<String> summaryArgs) {

    /**
     * Between a term argument's key prefix and its code: the group separator, which no text a person types holds.
     */
    public static final String TERM = "\u001D";

    public AuditRecord(String action, String entityType, String entityId, String summary, String before, String after,
                       String actor, String agencyCode) {
        this(action, entityType, entityId, summary, before, after, actor, agencyCode, null, List.of());
    }

    public static AuditRecord of(String action, String entityType, Object entityId, String summary,
                                 String before, String after) {
        return new AuditRecord(action, entityType, entityId == null ? null : entityId.toString(), summary,
                before, after, null, null);
    }

    public AuditRecord by(String actor, String agencyCode) {
        return new AuditRecord(action, entityType, entityId, summary, before, after, actor, agencyCode, summaryKey,
                summaryArgs);
    }

    /** The same record, whose summary also reads as {@code audit.summary.KEY} with these arguments. */
    public AuditRecord saying(String key, Object... args) {
        return new AuditRecord(action, entityType, entityId, summary, before, after, actor, agencyCode, key,
                Arrays.stream(args).map(a -> Objects.toString(a, "")).toList());
    }

    /**
     * An argument that is itself a code (a status, an agency, a list): it reads as the text under {@code keyPrefix +
     * code} in the reader's language where there is one, and as the code otherwise.
     */
    public static String term(String keyPrefix, Object code) {
        return keyPrefix + TERM + code;
    }
}
