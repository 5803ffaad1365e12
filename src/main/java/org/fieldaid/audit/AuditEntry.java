package org.fieldaid.audit;

import java.time.Instant;
import java.util.List;

/**
 * @param summaryKey the summary as a message key under {@code audit.summary.}, or null for a summary recorded as
 *                   English text only (decision 022)
 * @param summaryArgs the key's arguments, joined by {@link #ARGUMENT_SEPARATOR}
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String agencyCode, String action,
                         String entityType, String entityId, String summary, String before, String after,
                         String summaryKey, String summaryArgs) {

    /** The unit separator: no argument a person typed holds it. */
    public static final String ARGUMENT_SEPARATOR = "\u001F";

    public List<String> arguments() {
        return summaryArgs == null || summaryArgs.isEmpty() ? List.of()
                : List.of(summaryArgs.split(ARGUMENT_SEPARATOR, -1));
    }
}
