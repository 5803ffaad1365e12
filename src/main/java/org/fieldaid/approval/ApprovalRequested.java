package org.fieldaid.approval;

import java.time.Instant;
import java.util.Set;

/**
 * Published inside the requesting transaction; the approval module files the request in that transaction.
 *
 * @param requestedAt when it was asked for; null means now (only data loads give an earlier moment)
 * @param contributors who created or changed the subject since its last decision: none of them may decide
 */
public record ApprovalRequested(String kind, long subjectId, String subjectLabel, String agencyCode,
                                String requestedBy, String note, Instant requestedAt, Set<String> contributors) {

    public ApprovalRequested {
        contributors = contributors == null ? Set.of() : Set.copyOf(contributors);
    }

    public ApprovalRequested(String kind, long subjectId, String subjectLabel, String agencyCode, String requestedBy,
                             String note, Instant requestedAt) {
        this(kind, subjectId, subjectLabel, agencyCode, requestedBy, note, requestedAt, Set.of());
    }

    public ApprovalRequested(String kind, long subjectId, String subjectLabel, String agencyCode, String requestedBy,
                             String note) {
        this(kind, subjectId, subjectLabel, agencyCode, requestedBy, note, null, Set.of());
    }
}
