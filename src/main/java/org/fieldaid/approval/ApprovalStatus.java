package org.fieldaid.approval;

public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    /** The subject was withdrawn or changed so much that the request no longer applies. */
    WITHDRAWN
}
