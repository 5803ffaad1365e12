package org.fieldaid.approval;

import org.fieldaid.base.RecordNotFoundException;
import static org.fieldaid.security.Authority.Codes.AID_APPROVE;
import static org.fieldaid.security.Authority.Codes.AID_READ;
import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_APPROVE;
import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_READ;
import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_READ_CONSENTED;
import static org.fieldaid.security.Authority.Codes.JOURNEY_APPROVE;
import static org.fieldaid.security.Authority.Codes.JOURNEY_READ;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The supervisors' inbox, for every kind of approval the features declare. */
@Service
public class Approvals {

    /** Where a request's kind reads in the reader's language, for the audit summaries. */
    private static final String KIND = "approval.kind.";

    private static final String ANY_APPROVER = "hasAnyAuthority('" + HOUSEHOLD_APPROVE + "', '" + AID_APPROVE + "', '"
            + JOURNEY_APPROVE + "')";
    /** Whoever reads the subjects of some kind; the kind's {@link SubjectAccess} then decides on the subject. */
    private static final String SUBJECT_READERS = "hasAnyAuthority('" + HOUSEHOLD_READ + "', '"
            + HOUSEHOLD_READ_CONSENTED + "', '" + AID_READ + "', '" + JOURNEY_READ + "')";

    private final ApprovalRequestRepository requests;
    private final Map<String, ApprovalKind> kinds;
    private final ObjectProvider<SubjectAccess> access;
    private final ApplicationEventPublisher events;
    private final Caller caller;
    private final Clock clock;

    /** The subject access beans are looked up when asked: the features that declare them depend on this service. */
    Approvals(ApprovalRequestRepository requests, List<ApprovalKind> kinds, ObjectProvider<SubjectAccess> access,
              ApplicationEventPublisher events, Caller caller, Clock clock) {
        this.requests = requests;
        this.kinds = kinds.stream().collect(Collectors.toMap(ApprovalKind::code, Function.identity()));
        this.access = access;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ApprovalRequested event) {
        if (!kinds.containsKey(event.kind())) {
            throw new IllegalArgumentException("No approval kind " + event.kind() + " is declared");
        }
        for (ApprovalRequest earlier : requests.findBySubjectTypeAndSubjectIdOrderByRequestedAtDesc(event.kind(),
                event.subjectId())) {
            if (earlier.withdraw()) {
                events.publishEvent(AuditRecord.of("APPROVAL_WITHDRAWN", "APPROVAL", earlier.getId(),
                        event.kind() + " withdrawn: a newer request about " + event.subjectLabel() + " replaces it",
                        "status=PENDING", "status=WITHDRAWN").saying("approval-replaced",
                        AuditRecord.term(KIND, event.kind()), event.subjectLabel()));
            }
        }
        ApprovalRequest request = requests.save(new ApprovalRequest(event, clock.instant()));
        events.publishEvent(AuditRecord.of("APPROVAL_REQUESTED", "APPROVAL", request.getId(),
                event.kind() + " requested for " + event.subjectLabel(), null, "status=PENDING")
                .saying("approval-requested", AuditRecord.term(KIND, event.kind()), event.subjectLabel()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ApprovalWithdrawn event) {
        for (ApprovalRequest pending : requests.findBySubjectTypeAndSubjectIdOrderByRequestedAtDesc(event.kind(),
                event.subjectId())) {
            if (pending.withdraw()) {
                events.publishEvent(AuditRecord.of("APPROVAL_WITHDRAWN", "APPROVAL", pending.getId(),
                        event.kind() + " withdrawn: " + event.reason(), "status=PENDING", "status=WITHDRAWN")
                        .saying("approval-withdrawn", AuditRecord.term(KIND, event.kind()), event.reason()));
            }
        }
    }

    /** The kinds the caller may decide. */
    @PreAuthorize("isAuthenticated()")
    public List<ApprovalKind> decidableKinds() {
        return kinds.values().stream().filter(k -> has(k.decidedWith().code())).toList();
    }

    @PreAuthorize(ANY_APPROVER)
    public Optional<ApprovalKind> kind(String code) {
        return Optional.ofNullable(kinds.get(code));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ANY_APPROVER)
    public Slice<ApprovalView> inbox(InboxFilter filter, Pageable page) {
        return requests.inbox(kindsFor(filter, false), kindsFor(filter, true), callerAgency(), olderThan(filter), page)
                .map(ApprovalRequest::toView);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ANY_APPROVER)
    public long countInbox(InboxFilter filter) {
        return requests.countInbox(kindsFor(filter, false), kindsFor(filter, true), callerAgency(), olderThan(filter));
    }

    /**
     * Every request the inbox shows for the filter, in its order (oldest first unless the sort says newest), handed
     * to the sink one at a time, for an export.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(ANY_APPROVER)
    public void forEachInInbox(InboxFilter filter, Sort sort, Consumer<ApprovalExportRow> sink) {
        Sort.Order asked = sort.getOrderFor("requestedAt");
        Sort order = asked != null && asked.isDescending()
                ? Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("id"))
                : Sort.by(Sort.Order.asc("requestedAt"), Sort.Order.asc("id"));
        try (Stream<ApprovalExportRow> rows = requests.streamInbox(kindsFor(filter, false), kindsFor(filter, true),
                callerAgency(), olderThan(filter), order)) {
            rows.forEach(sink);
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ANY_APPROVER)
    public ApprovalView get(long id) {
        ApprovalRequest request = load(id);
        requireDecider(request);
        requireVisible(request);
        return request.toView();
    }

    /** The requests about one subject, newest first, for whoever may see the subject. */
    @Transactional(readOnly = true)
    @PreAuthorize(SUBJECT_READERS)
    public List<ApprovalView> requestsFor(String kind, long subjectId) {
        requireVisible(kind, subjectId);
        return requests.findBySubjectTypeAndSubjectIdOrderByRequestedAtDesc(kind, subjectId).stream()
                .map(ApprovalRequest::toView).toList();
    }

    @Transactional
    @PreAuthorize(ANY_APPROVER)
    public ApprovalView approve(long id, int expectedVersion) {
        return decide(id, expectedVersion, true, null);
    }

    @Transactional
    @PreAuthorize(ANY_APPROVER)
    public ApprovalView reject(long id, int expectedVersion, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "approval.error.reason-required");
        }
        org.fieldaid.base.TextInput.require("reason", reason, 500, true);
        return decide(id, expectedVersion, false, reason.strip());
    }

    private ApprovalView decide(long id, int expectedVersion, boolean approve, String reason) {
        ApprovalRequest request = requests.lockForDecision(id)
                .orElseThrow(() -> RecordNotFoundException.missing("APPROVAL_REQUEST", id));
        requireDecider(request);
        requireVisible(request);
        if (request.getStatus() != ApprovalStatus.PENDING) {
            throw new AlreadyDecided(request.toView());
        }
        if (request.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Approval request", id, "status=" + request.getStatus());
        }
        String decider = caller.name().orElseThrow();
        request.decide(approve, reason, decider, clock.instant());
        requests.flush();
        events.publishEvent(AuditRecord.of(approve ? "APPROVAL_APPROVED" : "APPROVAL_REJECTED", "APPROVAL", id,
                request.getKind() + (approve ? " approved" : " rejected: " + reason), "status=PENDING",
                "status=" + request.getStatus()).saying(approve ? "approval-approved" : "approval-rejected",
                AuditRecord.term(KIND, request.getKind()), approve ? "" : reason));
        events.publishEvent(new ApprovalDecided(id, request.getKind(), request.getSubjectId(), approve, reason,
                decider));
        return request.toView();
    }

    private ApprovalRequest load(long id) {
        return requests.findById(id).orElseThrow(() -> RecordNotFoundException.missing("APPROVAL_REQUEST", id));
    }

    /**
     * A request the caller may not decide (a kind without their authority, another agency's) reads like a missing
     * one, so that a guessed id does not tell whether a request is there, nor whose it is (decision 029).
     */
    private void requireDecider(ApprovalRequest request) {
        ApprovalKind kind = kinds.get(request.getKind());
        boolean decider = kind != null && has(kind.decidedWith().code())
                && (!kind.withinAgency() || request.getAgencyCode().equals(callerAgency()));
        if (!decider) {
            throw RecordNotFoundException.hidden("APPROVAL_REQUEST", request.getId());
        }
    }

    /** A request about a subject the caller may not see is told as the request, not its subject, being missing. */
    private void requireVisible(ApprovalRequest request) {
        try {
            requireVisible(request.getKind(), request.getSubjectId());
        } catch (RecordNotFoundException hidden) {
            throw RecordNotFoundException.hidden("APPROVAL_REQUEST", request.getId());
        }
    }

    /**
     * A subject the caller may not see, or one that does not exist, looks like a missing request: neither tells
     * whether the record is there.
     */
    private void requireVisible(String kind, long subjectId) {
        SubjectAccess subjects = access.orderedStream().filter(a -> a.kinds().contains(kind)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("No feature answers for the subjects of " + kind));
        if (!subjects.maySee(subjectId)) {
            throw RecordNotFoundException.hidden(kind, subjectId);
        }
    }

    /** No age limit is "older than the end of time": PostgreSQL cannot type a null parameter in "is null". */
    private static Instant olderThan(InboxFilter filter) {
        return filter.olderThan() == null ? Instant.parse("9999-12-31T23:59:59Z") : filter.olderThan();
    }

    /** @param withinAgency the kinds decided only within the request's agency, or the others */
    private List<String> kindsFor(InboxFilter filter, boolean withinAgency) {
        List<String> mine = decidableKinds().stream().filter(k -> k.withinAgency() == withinAgency)
                .map(ApprovalKind::code).toList();
        if (filter.kind() == null) {
            return mine.isEmpty() ? List.of("-") : mine;
        }
        return mine.contains(filter.kind()) ? List.of(filter.kind()) : List.of("-");
    }

    private String callerAgency() {
        return caller.agencyCode().orElse("");
    }

    private boolean has(String authority) {
        return caller.hasAuthority(authority);
    }
}
