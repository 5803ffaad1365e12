package org.fieldaid.approval;

/**
 * Published inside the transaction in which a feature ends a subject that was waiting for a decision (a journey
 * aborted while submitted); the approval module withdraws the pending request in that same transaction.
 */
public record ApprovalWithdrawn(String kind, long subjectId, String reason) {
}
