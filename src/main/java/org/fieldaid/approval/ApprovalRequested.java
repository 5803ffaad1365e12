package org.fieldaid.approval;

/**
 * Published inside the requesting transaction; the approval module files the request in that transaction.
 *
 * @param requestedAt when it was asked for; null means now (only data loads give an earlier moment)
 */
public record ApprovalRequested(String kind, long subjectId, String subjectLabel, String agencyCode,
                                String requestedBy, String note, java.time.Instant requestedAt) {

    public ApprovalRequested(String kind, long subjectId, String subjectLabel, String agencyCode, String requestedBy,
                             String note) {
        this(kind, subjectId, subjectLabel, agencyCode, requestedBy, note, null);
    }
}
