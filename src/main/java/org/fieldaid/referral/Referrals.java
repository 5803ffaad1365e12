package org.fieldaid.referral;

import static org.fieldaid.security.Authority.Codes.AGENCY_MANAGE;
import static org.fieldaid.security.Authority.Codes.EXPORT_AGGREGATE;
import static org.fieldaid.security.Authority.Codes.EXPORT_PERSONAL;
import static org.fieldaid.security.Authority.Codes.REFERRAL_READ;
import static org.fieldaid.security.Authority.Codes.REFERRAL_RECEIVE;
import static org.fieldaid.security.Authority.Codes.REFERRAL_SEND;
import static org.fieldaid.security.Authority.Codes.REFERRAL_SUPERVISE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.fieldaid.audit.AuditEntry;
import org.fieldaid.audit.AuditLog;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.TextInput;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.MemberView;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.security.AgencyDirectory;
import org.fieldaid.security.AgencyRow;
import org.fieldaid.security.Authority;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals between agencies, from the household view to the receiving agency's inbox and back to the sender.
 * The only way into the referral feature. Every referral is read only by the agencies it is between; the receiving
 * agency sees a preview until it accepts (decision 025).
 */
@Service
public class Referrals {

    static final String AUDIT_TYPE = "REFERRAL";

    private static final String READERS = "hasAuthority('" + REFERRAL_READ + "')";
    private static final String SENDERS = "hasAuthority('" + REFERRAL_SEND + "')";
    private static final String RECEIVERS = "hasAuthority('" + REFERRAL_RECEIVE + "')";
    private static final String REVOKERS = "hasAnyAuthority('" + REFERRAL_SEND + "', '" + REFERRAL_SUPERVISE + "')";
    private static final String SUPERVISORS = "hasAuthority('" + REFERRAL_SUPERVISE + "')";
    private static final String EXPORTERS = "hasAuthority('" + REFERRAL_READ + "') and hasAnyAuthority('"
            + EXPORT_PERSONAL + "', '" + EXPORT_AGGREGATE + "')";

    private final ReferralStore store;
    private final HouseholdRegistry registry;
    private final AgencyDirectory agencies;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Caller caller;
    private final Clock clock;
    private final Duration urgentWithin;

    Referrals(ReferralStore store, HouseholdRegistry registry, AgencyDirectory agencies, AuditLog auditLog,
              ApplicationEventPublisher events, Caller caller, Clock clock,
              @Value("${fieldaid.referral.urgent-within:24h}") Duration urgentWithin) {
        this.store = store;
        this.registry = registry;
        this.agencies = agencies;
        this.auditLog = auditLog;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
        this.urgentWithin = urgentWithin;
    }

    // ---- services -----------------------------------------------------------------------------------------------

    /** Every active agency with the services it offers: for the administrator, the referral form and the lists. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('" + AGENCY_MANAGE + "', '" + REFERRAL_READ + "', '" + REFERRAL_SEND + "')")
    public List<AgencyServices> agencyServices() {
        Map<String, Set<ServiceKind>> offered = store.servicesByAgency();
        return agencies.active().stream().map(a -> services(a, offered.getOrDefault(a.code(),
                EnumSet.noneOf(ServiceKind.class)))).toList();
    }

    /**
     * Sets what an agency offers.
     *
     * @param expected what the administrator saw; if somebody changed it since, nothing is written
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + AGENCY_MANAGE + "')")
    public AgencyServices setServices(String agencyCode, Set<ServiceKind> expected, Set<ServiceKind> services) {
        AgencyRow agency = agencies.find(agencyCode == null ? "" : agencyCode)
                .orElseThrow(() -> InvalidInputException.of("agency", "error.not-found"));
        Set<ServiceKind> now = store.servicesOf(agency.code());
        if (!now.equals(copy(expected))) {
            throw new ConcurrentEditException("AGENCY_SERVICES", agency.code(), now.toString());
        }
        Set<ServiceKind> wanted = copy(services);
        if (!wanted.isEmpty() && !receives(agency)) {
            throw InvalidInputException.of("services", "referral.error.agency-cannot-receive");
        }
        if (wanted.equals(now)) {
            return services(agency, now);
        }
        store.replaceServices(agency.code(), wanted);
        events.publishEvent(AuditRecord.of("AGENCY_SERVICES_CHANGED", "AGENCY", agency.code(),
                "Services offered to referrals changed", now.toString(), wanted.toString()).saying("services-changed"));
        return services(agency, wanted);
    }

    private static AgencyServices services(AgencyRow agency, Set<ServiceKind> offered) {
        return new AgencyServices(agency.code(), agency.name(), receives(agency), sensitiveAllowed(agency),
                copy(offered));
    }

    private static boolean receives(AgencyRow agency) {
        return AgencyDirectory.reach(agency.capabilities()).contains(Authority.REFERRAL_RECEIVE);
    }

    private static boolean sensitiveAllowed(AgencyRow agency) {
        return AgencyDirectory.reach(agency.capabilities()).contains(Authority.PII_SENSITIVE);
    }

    /** An agency that cannot read the registry sees a family only through the referral: the family must agree. */
    private static boolean needsConsent(AgencyRow agency) {
        return !AgencyDirectory.reach(agency.capabilities()).contains(Authority.HOUSEHOLD_READ);
    }

    private static Set<ServiceKind> copy(Set<ServiceKind> services) {
        return services == null || services.isEmpty() ? EnumSet.noneOf(ServiceKind.class) : EnumSet.copyOf(services);
    }

    // ---- sending ------------------------------------------------------------------------------------------------

    /**
     * Refers members of a household to another agency's service, with the family's consent as given now. Every
     * problem is reported at once and nothing is written when there is any. Without consent nothing goes to an
     * agency that could not read the household otherwise (a partner organisation); a health or protection need
     * goes only to an agency that may see such details.
     */
    @Transactional
    @PreAuthorize(SENDERS)
    public ReferralRow send(ReferralForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        HouseholdDetails household = household(form.householdId(), problems);
        List<MemberView> concerned = new ArrayList<>();
        if (form.personIds() == null || form.personIds().isEmpty()) {
            problems.put("members", List.of("referral.error.no-members"));
        } else if (household != null) {
            household.members().stream().filter(m -> form.personIds().contains(m.id())).forEach(concerned::add);
            if (concerned.size() != form.personIds().size()) {
                problems.put("members", List.of("referral.error.not-members"));
            }
        }
        AgencyRow to = null;
        if (form.toAgency() == null || form.toAgency().isBlank()) {
            problems.put("agency", List.of("validation.required"));
        } else {
            to = agencies.find(form.toAgency()).filter(AgencyRow::active).orElse(null);
            if (to == null) {
                problems.put("agency", List.of("error.not-found"));
            } else if (to.code().equals(agency())) {
                problems.put("agency", List.of("referral.error.own-agency"));
            } else if (!receives(to)) {
                problems.put("agency", List.of("referral.error.agency-cannot-receive"));
            }
        }
        if (form.service() == null) {
            problems.put("service", List.of("validation.required"));
        } else if (to != null && !problems.containsKey("agency")) {
            if (!store.servicesOf(to.code()).contains(form.service())) {
                problems.put("service", List.of("referral.error.not-offered"));
            } else if (household != null && store.openExists(household.id(), form.service(), to.code())) {
                problems.put("service", List.of("referral.error.already-open"));
            }
        }
        if (form.urgency() == null) {
            problems.put("urgency", List.of("validation.required"));
        }
        Vulnerability need = form.need();
        if (need != null && need.sensitive()) {
            if (!caller.hasAuthority(Authority.PII_SENSITIVE.code())) {
                throw new AccessDeniedException("Referring a health or protection need needs PII:SENSITIVE");
            }
            if (to != null && !sensitiveAllowed(to)) {
                problems.put("need", List.of("referral.error.need-not-allowed"));
            }
        }
        String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        TextInput.checkNote(problems, "note", note, 1000);
        String consentBy = consent(form, household, to, problems);
        refuseIfAny(problems);
        Instant now = clock.instant();
        boolean consent = Boolean.TRUE.equals(form.consentGiven());
        long id = store.insert(new ReferralStore.NewReferral(household.id(), household.registrationNumber(),
                head(household), form.service(), agency(), to.code(), form.urgency(),
                need == null ? null : need.name(), need != null && need.sensitive(), note, consent, consentBy,
                consent ? form.service().name() : null, me(), now));
        for (MemberView m : concerned) {
            store.insertMember(id, m.id(), m.fullName(), m.birthDate(), m.birthDateEstimated());
        }
        ReferralStore.Stored stored = store.find(id).orElseThrow();
        events.publishEvent(AuditRecord.of("REFERRAL_SENT", AUDIT_TYPE, id, "Referred " + concerned.size()
                        + " member(s) of " + household.registrationNumber() + " to " + to.code() + " for "
                        + form.service() + " (" + form.urgency() + ")", null, stored.describe())
                .saying("referral-sent", concerned.size(), household.registrationNumber(),
                        AuditRecord.term("agency.", to.code()), AuditRecord.term("referral.service.", form.service()),
                        AuditRecord.term("referral.urgency.", form.urgency())));
        events.publishEvent(AuditRecord.of(consent ? "REFERRAL_CONSENT_GIVEN" : "REFERRAL_CONSENT_NOT_GIVEN",
                AUDIT_TYPE, id, consent ? "Consent given by " + consentBy + " to " + to.code() + " for "
                        + form.service() : "No consent to tell " + to.code() + " (an agency that reads the registry)",
                null, null).saying(consent ? "referral-consent-given" : "referral-consent-not-given",
                AuditRecord.term("agency.", to.code()), AuditRecord.term("referral.service.", form.service()),
                consent ? consentBy : ""));
        return show(stored);
    }

    private HouseholdDetails household(Long id, Map<String, List<String>> problems) {
        if (id == null) {
            problems.put("household", List.of("validation.required"));
            return null;
        }
        HouseholdDetails household = registry.get(id);
        if (household.status() != HouseholdStatus.REGISTERED && household.status() != HouseholdStatus.RETURNED) {
            problems.put("household", List.of("referral.error.household-not-registered"));
        }
        return household;
    }

    /** Checks the consent and returns who gave it, or null. */
    private static String consent(ReferralForm form, HouseholdDetails household, AgencyRow to,
                                  Map<String, List<String>> problems) {
        if (form.consentGiven() == null) {
            problems.put("consent", List.of("referral.error.consent-unanswered"));
            return null;
        }
        if (!form.consentGiven()) {
            if (to != null && needsConsent(to)) {
                problems.put("consent", List.of("referral.error.consent-required"));
            }
            return null;
        }
        if (form.consentGivenBy() == null) {
            problems.put("consentBy", List.of("referral.error.consent-by"));
            return null;
        }
        if (household == null) {
            return null;
        }
        return household.members().stream().filter(m -> m.id() == form.consentGivenBy()).findFirst()
                .map(MemberView::fullName).orElseGet(() -> {
                    problems.put("consentBy", List.of("referral.error.not-members"));
                    return null;
                });
    }

    private static String head(HouseholdDetails household) {
        return household.members().stream().filter(m -> m.relation() == Relation.HEAD).findFirst()
                .orElse(household.members().getFirst()).fullName();
    }

    // ---- receiving ------------------------------------------------------------------------------------------------

    @Transactional
    @PreAuthorize(RECEIVERS)
    public ReferralRow accept(long id, int expectedVersion) {
        ReferralStore.Stored r = received(id);
        move(r, expectedVersion, ReferralStatus.ACCEPTED, "accepted_by = ?, accepted_at = ?", me(),
                ReferralStore.utc(clock.instant()));
        return audited(id, "REFERRAL_ACCEPTED", "Accepted by " + agency() + "; the household is open to it", r,
                "referral-accepted", AuditRecord.term("agency.", agency()));
    }

    @Transactional
    @PreAuthorize(RECEIVERS)
    public ReferralRow decline(long id, int expectedVersion, String reason) {
        String why = reason(reason, "referral.error.reason-required");
        ReferralStore.Stored r = received(id);
        move(r, expectedVersion, ReferralStatus.DECLINED, "declined_by = ?, declined_at = ?, decline_reason = ?",
                me(), ReferralStore.utc(clock.instant()), why);
        return audited(id, "REFERRAL_DECLINED", "Declined by " + agency() + ": " + why, r,
                "referral-declined", AuditRecord.term("agency.", agency()), why);
    }

    @Transactional
    @PreAuthorize(RECEIVERS)
    public ReferralRow complete(long id, int expectedVersion, Outcome outcome, String note) {
        if (outcome == null) {
            throw InvalidInputException.of("outcome", "validation.required");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        TextInput.require("outcomeNote", text, 500, true);
        ReferralStore.Stored r = received(id);
        move(r, expectedVersion, ReferralStatus.COMPLETED, "completed_by = ?, completed_at = ?, outcome = ?, "
                + "outcome_note = ?", me(), ReferralStore.utc(clock.instant()), outcome.name(), text);
        return audited(id, "REFERRAL_COMPLETED", "Completed by " + agency() + ": " + outcome
                + (text == null ? "" : " — " + text) + "; the household is no longer open to it", r,
                text == null ? "referral-completed" : "referral-completed-noted", AuditRecord.term("agency.", agency()),
                AuditRecord.term("referral.outcome.", outcome), text);
    }

    /** Revokes a referral not yet completed: its sender, or a supervisor of the sending agency. */
    @Transactional
    @PreAuthorize(REVOKERS)
    public ReferralRow revoke(long id, int expectedVersion, String reason) {
        String why = reason(reason, "referral.error.reason-required");
        ReferralStore.Stored r = visible(id);
        if (!r.fromAgency().equals(agency())) {
            throw new AccessDeniedException("Only the sending agency revokes a referral");
        }
        if (!r.sentBy().equals(me()) && !caller.hasAuthority(REFERRAL_SUPERVISE)) {
            throw new AccessDeniedException("A referral is revoked by its sender or a supervisor of their agency");
        }
        move(r, expectedVersion, ReferralStatus.REVOKED, "revoked_by = ?, revoked_at = ?, revoke_reason = ?", me(),
                ReferralStore.utc(clock.instant()), why);
        return audited(id, "REFERRAL_REVOKED", "Revoked: " + why, r, "referral-revoked", why);
    }

    private ReferralStore.Stored received(long id) {
        ReferralStore.Stored r = visible(id);
        if (!r.toAgency().equals(agency())) {
            throw new AccessDeniedException("Only the receiving agency answers a referral");
        }
        return r;
    }

    private void move(ReferralStore.Stored r, int expectedVersion, ReferralStatus to, String set, Object... args) {
        if (!r.status().canMoveTo(to)) {
            throw InvalidInputException.of("status", "referral.error.cannot-" + to.name().toLowerCase(Locale.ROOT));
        }
        if (r.version() != expectedVersion || !store.move(r.id(), expectedVersion, r.status(), to, set, args)) {
            throw new ConcurrentEditException(AUDIT_TYPE, r.id(),
                    store.find(r.id()).map(ReferralStore.Stored::describe).orElse(""));
        }
    }

    private ReferralRow audited(long id, String action, String summary, ReferralStore.Stored before,
                                String summaryKey, Object... args) {
        ReferralStore.Stored after = store.find(id).orElseThrow();
        events.publishEvent(AuditRecord.of(action, AUDIT_TYPE, id, summary, before.describe(), after.describe())
                .saying(summaryKey, args));
        return show(after);
    }

    private static String reason(String reason, String key) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", key);
        }
        String why = reason.strip();
        TextInput.require("reason", why, 500, true);
        return why;
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public ReferralRow referral(long id) {
        return show(visible(id));
    }

    /** The referrals of a household that the caller's agency sent, or received and accepted, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ReferralRow> referralsOf(long householdId) {
        return shown(store.ofHousehold(householdId, agency()));
    }

    /** The referral's chain of changes from the audit log, oldest first; not for a receiver's preview. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<AuditEntry> history(long id) {
        ReferralStore.Stored r = visible(id);
        if (preview(r)) {
            throw RecordNotFoundException.hidden(AUDIT_TYPE, id);
        }
        return auditLog.historyOf(AUDIT_TYPE, Long.toString(id));
    }

    /** Whether the caller may see the referral's history, for the audit module. */
    boolean mayReadHistory(long id) {
        return store.find(id).filter(this::party).filter(r -> !preview(r)).isPresent();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ReferralRow> list(ReferralQuery query, int offset, int limit) {
        return shown(store.page(query, agency(), overdueBefore(), Math.max(0, offset), Math.clamp(limit, 1, 500)));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public long count(ReferralQuery query) {
        return store.count(query, agency(), overdueBefore());
    }

    /** Urgent referrals of the caller's agency that nobody accepted in time, for its supervisors. */
    @Transactional(readOnly = true)
    @PreAuthorize(SUPERVISORS)
    public long overdueSent() {
        return store.count(ReferralQuery.sent(null).overdue(), agency(), overdueBefore());
    }

    /** How long the receiving agency has to accept an urgent referral. */
    public Duration urgentWithin() {
        return urgentWithin;
    }

    /** Every referral of a list, for an export: by service, agency, status and age, the household by number. */
    @Transactional(readOnly = true)
    @PreAuthorize(EXPORTERS)
    public void forEach(ReferralQuery query, Consumer<ReferralExportRow> sink) {
        Instant cutoff = overdueBefore();
        boolean personal = caller.hasAuthority(EXPORT_PERSONAL);
        store.forEach(query, agency(), cutoff, (r, members) -> {
            boolean hidden = preview(r) || !personal;
            sink.accept(new ReferralExportRow(r.id(), hidden ? null : r.registrationNumber(), r.service(),
                    r.fromAgency(), r.toAgency(), r.urgency(), r.status(), members, r.consentGiven(),
                    r.sentAt(), r.acceptedAt(), ended(r), r.outcome(), overdue(r, cutoff)));
        });
    }



    /** When the referral ended, or null while it is open. */
    private static Instant ended(ReferralStore.Stored r) {
        return r.completedAt() != null ? r.completedAt() : r.declinedAt() != null ? r.declinedAt() : r.revokedAt();
    }

    private ReferralStore.Stored visible(long id) {
        ReferralStore.Stored r = store.find(id).orElseThrow(() -> RecordNotFoundException.missing(AUDIT_TYPE, id));
        if (!party(r)) {
            throw RecordNotFoundException.hidden(AUDIT_TYPE, id);
        }
        return r;
    }

    private boolean party(ReferralStore.Stored r) {
        String agency = caller.agencyCode().orElse("");
        return r.fromAgency().equals(agency) || r.toAgency().equals(agency);
    }

    /** The receiving agency sees a preview of a referral it has not accepted. */
    private boolean preview(ReferralStore.Stored r) {
        String agency = caller.agencyCode().orElse("");
        return r.toAgency().equals(agency) && r.acceptedAt() == null;
    }

    private List<ReferralRow> shown(List<ReferralStore.Stored> stored) {
        Map<Long, List<ReferralStore.StoredMember>> members = store.members(stored.stream()
                .map(ReferralStore.Stored::id).toList());
        Instant cutoff = overdueBefore();
        LocalDate today = today();
        return stored.stream().map(r -> row(r, members.getOrDefault(r.id(), List.of()), cutoff, today)).toList();
    }

    private ReferralRow show(ReferralStore.Stored r) {
        return row(r, store.members(List.of(r.id())).getOrDefault(r.id(), List.of()), overdueBefore(), today());
    }

    private ReferralRow row(ReferralStore.Stored r, List<ReferralStore.StoredMember> stored, Instant cutoff,
                            LocalDate today) {
        boolean preview = preview(r);
        List<ReferralMember> members = stored.stream().map(m -> new ReferralMember(preview ? null : m.personId(),
                m.fullName(), m.birthDate() == null ? null : Period.between(m.birthDate(), today).getYears(),
                m.estimated())).toList();
        Vulnerability need = preview || r.need() == null || (r.sensitive()
                && !caller.hasAuthority(Authority.PII_SENSITIVE.code())) ? null : Vulnerability.valueOf(r.need());
        return new ReferralRow(r.id(), r.version(), preview, preview ? null : r.householdId(),
                preview ? null : r.registrationNumber(), preview ? null : r.headName(), r.service(), r.fromAgency(),
                r.toAgency(), r.urgency(), need, preview ? null : r.note(), r.status(),
                preview ? null : r.consentGiven(), preview ? null : r.consentGivenBy(),
                preview ? null : r.consentPurpose(), r.sentBy(), r.sentAt(), r.acceptedBy(), r.acceptedAt(),
                r.declinedBy(), r.declinedAt(), r.declineReason(), r.completedBy(), r.completedAt(), r.outcome(),
                preview ? null : r.outcomeNote(), r.revokedBy(), r.revokedAt(), r.revokeReason(),
                overdue(r, cutoff), members);
    }

    private boolean overdue(ReferralStore.Stored r, Instant cutoff) {
        return r.status() == ReferralStatus.SENT && r.urgency() == Urgency.URGENT && !r.sentAt().isAfter(cutoff);
    }

    /** An urgent referral sent at or before this instant and still not accepted is overdue. */
    private Instant overdueBefore() {
        return clock.instant().minus(urgentWithin);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    private String me() {
        return caller.name().orElseThrow();
    }

    private String agency() {
        return caller.agencyCode().orElseThrow(() -> new AccessDeniedException("No agency"));
    }

    private static void refuseIfAny(Map<String, List<String>> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
