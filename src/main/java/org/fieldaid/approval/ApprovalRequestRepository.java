package org.fieldaid.approval;

import java.util.Collection;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Slice;
import java.util.stream.Stream;
import jakarta.persistence.QueryHint;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ApprovalRequestRepository extends JpaRepository<ApprovalRequest, Long> {

    /** For the operators' gauge of requests waiting (PendingApprovalsGauge). */
    long countByKindAndStatus(String kind, ApprovalStatus status);

    @Query("""
            select r from ApprovalRequest r
            where r.status = org.fieldaid.approval.ApprovalStatus.PENDING and r.requestedAt < :olderThan
              and (r.kind in :kinds or (r.kind in :agencyKinds and r.agencyCode = :agency))""")
    Slice<ApprovalRequest> inbox(Collection<String> kinds, Collection<String> agencyKinds, String agency,
                                 Instant olderThan, Pageable pageable);

    @Query("""
            select count(r) from ApprovalRequest r
            where r.status = org.fieldaid.approval.ApprovalStatus.PENDING and r.requestedAt < :olderThan
              and (r.kind in :kinds or (r.kind in :agencyKinds and r.agencyCode = :agency))""")
    long countInbox(Collection<String> kinds, Collection<String> agencyKinds, String agency, Instant olderThan);

    /**
     * The request with its row locked until the transaction ends: of two supervisors deciding it at once, the second
     * waits for the first and then reads its decision.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ApprovalRequest r where r.id = :id")
    Optional<ApprovalRequest> lockForDecision(long id);

    /** The inbox for an export, a row at a time: records, not entities, so the persistence context stays empty. */
    @Query("""
            select new org.fieldaid.approval.ApprovalExportRow(r.id, r.kind, r.subjectId, r.subjectLabel,
              r.agencyCode, r.requestedBy, r.requestedAt, r.note, r.status) from ApprovalRequest r
            where r.status = org.fieldaid.approval.ApprovalStatus.PENDING and r.requestedAt < :olderThan
              and (r.kind in :kinds or (r.kind in :agencyKinds and r.agencyCode = :agency))""")
    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_FETCH_SIZE, value = "1000"))
    Stream<ApprovalExportRow> streamInbox(Collection<String> kinds, Collection<String> agencyKinds, String agency,
                                          Instant olderThan, Sort sort);

    /** Reads the (subject_type, subject_id) index; each kind has one type of subject, named after the kind. */
    List<ApprovalRequest> findBySubjectTypeAndSubjectIdOrderByRequestedAtDesc(String subjectType, long subjectId);
}
