package org.fieldaid.household;

import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_READ;
import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_READ_CONSENTED;
import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_WRITE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldaid.approval.ApprovalDecided;
import org.fieldaid.approval.ApprovalRequested;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.audit.AuditEntry;
import org.fieldaid.audit.AuditLog;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.security.Authority;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Registering, finding and editing displaced households. The only way into the household feature. */
@Service
public class HouseholdRegistry {

    /** The approval kind of a registration, for the features and views that show its requests. */
    public static final String APPROVAL_KIND = "REGISTRATION";

    private static final String READERS = "hasAnyAuthority('" + HOUSEHOLD_READ + "', '" + HOUSEHOLD_READ_CONSENTED + "')";
    private static final String WRITERS = "hasAuthority('" + HOUSEHOLD_WRITE + "')";

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "id");

    private final HouseholdRepository households;
    private final HouseholdIndex index;
    private final HouseholdPages pages;
    private final DuplicateFinder duplicates;
    private final Approvals approvals;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Caller caller;
    private final Clock clock;

    HouseholdRegistry(HouseholdRepository households, HouseholdIndex index, HouseholdPages pages,
                      DuplicateFinder duplicates, Approvals approvals, AuditLog auditLog,
                      ApplicationEventPublisher events, Caller caller, Clock clock) {
        this.households = households;
        this.index = index;
        this.pages = pages;
        this.duplicates = duplicates;
        this.approvals = approvals;
        this.auditLog = auditLog;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(WRITERS)
    public HouseholdDetails saveDraft(RegistrationForm form) {
        validate(form, RegistrationRules.Stage.DRAFT);
        Household household = new Household(callerAgency(), caller.name().orElseThrow(), clock.instant());
        household.apply(form, false, clock.instant());
        household = households.saveAndFlush(household);
        household.assignRegistrationNumber();
        households.flush();
        index.rewrite(household);
        events.publishEvent(AuditRecord.of("HOUSEHOLD_CREATED", "HOUSEHOLD", household.getRegistrationNumber(),
                "Registration drafted", null, household.describe()));
        return household.toDetails(mayReadSensitive());
    }

    @Transactional
    @PreAuthorize(WRITERS)
    public HouseholdDetails update(long id, int expectedVersion, RegistrationForm form) {
        Household household = loadVisible(id);
        if (household.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Household", household.getRegistrationNumber(), household.describe());
        }
        if (!household.editable()) {
            throw InvalidInputException.of("status", "household.error.not-editable");
        }
        // a registered household stays complete; a draft or a rejected one is checked whole on submit
        validate(form, household.getStatus() == HouseholdStatus.REGISTERED ? RegistrationRules.Stage.COMPLETE
                : RegistrationRules.Stage.DRAFT);
        String before = household.describe();
        index.forget(id);
        household.apply(form, !mayReadSensitive(), clock.instant());
        households.flush();
        index.rewrite(household);
        events.publishEvent(AuditRecord.of("HOUSEHOLD_UPDATED", "HOUSEHOLD", household.getRegistrationNumber(),
                "Household changed", before, household.describe()));
        return household.toDetails(mayReadSensitive());
    }

    /**
     * Sends a draft (or a rejected registration, once corrected) to a supervisor. Possible duplicates are checked
     * again here; when there are any, the officer must say why this is a different family.
     */
    @Transactional
    @PreAuthorize(WRITERS)
    public HouseholdDetails submit(long id, int expectedVersion, String duplicateJustification) {
        Household household = loadVisible(id);
        if (household.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Household", household.getRegistrationNumber(), household.describe());
        }
        if (household.getStatus() != HouseholdStatus.DRAFT && household.getStatus() != HouseholdStatus.REJECTED) {
            throw InvalidInputException.of("status", "household.error.not-submittable");
        }
        RegistrationForm stored = household.toDetails(true).toForm();
        Map<String, List<String>> missing = RegistrationRules.check(stored, today(), RegistrationRules.Stage.COMPLETE);
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        List<DuplicateCandidate> found = duplicates.find(stored, id);
        if (!found.isEmpty() && (duplicateJustification == null || duplicateJustification.isBlank())) {
            throw InvalidInputException.of("justification", "household.error.justification-required");
        }
        String before = household.describe();
        household.submit(found.isEmpty() ? null : duplicateJustification, clock.instant());
        households.flush();
        index.submitted(id);
        String note = found.isEmpty() ? null : duplicateJustification.strip() + " — " + found.size()
                + " possible duplicate(s): " + found.stream().limit(5)
                .map(c -> c.registrationNumber() + " " + c.fullName()).toList();
        events.publishEvent(new ApprovalRequested(RegistrationApproval.KIND, id, household.label(),
                household.getAgencyCode(), caller.name().orElseThrow(), note == null ? null : clip(note, 1000)));
        events.publishEvent(AuditRecord.of("HOUSEHOLD_SUBMITTED", "HOUSEHOLD", household.getRegistrationNumber(),
                "Registration submitted for approval", before, household.describe()));
        return household.toDetails(mayReadSensitive());
    }

    /** Possible duplicates of the members typed so far, across every household. */
    @Transactional(readOnly = true)
    @PreAuthorize(WRITERS)
    public List<DuplicateCandidate> possibleDuplicates(RegistrationForm form, Long ownHouseholdId) {
        return duplicates.find(form, ownHouseholdId);
    }

    /** Possible duplicates of a stored household's members: for the supervisor deciding on it, and its page. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<DuplicateCandidate> duplicatesOf(long id) {
        Household household = loadVisible(id);
        return duplicates.find(household.toDetails(true).toForm(), id);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    /** One page of the list, without counting (the list asks {@link #count} once, not on every page). */
    public Slice<HouseholdRow> find(HouseholdFilter filter, Pageable page) {
        mayFilter(filter);
        boolean newestFirst = page.getSort().isUnsorted() || page.getSort().equals(NEWEST_FIRST);
        Optional<long[]> indexed = newestFirst ? idsFromIndexes(filter) : Optional.empty();
        return (indexed.isPresent() ? pages.find(indexed.get(), page)
                : pages.find(matching(filter), page))
                .map(Household::toRow);
    }

    /**
     * All the matching ids, newest first, when an index answers the filter alone (decisions 008 and 009): the
     * search box's words (name keys, document and registration numbers) or a need, and nothing else, for a caller
     * who sees every household but other agencies' drafts. Empty when the generic query must answer.
     */
    private Optional<long[]> idsFromIndexes(HouseholdFilter filter) {
        if (onlyConsented() || !noPlaceStatusOrAgency(filter)) {
            return Optional.empty();
        }
        if (filter.vulnerability() != null) {
            return noText(filter) ? Optional.of(index.idsWithNeed(filter.vulnerability(), callerAgency()))
                    : Optional.empty();
        }
        HouseholdSearch.Terms terms = HouseholdSearch.terms(filter.text());
        return terms.isEmpty() ? Optional.empty()
                : Optional.of(index.idsMatching(terms, callerAgency(), households::maxId));
    }

    private Specification<Household> matching(HouseholdFilter filter) {
        return HouseholdSearch.matching(filter, onlyConsented(), callerAgency(), households::maxId);
    }

    private static boolean nameOnly(HouseholdFilter filter) {
        return filter.vulnerability() == null && noPlaceStatusOrAgency(filter);
    }

    private static boolean noPlaceStatusOrAgency(HouseholdFilter filter) {
        return filter.originSettlementId() == null && filter.currentSettlementId() == null && filter.status() == null
                && filter.agencyCode() == null;
    }

    private static boolean noText(HouseholdFilter filter) {
        return filter.text() == null || filter.text().isBlank();
    }

    /** Which households have a health or protection need is itself sensitive. */
    private void mayFilter(HouseholdFilter filter) {
        if (filter.vulnerability() != null && filter.vulnerability().sensitive() && !mayReadSensitive()) {
            throw new AccessDeniedException("Filtering by health and protection needs needs PII:SENSITIVE");
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public long count(HouseholdFilter filter) {
        mayFilter(filter);
        if (nameOnly(filter) && noText(filter) && !onlyConsented()) {
            // the list as it opens: every household less other agencies' drafts, from two index lookups instead
            // of a pass over every row (decision 008)
            return households.count() - households.countByStatusAndAgencyCodeNot(HouseholdStatus.DRAFT,
                    callerAgency());
        }
        Optional<long[]> indexed = idsFromIndexes(filter);
        if (indexed.isPresent()) {
            return indexed.get().length;
        }
        return households.count(matching(filter));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public HouseholdDetails get(long id) {
        return loadVisible(id).toDetails(mayReadSensitive());
    }

    /** The household's own history from the audit log, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<AuditEntry> history(long id) {
        Household household = loadVisible(id);
        return auditLog.historyOf("HOUSEHOLD", household.getRegistrationNumber());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ApprovalView> approvals(long id) {
        loadVisible(id);
        return approvals.requestsFor(RegistrationApproval.KIND, id);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ApprovalDecided decision) {
        if (!RegistrationApproval.KIND.equals(decision.kind())) {
            return;
        }
        Household household = households.findById(decision.subjectId()).orElseThrow();
        String before = household.describe();
        household.decide(decision.approved(), decision.reason(), decision.decidedBy(), clock.instant());
        events.publishEvent(AuditRecord.of(decision.approved() ? "HOUSEHOLD_REGISTERED" : "HOUSEHOLD_REJECTED",
                "HOUSEHOLD", household.getRegistrationNumber(),
                decision.approved() ? "Registration approved" : "Registration rejected: " + decision.reason(),
                before, household.describe()));
    }

    private void validate(RegistrationForm form, RegistrationRules.Stage stage) {
        Map<String, List<String>> problems = RegistrationRules.check(form, today(), stage);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean sensitive = form.vulnerabilities().stream().anyMatch(Vulnerability::sensitive)
                || form.members().stream().flatMap(m -> m.vulnerabilities().stream()).anyMatch(Vulnerability::sensitive);
        if (sensitive && !mayReadSensitive()) {
            throw new AccessDeniedException("Recording health and protection details needs PII:SENSITIVE");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    private Household loadVisible(long id) {
        Household household = households.findById(id)
                .orElseThrow(() -> InvalidInputException.of("id", "error.not-found"));
        boolean visible = onlyConsented()
                ? household.isConsentSharePartners() && household.getStatus() != HouseholdStatus.DRAFT
                && household.getStatus() != HouseholdStatus.SUBMITTED && household.getStatus() != HouseholdStatus.REJECTED
                : household.getStatus() != HouseholdStatus.DRAFT || household.getAgencyCode().equals(callerAgency());
        if (!visible) {
            throw new AccessDeniedException("Household " + id + " is not visible to this user");
        }
        return household;
    }

    private boolean onlyConsented() {
        return !has(Authority.HOUSEHOLD_READ);
    }

    private boolean mayReadSensitive() {
        return has(Authority.PII_SENSITIVE);
    }

    private boolean has(Authority authority) {
        return caller.hasAuthority(authority.code());
    }

    private String callerAgency() {
        return caller.agencyCode().orElse("");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
