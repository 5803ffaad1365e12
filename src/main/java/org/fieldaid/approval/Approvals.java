package org.fieldaid.approval;

import static org.fieldaid.security.Authority.Codes.AID_APPROVE;
import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_APPROVE;
import static org.fieldaid.security.Authority.Codes.JOURNEY_APPROVE;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The supervisors' inbox, for every kind of approval the features declare. */
@Service
public class Approvals {

    private static final String ANY_APPROVER = "hasAnyAuthority('" + HOUSEHOLD_APPROVE + "', '" + AID_APPROVE + "', '"
            + JOURNEY_APPROVE + "')";

    private final ApprovalRequestRepository requests;
    private final Map<String, ApprovalKind> kinds;
    private final ApplicationEventPublisher events;
    private final Caller caller;
    private final Clock clock;

    Approvals(ApprovalRequestRepository requests, List<ApprovalKind> kinds, ApplicationEventPublisher events,
              Caller caller, Clock clock) {
        this.requests = requests;
        this.kinds = kinds.stream().collect(Collectors.toMap(ApprovalKind::code, Function.identity()));
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
        requests.findBySubjectTypeAndSubjectIdOrderByRequestedAtDesc(event.kind(), event.subjectId())
                .forEach(ApprovalRequest::withdraw);
        ApprovalRequest request = requests.save(new ApprovalRequest(event, clock.instant()));
        events.publishEvent(AuditRecord.of("APPROVAL_REQUESTED", "APPROVAL", request.getId(),
                event.kind() + " requested for " + event.subjectLabel(), null, "status=PENDING"));
    }

    /** The kinds the caller may decide. */
    @PreAuthorize("isAuthenticated()")
    public List<ApprovalKind> decidableKinds() {
        return kinds.values().stream().filter(k -> has(k.decidedWith().code())).toList();
    }

    public Optional<ApprovalKind> kind(String code) {
        return Optional.ofNullable(kinds.get(code));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ANY_APPROVER)
    public Slice<ApprovalView> inbox(InboxFilter filter, Pageable page) {
        return requests.inbox(kindsFor(filter), olderThan(filter), page).map(ApprovalRequest::toView);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ANY_APPROVER)
    public long countInbox(InboxFilter filter) {
        return requests.countInbox(kindsFor(filter), olderThan(filter));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ANY_APPROVER)
    public ApprovalView get(long id) {
        ApprovalRequest request = load(id);
        requireDecider(request);
        return request.toView();
    }

    /** The requests about one subject, newest first; the caller's feature has checked that they may see it. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ApprovalView> requestsFor(String kind, long subjectId) {
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
        return decide(id, expectedVersion, false, reason.strip());
    }

    private ApprovalView decide(long id, int expectedVersion, boolean approve, String reason) {
        ApprovalRequest request = load(id);
        requireDecider(request);
        if (request.getVersion() != expectedVersion || request.getStatus() != ApprovalStatus.PENDING) {
            throw new ConcurrentEditException("Approval request", id, "status=" + request.getStatus());
        }
        String decider = caller.name().orElseThrow();
        request.decide(approve, reason, decider, clock.instant());
        requests.flush();
        events.publishEvent(AuditRecord.of(approve ? "APPROVAL_APPROVED" : "APPROVAL_REJECTED", "APPROVAL", id,
                request.getKind() + (approve ? " approved" : " rejected: " + reason), "status=PENDING",
                "status=" + request.getStatus()));
        events.publishEvent(new ApprovalDecided(id, request.getKind(), request.getSubjectId(), approve, reason,
                decider));
        return request.toView();
    }

    private ApprovalRequest load(long id) {
        return requests.findById(id).orElseThrow(() -> InvalidInputException.of("id", "error.not-found"));
    }

    private void requireDecider(ApprovalRequest request) {
        ApprovalKind kind = kinds.get(request.getKind());
        if (kind == null || !has(kind.decidedWith().code())) {
            throw new AccessDeniedException("Not allowed to decide " + request.getKind());
        }
    }

    /** No age limit is "older than the end of time": PostgreSQL cannot type a null parameter in "is null". */
    private static Instant olderThan(InboxFilter filter) {
        return filter.olderThan() == null ? Instant.parse("9999-12-31T23:59:59Z") : filter.olderThan();
    }

    private List<String> kindsFor(InboxFilter filter) {
        List<String> mine = decidableKinds().stream().map(ApprovalKind::code).toList();
        if (filter.kind() == null) {
            return mine.isEmpty() ? List.of("-") : mine;
        }
        return mine.contains(filter.kind()) ? List.of(filter.kind()) : List.of("-");
    }

    private boolean has(String authority) {
        return caller.hasAuthority(authority);
    }
}
