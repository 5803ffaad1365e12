package org.fieldaid.approval;

import java.time.Instant;

/** A request of the inbox as it is exported: no version, no contributors. */
public record ApprovalExportRow(long id, String kind, long subjectId, String subjectLabel, String agencyCode,
                                String requestedBy, Instant requestedAt, String note, ApprovalStatus status) {
}
