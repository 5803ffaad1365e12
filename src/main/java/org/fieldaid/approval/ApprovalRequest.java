package org.fieldaid.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

@Entity
@Table(name = "approval_request")
class ApprovalRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(name = "subject_type", nullable = false, length = 32)
    private String subjectType;

    @Column(name = "subject_id", nullable = false)
    private long subjectId;

    @Column(name = "subject_label", nullable = false, length = 200)
    private String subjectLabel;

    @Column(name = "agency_code", nullable = false, length = 32)
    private String agencyCode;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(length = 1000)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ApprovalStatus status = ApprovalStatus.PENDING;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason", length = 500)
    private String decisionReason;

    /** Who created or changed the subject since its last decision, ",a,b,"; null for requests filed before V010. */
    @Column(length = 1000)
    private String contributors;

    @Version
    private int version;

    protected ApprovalRequest() {
    }

    ApprovalRequest(ApprovalRequested event, Instant now) {
        this.kind = event.kind();
        this.subjectType = event.kind();
        this.subjectId = event.subjectId();
        this.subjectLabel = event.subjectLabel();
        this.agencyCode = event.agencyCode();
        this.requestedBy = event.requestedBy();
        this.requestedAt = event.requestedAt() == null ? now : event.requestedAt();
        this.note = event.note();
        this.contributors = event.contributors().isEmpty() ? null
                : new TreeSet<>(event.contributors()).stream().collect(Collectors.joining(",", ",", ","));
    }

    /** Four eyes: neither the person who asked nor anyone who wrote the subject's data since its last decision. */
    void decide(boolean approve, String reason, String decider, Instant now) {
        if (status != ApprovalStatus.PENDING) {
            throw new IllegalStateException("Request " + id + " is already " + status);
        }
        if (decider.equals(requestedBy)) {
            throw new FourEyesViolation();
        }
        if (contributors().contains(decider)) {
            throw new FourEyesViolation("Nobody may decide a request about data they wrote since its last decision");
        }
        this.status = approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
        this.decidedBy = decider;
        this.decidedAt = now;
        this.decisionReason = reason;
    }

    /** @return whether it was still waiting, so that the withdrawal is worth an audit row */
    boolean withdraw() {
        if (status != ApprovalStatus.PENDING) {
            return false;
        }
        status = ApprovalStatus.WITHDRAWN;
        return true;
    }

    Set<String> contributors() {
        return contributors == null ? Set.of() : Arrays.stream(contributors.split(","))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    String getAgencyCode() {
        return agencyCode;
    }

    Long getId() {
        return id;
    }

    String getKind() {
        return kind;
    }

    long getSubjectId() {
        return subjectId;
    }

    ApprovalStatus getStatus() {
        return status;
    }

    int getVersion() {
        return version;
    }

    ApprovalView toView() {
        return new ApprovalView(id, version, kind, subjectId, subjectLabel, agencyCode, requestedBy, requestedAt, note,
                status, decidedBy, decidedAt, decisionReason, contributors());
    }
}
