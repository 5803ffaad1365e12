package org.fieldaid.household;

import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_READ;
import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_READ_CONSENTED;
import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_WRITE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
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
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.base.TextInput;
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

    /** The approval kind of a change to a registered household's identity data, members or consent. */
    public static final String CHANGE_APPROVAL_KIND = "HOUSEHOLD_CHANGE";

    /** The entity type of households in the audit log. */
    static final String AUDIT_TYPE = "HOUSEHOLD";

    private static final String READERS = "hasAnyAuthority('" + HOUSEHOLD_READ + "', '" + HOUSEHOLD_READ_CONSENTED + "')";
    private static final String WRITERS = "hasAuthority('" + HOUSEHOLD_WRITE + "')";
    /** Duplicates and proposed changes are not for partners: they show records without the family's consent. */
    private static final String FULL_READERS = "hasAuthority('" + HOUSEHOLD_READ + "')";

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "id");
    private static final java.util.Set<String> LIST_ORDERS = java.util.Set.of("id", "registrationNumber",
            "headFamilyName", "memberCount", "displacedOn", "status");

    private final HouseholdRepository households;
    private final HouseholdIndex index;
    private final HouseholdPages pages;
    private final SearchResults results;
    private final HouseholdStreams streams;
    private final DuplicateFinder duplicates;
    private final HouseholdChangeRepository changes;
    private final ConsentRecordRepository consents;
    private final Approvals approvals;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Caller caller;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<HouseholdReadGrant> grants;

    HouseholdRegistry(HouseholdRepository households, HouseholdIndex index, HouseholdPages pages, SearchResults results,
                      HouseholdStreams streams,
                      DuplicateFinder duplicates, HouseholdChangeRepository changes, ConsentRecordRepository consents,
                      Approvals approvals, AuditLog auditLog, ApplicationEventPublisher events, Caller caller,
                      Clock clock, org.springframework.beans.factory.ObjectProvider<HouseholdReadGrant> grants) {
        this.households = households;
        this.index = index;
        this.pages = pages;
        this.results = results;
        this.streams = streams;
        this.duplicates = duplicates;
        this.changes = changes;
        this.consents = consents;
        this.approvals = approvals;
        this.auditLog = auditLog;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
        this.grants = grants;
    }

    @Transactional
    @PreAuthorize(WRITERS)
    public HouseholdDetails saveDraft(RegistrationForm form) {
        validate(form, RegistrationRules.Stage.DRAFT);
        String user = caller.name().orElseThrow();
        Household household = new Household(callerAgency(), user, clock.instant());
        household.apply(form, false, clock.instant());
        household.touchedBy(user);
        household = households.saveAndFlush(household);
        household.assignRegistrationNumber();
        households.flush();
        index.rewrite(household);
        events.publishEvent(AuditRecord.of("HOUSEHOLD_CREATED", "HOUSEHOLD", household.getRegistrationNumber(),
                "Registration drafted", null, household.describe()).saying("registration-drafted"));
        recordConsentChanges(household, false, false, user, callerAgency(), clock.instant(), null);
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
        String user = caller.name().orElseThrow();
        if (household.getStatus() == HouseholdStatus.REGISTERED) {
            RegistrationForm stored = household.toDetails(true).toForm();
            if (HouseholdChange.changesIdentity(stored, form)) {
                correct(household, HouseholdChange.directPart(stored, form), user);
                propose(household, form, user);
                return household.toDetails(mayReadSensitive());
            }
        }
        String before = household.describe();
        boolean partners = household.isConsentSharePartners();
        boolean contact = household.isConsentContact();
        index.forget(id);
        household.apply(form, !mayReadSensitive(), clock.instant());
        household.touchedBy(user);
        households.flush();
        index.rewrite(household);
        events.publishEvent(AuditRecord.of("HOUSEHOLD_UPDATED", "HOUSEHOLD", household.getRegistrationNumber(),
                "Household changed", before, household.describe()).saying("household-changed"));
        recordConsentChanges(household, partners, contact, user, callerAgency(), clock.instant(), null);
        return household.toDetails(mayReadSensitive());
    }

    /**
     * Phone, current place and needs of a registered household change at once, and are audited; the rest of the
     * same edit waits for approval ({@link #propose}).
     */
    private void correct(Household household, RegistrationForm direct, String user) {
        String before = household.describe();
        String fingerprint = before + household.allVulnerabilities();
        household.apply(direct, !mayReadSensitive(), clock.instant());
        if ((household.describe() + household.allVulnerabilities()).equals(fingerprint)) {
            return;
        }
        household.touchedBy(user);
        households.flush();
        index.rewrite(household);
        events.publishEvent(AuditRecord.of("HOUSEHOLD_UPDATED", "HOUSEHOLD", household.getRegistrationNumber(),
                "Household corrected", before, household.describe()).saying("household-corrected"));
    }

    /**
     * Members, identity data, origin and consent of a registered household change only when a supervisor of the
     * registering agency approves: until then the household keeps what was registered, and the proposal waits
     * beside it. A newer proposal replaces a waiting one (the approval module withdraws its request). The duplicate
     * check runs again on the proposed members.
     */
    private void propose(Household household, RegistrationForm form, String user) {
        long id = household.getId();
        changes.findByHouseholdId(id).ifPresent(earlier -> {
            changes.delete(earlier);
            changes.flush();
        });
        HouseholdChange change = changes.saveAndFlush(new HouseholdChange(id, form, user, callerAgency(),
                clock.instant()));
        household.touchedBy(user);
        households.flush();
        List<DuplicateCandidate> found = duplicates.find(form, id);
        events.publishEvent(new ApprovalRequested(RegistrationApproval.CHANGE_KIND, id, household.label(),
                household.getAgencyCode(), user, noteFor(null, found), null, household.contributorsSinceDecision()));
        events.publishEvent(AuditRecord.of("HOUSEHOLD_CHANGE_PROPOSED", "HOUSEHOLD", household.getRegistrationNumber(),
                "Change proposed, waiting for a supervisor of " + household.getAgencyCode(), household.describe(),
                change.describe()).saying("change-proposed", AuditRecord.term("agency.", household.getAgencyCode())));
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
        TextInput.require("justification", duplicateJustification, 1000, true);
        List<DuplicateCandidate> found = duplicates.find(stored, id);
        if (!found.isEmpty() && (duplicateJustification == null || duplicateJustification.isBlank())) {
            throw InvalidInputException.of("justification", "household.error.justification-required");
        }
        String before = household.describe();
        household.submit(found.isEmpty() ? null : duplicateJustification, clock.instant());
        households.flush();
        index.submitted(id);
        events.publishEvent(new ApprovalRequested(RegistrationApproval.KIND, id, household.label(),
                household.getAgencyCode(), caller.name().orElseThrow(),
                found.isEmpty() ? null : noteFor(duplicateJustification, found), null,
                household.contributorsSinceDecision()));
        events.publishEvent(AuditRecord.of("HOUSEHOLD_SUBMITTED", "HOUSEHOLD", household.getRegistrationNumber(),
                "Registration submitted for approval", before, household.describe())
                .saying("registration-submitted"));
        return household.toDetails(mayReadSensitive());
    }

    /**
     * Saves the form and sends it to a supervisor in one step: a new registration ({@code id} null), or a draft or
     * rejected one. Everything is checked first and every problem is reported at once; when anything is wrong,
     * or a justification is missing, nothing is written.
     */
    @Transactional
    @PreAuthorize(WRITERS)
    public HouseholdDetails saveAndSubmit(Long id, int expectedVersion, RegistrationForm form,
                                          String duplicateJustification) {
        validate(form, RegistrationRules.Stage.COMPLETE);
        HouseholdDetails saved = id == null ? saveDraft(form) : update(id, expectedVersion, form);
        return submit(saved.id(), saved.version(), duplicateJustification);
    }

    /** Every problem of the form for a draft or for a submission, at once, before anything is written. */
    @PreAuthorize(WRITERS)
    public Map<String, List<String>> problems(RegistrationForm form, boolean toSubmit) {
        return RegistrationRules.check(form, today(),
                toSubmit ? RegistrationRules.Stage.COMPLETE : RegistrationRules.Stage.DRAFT);
    }

    /**
     * Possible duplicates of the members typed so far, across every household, drafts included; each shown as far
     * as the caller may see it ({@link #shownToCaller}).
     */
    @Transactional(readOnly = true)
    @PreAuthorize(WRITERS)
    public List<DuplicateCandidate> possibleDuplicates(RegistrationForm form, Long ownHouseholdId) {
        return shownToCaller(duplicates.find(form, ownHouseholdId));
    }

    /** Possible duplicates of a stored household's members: for the supervisor deciding on it, and its page. */
    @Transactional(readOnly = true)
    @PreAuthorize(FULL_READERS)
    public List<DuplicateCandidate> duplicatesOf(long id) {
        Household household = loadVisible(id);
        return shownToCaller(duplicates.find(household.toDetails(true).toForm(), id));
    }

    /** The change to a registered household that waits for approval, if any, as the caller may see it. */
    @Transactional(readOnly = true)
    @PreAuthorize(FULL_READERS)
    public Optional<ProposedChange> pendingChange(long id) {
        Household household = loadVisible(id);
        return changes.findByHouseholdId(id).map(change -> {
            RegistrationForm proposed = change.applyTo(household.toDetails(true).toForm());
            return new ProposedChange(proposedDetails(household.toDetails(mayReadSensitive()), proposed),
                    change.getProposedBy(), change.getProposedAgency(), change.getProposedAt(),
                    shownToCaller(duplicates.find(proposed, id)));
        });
    }

    /** Who gave or withdrew each consent, to whom and when, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ConsentView> consents(long id) {
        loadVisible(id);
        return consents.findByHouseholdIdOrderByIdDesc(id).stream().map(ConsentRecord::toView).toList();
    }

    /**
     * Whether the caller may open the household, for the approval and audit modules; false for one that does not
     * exist too, so that the answer does not tell whether a record is there.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public boolean maySee(long id) {
        try {
            loadVisible(id);
            return true;
        } catch (RecordNotFoundException hidden) {
            return false;
        }
    }

    /**
     * The duplicate check looks across every household, other agencies' drafts included, so that two agencies
     * registering one family learn of each other. But a draft is only its own agency's to open: a match in one is
     * told as "being registered by" that agency, once per member and agency, with no id, name, date or number,
     * or the check would be a look-up tool for whatever a draft holds.
     */
    private List<DuplicateCandidate> shownToCaller(List<DuplicateCandidate> found) {
        String agency = callerAgency();
        Set<String> told = new HashSet<>();
        List<DuplicateCandidate> shown = new ArrayList<>();
        for (DuplicateCandidate c : found) {
            String draftOf = HouseholdIndex.draftAgency(c.status(), c.agencyCode());
            if (draftOf == null || draftOf.equals(agency)) {
                shown.add(c);
            } else if (told.add(c.memberIndex() + ":" + c.agencyCode())) {
                shown.add(c.redact());
            }
        }
        return shown;
    }

    /**
     * The note stored with a request is read by supervisors of every agency (and, without it, by whoever may see
     * the household), so it names only matches that every such reader may open: a draft, even the requester's own
     * agency's, is told only by its agency.
     */
    private static String noteFor(String justification, List<DuplicateCandidate> found) {
        if (found.isEmpty()) {
            return justification == null || justification.isBlank() ? null : clip(justification.strip(), 1000);
        }
        String matches = found.stream().map(c -> c.status() == HouseholdStatus.DRAFT
                        ? "being registered by " + c.agencyCode() : c.registrationNumber() + " " + c.fullName())
                .distinct().limit(5).toList().toString();
        String text = (justification == null || justification.isBlank() ? "" : justification.strip() + " — ")
                + found.size() + " possible duplicate(s): " + matches;
        return clip(text, 1000);
    }

    private static HouseholdDetails proposedDetails(HouseholdDetails now, RegistrationForm proposed) {
        List<MemberView> members = proposed.members().stream().map(m -> new MemberView(m.id() == null ? 0 : m.id(),
                m.familyName(), m.givenName(), m.patronymic(), m.sex(), m.birthDate(), m.birthDateEstimated(),
                m.relation(), m.documentType(), m.documentNumber(), m.vulnerabilities().stream()
                .filter(v -> now.sensitiveShown() || !v.sensitive())
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Vulnerability.class))),
                false)).toList();
        return new HouseholdDetails(now.id(), now.version(), now.registrationNumber(), now.status(),
                proposed.originSettlementId(), now.currentSettlementId(), now.currentAddress(), proposed.displacedOn(),
                now.phone(), proposed.consentSharePartners(), proposed.consentContact(), now.vulnerabilities(), members,
                now.agencyCode(), now.registeredBy(), now.createdAt(), now.submittedAt(), now.decidedAt(),
                now.decidedBy(), now.rejectionReason(), now.duplicateJustification(), now.sensitiveShown());
    }

    /** A consent given or withdrawn is recorded with who in the family said so, to whom and when. */
    private void recordConsentChanges(Household household, boolean partnersBefore, boolean contactBefore,
                                      String recordedBy, String agency, Instant givenAt, String approvedBy) {
        if (household.isConsentSharePartners() != partnersBefore) {
            recordConsent(household, ConsentView.Purpose.SHARE_PARTNERS, household.isConsentSharePartners(),
                    recordedBy, agency, givenAt, approvedBy);
        }
        if (household.isConsentContact() != contactBefore) {
            recordConsent(household, ConsentView.Purpose.CONTACT, household.isConsentContact(), recordedBy, agency,
                    givenAt, approvedBy);
        }
    }

    private void recordConsent(Household household, ConsentView.Purpose purpose, boolean granted, String recordedBy,
                               String agency, Instant givenAt, String approvedBy) {
        ConsentRecord record = consents.save(new ConsentRecord(household.getId(), purpose, granted,
                household.headName(), recordedBy, agency, givenAt, approvedBy));
        events.publishEvent(AuditRecord.of(granted ? "CONSENT_GIVEN" : "CONSENT_WITHDRAWN", "HOUSEHOLD",
                household.getRegistrationNumber(), "Consent " + purpose + (granted ? " given" : " withdrawn"), null,
                record.describe()).saying(granted ? "consent-given" : "consent-withdrawn",
                AuditRecord.term("audit.consent.", purpose)));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    /** One page of the list, without counting (the list asks {@link #count} once, not on every page). */
    public Slice<HouseholdRow> find(HouseholdFilter filter, Pageable page) {
        mayFilter(filter);
        boolean newestFirst = page.getSort().isUnsorted() || page.getSort().equals(NEWEST_FIRST);
        Optional<long[]> indexed = !newestFirst ? Optional.empty()
                : needOnly(filter) && !onlyConsented() ? Optional.ofNullable(idsWithFewWithNeed(filter))
                : idsFromIndexes(filter);
        return (indexed.isPresent() ? pages.find(indexed.get(), page)
                : pages.find(matching(filter), page))
                .map(Household::toRow);
    }

    /**
     * All the matching ids, newest first, when an index answers the filter alone (decisions 008 and 009): the
     * search box's words (name keys, document and registration numbers), and nothing else, for a caller who sees
     * every household but other agencies' drafts. Empty when the generic query must answer; a need alone is read
     * by {@link #idsWithFewWithNeed} instead.
     */
    private Optional<long[]> idsFromIndexes(HouseholdFilter filter) {
        if (onlyConsented() || !noPlaceStatusOrAgency(filter) || filter.vulnerability() != null) {
            return Optional.empty();
        }
        String agency = callerAgency();
        HouseholdSearch.Terms terms = HouseholdSearch.terms(filter.text());
        return terms.isEmpty() ? Optional.empty() : Optional.of(results.find(agency, filter.text(),
                () -> index.idsMatching(terms, agency, households::maxId)));
    }

    /** Kept for a common need, so that its count and pages do not read its first 20,001 ids again each time. */
    private static final long[] COMMON_NEED = new long[0];

    /** The households with the filter's need, newest first, kept like a search's; null for a common need. */
    private long[] idsWithFewWithNeed(HouseholdFilter filter) {
        String agency = callerAgency();
        // a key no typed text can have: the search box's text is stripped, and this starts with a control character
        long[] ids = results.find(agency, "\u0000need " + filter.vulnerability().name(), () -> {
            long[] few = index.idsWithFewWithNeed(filter.vulnerability(), agency);
            return few == null ? COMMON_NEED : few;
        });
        return ids == COMMON_NEED ? null : ids;
    }

    private Specification<Household> matching(HouseholdFilter filter) {
        return HouseholdSearch.matching(filter, onlyConsented(), callerAgency(), households::maxId);
    }

    private static boolean nameOnly(HouseholdFilter filter) {
        return filter.vulnerability() == null && noPlaceStatusOrAgency(filter);
    }

    private static boolean needOnly(HouseholdFilter filter) {
        return filter.vulnerability() != null && noText(filter) && noPlaceStatusOrAgency(filter);
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
        if (needOnly(filter) && !onlyConsented()) {
            // a need that few have: its ids, read once for the count and the pages; a common one is counted in
            // the database: reading every id of it (144,399 households with a lost home at 250,000) cost a third
            // more CPU time and 13 MB of garbage per count
            long[] few = idsWithFewWithNeed(filter);
            return few != null ? few.length : index.countWithNeed(filter.vulnerability(), callerAgency());
        }
        Optional<long[]> indexed = idsFromIndexes(filter);
        if (indexed.isPresent()) {
            return indexed.get().length;
        }
        return households.count(matching(filter));
    }

    /**
     * Every household the list shows for the filter, in the list's order, handed to the sink one at a time, for an
     * export. The same visibility as the list: partners get consented households, nobody another agency's drafts.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public void forEachHousehold(HouseholdFilter filter, Sort sort, Consumer<HouseholdExportRow> sink) {
        mayFilter(filter);
        streams.households(matching(filter), sortable(sort), mayReadSensitive(), sink);
    }

    /**
     * The members of every household {@link #forEachHousehold} would hand over, household by household. The
     * households and their members are read by separate statements, so they are read from one snapshot.
     */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    @PreAuthorize(READERS)
    public void forEachPerson(HouseholdFilter filter, Sort sort, Consumer<PersonExportRow> sink) {
        mayFilter(filter);
        streams.persons(matching(filter), sortable(sort), mayReadSensitive(), sink);
    }

    /** The list's own sort orders; anything else is ignored rather than run. */
    private static Sort sortable(Sort sort) {
        return Sort.by(sort.stream().filter(o -> LIST_ORDERS.contains(o.getProperty())).toList());
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
        return auditLog.historyOf(AUDIT_TYPE, household.getRegistrationNumber());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ApprovalView> approvals(long id) {
        loadVisible(id);
        List<ApprovalView> all = new ArrayList<>(approvals.requestsFor(RegistrationApproval.KIND, id));
        all.addAll(approvals.requestsFor(RegistrationApproval.CHANGE_KIND, id));
        all.sort(Comparator.comparing(ApprovalView::requestedAt).reversed());
        // a partner gets no duplicate data, and the notes name possible duplicates
        return onlyConsented() ? all.stream().map(ApprovalView::withoutNote).toList() : all;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ApprovalDecided decision) {
        if (RegistrationApproval.CHANGE_KIND.equals(decision.kind())) {
            changeDecided(decision);
            return;
        }
        if (!RegistrationApproval.KIND.equals(decision.kind())) {
            return;
        }
        Household household = households.findById(decision.subjectId()).orElseThrow();
        String before = household.describe();
        household.decide(decision.approved(), decision.reason(), decision.decidedBy(), clock.instant());
        events.publishEvent(AuditRecord.of(decision.approved() ? "HOUSEHOLD_REGISTERED" : "HOUSEHOLD_REJECTED",
                "HOUSEHOLD", household.getRegistrationNumber(),
                decision.approved() ? "Registration approved" : "Registration rejected: " + decision.reason(),
                before, household.describe()).saying(decision.approved() ? "registration-approved"
                : "registration-rejected", decision.approved() ? "" : decision.reason()));
    }

    /** Marks who arrived home; a household whose members have all returned becomes RETURNED. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MembersReturned arrival) {
        Household household = households.findById(arrival.householdId()).orElseThrow();
        String before = household.describe();
        List<Person> marked = household.markReturned(arrival.personIds());
        if (marked.isEmpty()) {
            return;
        }
        households.flush();
        String who = marked.size() + " member(s) returned home (" + arrival.reference() + ")";
        events.publishEvent(AuditRecord.of(household.getStatus() == HouseholdStatus.RETURNED ? "HOUSEHOLD_RETURNED"
                        : "HOUSEHOLD_PARTLY_RETURNED", AUDIT_TYPE, household.getRegistrationNumber(), who, before,
                household.describe()).saying("members-returned", marked.size(), arrival.reference()));
    }

    /** Applies an approved change over what the household holds now, or drops a rejected one. */
    private void changeDecided(ApprovalDecided decision) {
        Household household = households.findById(decision.subjectId()).orElseThrow();
        HouseholdChange change = changes.findByHouseholdId(household.getId()).orElseThrow();
        String before = household.describe();
        if (decision.approved()) {
            boolean partners = household.isConsentSharePartners();
            boolean contact = household.isConsentContact();
            RegistrationForm merged = change.applyTo(household.toDetails(true).toForm());
            index.forget(household.getId());
            household.apply(merged, false, clock.instant());
            households.flush();
            index.rewrite(household);
            recordConsentChanges(household, partners, contact, change.getProposedBy(), change.getProposedAgency(),
                    change.getProposedAt(), decision.decidedBy());
        }
        household.changeDecided();
        changes.delete(change);
        events.publishEvent(AuditRecord.of(decision.approved() ? "HOUSEHOLD_CHANGE_APPROVED"
                        : "HOUSEHOLD_CHANGE_REJECTED", "HOUSEHOLD", household.getRegistrationNumber(),
                decision.approved() ? "Change approved" : "Change rejected: " + decision.reason(), before,
                decision.approved() ? household.describe() : change.describe()).saying(decision.approved()
                ? "change-approved" : "change-rejected", decision.approved() ? "" : decision.reason()));
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
                .orElseThrow(() -> RecordNotFoundException.missing("HOUSEHOLD", id));
        boolean visible = onlyConsented()
                ? household.isConsentSharePartners() && household.getStatus() != HouseholdStatus.DRAFT
                && household.getStatus() != HouseholdStatus.SUBMITTED && household.getStatus() != HouseholdStatus.REJECTED
                : household.getStatus() != HouseholdStatus.DRAFT || household.getAgencyCode().equals(callerAgency());
        if (!visible && !granted(household)) {
            throw RecordNotFoundException.hidden("HOUSEHOLD", id);
        }
        return household;
    }

    /** Another feature opens this household to the caller's agency (an accepted referral), never a draft. */
    private boolean granted(Household household) {
        if (household.getStatus() == HouseholdStatus.DRAFT) {
            return false;
        }
        String agency = callerAgency();
        return !agency.isEmpty() && grants.orderedStream().anyMatch(g -> g.grants(agency, household.getId()));
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
