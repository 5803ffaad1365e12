package org.fieldaid.approval;

import java.time.Instant;
import java.util.Set;

/** @param contributors who created or changed the subject since its last decision, besides the requester */
public record ApprovalView(long id, int version, String kind, long subjectId, String subjectLabel, String agencyCode,
                           String requestedBy, Instant requestedAt, String note, ApprovalStatus status,
                           String decidedBy, Instant decidedAt, String decisionReason, Set<String> contributors) {

    /** Four eyes: the requester and whoever wrote the subject's data since its last decision never decide it. */
    public boolean wroteOrRequestedBy(String username) {
        return username != null && (username.equals(requestedBy) || contributors.contains(username));
    }

    /** The same request without the requester's note, for readers who may not see what the note refers to. */
    public ApprovalView withoutNote() {
        return new ApprovalView(id, version, kind, subjectId, subjectLabel, agencyCode, requestedBy, requestedAt, null,
                status, decidedBy, decidedAt, decisionReason, contributors);
    }
}
