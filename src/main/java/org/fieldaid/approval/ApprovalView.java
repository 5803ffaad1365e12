package org.fieldaid.approval;

import java.time.Instant;

public record ApprovalView(long id, int version, String kind, long subjectId, String subjectLabel, String agencyCode,
                           String requestedBy, Instant requestedAt, String note, ApprovalStatus status,
                           String decidedBy, Instant decidedAt, String decisionReason) {
}
