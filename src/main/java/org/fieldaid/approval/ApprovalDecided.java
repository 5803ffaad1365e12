package org.fieldaid.approval;

/** Published inside the deciding transaction, so the subject changes together with the decision. */
public record ApprovalDecided(long requestId, String kind, long subjectId, boolean approved, String reason,
                              String decidedBy) {
}
