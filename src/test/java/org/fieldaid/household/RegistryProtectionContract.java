package org.fieldaid.household;

import org.fieldaid.base.RecordNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.fieldaid.approval.ApprovalStatus;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.approval.FourEyesViolation;
import org.fieldaid.approval.InboxFilter;
import org.fieldaid.audit.AuditEntry;
import org.fieldaid.audit.AuditFilter;
import org.fieldaid.audit.AuditLog;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The registry's data protection (issue 9), with the users and steps of the security review: other agencies'
 * drafts and partner scope on every path that returns household data, sensitive needs in the history, four eyes
 * over the data, and changes to registered households. Run on PostgreSQL ({@link RegistryProtectionTest}) and
 * on H2 ({@link RegistryProtectionH2OwnContextTest}).
 */
abstract class RegistryProtectionContract {

    @Autowired HouseholdRegistry registry;
    @Autowired Approvals approvals;
    @Autowired AuditLog auditLog;
    @Autowired Settlements settlements;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    long origin;
    long reception;

    @BeforeEach
    void places() {
        List<SettlementRow> all = signIn.run("mchs.officer", settlements::all);
        origin = all.stream().filter(s -> !s.reception()).findFirst().orElseThrow().id();
        reception = all.stream().filter(SettlementRow::reception).findFirst().orElseThrow().id();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    // --- 1. the duplicate check shows another agency's draft only as "being registered by" it ---------------------

    @Test
    void aDocumentNumberInAnotherAgencysDraftIsToldOnlyAsBeingRegisteredByThatAgency() {
        Draft mod = modDraft();
        signIn.as("mchs.officer");
        RegistrationForm typed = family(false, member(unique("Baghdasaryan"), "Siranush", Relation.HEAD,
                LocalDate.of(1961, 2, 2), DocumentType.ARMENIAN_PASSPORT, mod.passport()));
        assertThat(registry.possibleDuplicates(typed, null)).singleElement().satisfies(this::redactedFromMod);

        signIn.as("mod.officer");
        assertThat(registry.possibleDuplicates(typed, null)).singleElement().satisfies(c -> {
            assertThat(c.redacted()).isFalse();
            assertThat(c.registrationNumber()).isEqualTo(mod.details().registrationNumber());
            assertThat(c.documentNumber()).isEqualTo(mod.passport());
        });
    }

    @Test
    void aNameAndBirthDateInAnotherAgencysDraftIsToldOnlyAsBeingRegisteredByThatAgency() {
        Draft mod = modDraft();
        signIn.as("mchs.officer");
        RegistrationForm typed = family(false, member(mod.family(), "Tatev", Relation.HEAD, LocalDate.of(1991, 1, 1),
                null, null));
        assertThat(registry.possibleDuplicates(typed, null)).singleElement().satisfies(this::redactedFromMod);
    }

    @Test
    void theHouseholdPageTheJustificationNoteAndTheInboxPreviewNameNoDraftOfAnotherAgency() {
        Draft mod = modDraft();
        signIn.as("mchs.officer");
        HouseholdDetails ours = registry.saveDraft(family(false, member(mod.family(), "Tatev", Relation.HEAD,
                LocalDate.of(1991, 1, 1), DocumentType.ARMENIAN_PASSPORT, mod.passport())));
        assertThat(registry.duplicatesOf(ours.id())).singleElement().satisfies(this::redactedFromMod);
        registry.submit(ours.id(), ours.version(), "Another Tatev: other parents");

        signIn.as("mchs.supervisor");
        ApprovalView request = pending(RegistrationApproval.KIND, ours.id());
        assertThat(request.note()).startsWith("Another Tatev").contains("being registered by MOD")
                .doesNotContain(mod.family()).doesNotContain(mod.passport())
                .doesNotContain(mod.details().registrationNumber()).doesNotContain("1991");
        assertThat(approvals.get(request.id()).note()).isEqualTo(request.note());
        // the inbox preview shows the subject's duplicates through the same call
        assertThat(registry.duplicatesOf(ours.id())).singleElement().satisfies(this::redactedFromMod);

        signIn.as("mod.supervisor");
        assertThat(registry.duplicatesOf(ours.id())).singleElement()
                .satisfies(c -> assertThat(c.householdId()).isEqualTo(mod.details().id()));
    }

    @Test
    void partnersGetNoDuplicateData() {
        signIn.as("partner.analyst");
        HouseholdRow consented = registry.find(HouseholdFilter.text("Hovhannisyan"), PageRequest.of(0, 5))
                .getContent().getFirst();
        // 2. the planted Hovhannisyan family, registered with consent, has a waiting duplicate in another spelling
        assertThatThrownBy(() -> registry.duplicatesOf(consented.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.pendingChange(consented.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.possibleDuplicates(family(true, member("Hovhannisyan", "Armen",
                Relation.HEAD, LocalDate.of(1975, 3, 12), null, null)), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(registry.approvals(consented.id())).allSatisfy(a -> assertThat(a.note()).isNull());
    }

    // --- 3. no trace of a health or protection need for readers without PII:SENSITIVE -----------------------------

    @Test
    void theHistoryAndTheConcurrentEditMessageDoNotTellThatASensitiveNeedIsOnFile() {
        signIn.as("health.officer");
        HouseholdDetails draft = registry.saveDraft(family(true, member(unique("Poghosyan"), "Ruzan", Relation.HEAD,
                LocalDate.of(1988, 1, 1), null, null, Vulnerability.SURVIVOR)));
        registry.submit(draft.id(), draft.version(), null);
        approve(RegistrationApproval.KIND, draft.id(), "health.supervisor");

        for (String reader : List.of("mchs.officer", "partner.analyst")) {
            signIn.as(reader);
            assertThat(registry.history(draft.id())).as(reader).isNotEmpty().allSatisfy(e -> {
                assertThat(String.valueOf(e.before()) + e.after() + e.summary()).doesNotContainIgnoringCase("sensitive")
                        .doesNotContain("SURVIVOR");
            });
        }
        signIn.as("mchs.officer");
        HouseholdDetails seen = registry.get(draft.id());
        registry.update(seen.id(), seen.version(), withPhoneAndAddress(seen.toForm(), "+374 77 000001", "Tent 4"));
        assertThatThrownBy(() -> registry.update(seen.id(), seen.version(),
                withPhoneAndAddress(seen.toForm(), "+374 77 000002", "Tent 5")))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e -> assertThat(e.currentState())
                        .contains("Tent 4").doesNotContainIgnoringCase("sensitive").doesNotContain("SURVIVOR"));
        signIn.as("health.officer");
        assertThat(registry.get(draft.id()).members().getFirst().vulnerabilities()).contains(Vulnerability.SURVIVOR);
    }

    // --- 4. four eyes over the data ---------------------------------------------------------------------------------

    @Test
    void aSupervisorWhoWroteTheDraftCannotApproveItWhenAnOfficerSubmitted() {
        signIn.as("mchs.supervisor");
        HouseholdDetails draft = registry.saveDraft(family(false, member(unique("Asatryan"), "Mane", Relation.HEAD,
                LocalDate.of(1970, 5, 5), null, null)));
        signIn.as("mchs.officer");
        registry.submit(draft.id(), draft.version(), null);

        signIn.as("mchs.supervisor");
        ApprovalView request = pending(RegistrationApproval.KIND, draft.id());
        assertThat(request.requestedBy()).isEqualTo("mchs.officer");
        assertThat(request.wroteOrRequestedBy("mchs.supervisor")).isTrue();
        assertThatThrownBy(() -> approvals.approve(request.id(), request.version()))
                .isInstanceOf(FourEyesViolation.class);
        assertThatThrownBy(() -> approvals.reject(request.id(), request.version(), "mine"))
                .isInstanceOf(FourEyesViolation.class);
        assertThat(registry.get(draft.id()).status()).isEqualTo(HouseholdStatus.SUBMITTED);

        signIn.as("mchs.supervisor2");
        approvals.approve(request.id(), request.version());
        assertThat(registry.get(draft.id()).status()).isEqualTo(HouseholdStatus.REGISTERED);
    }

    @Test
    void aSupervisorWhoEditedTheDraftCannotDecideIt() {
        signIn.as("mchs.officer");
        HouseholdDetails draft = registry.saveDraft(family(false, member(unique("Asatryan"), "Mane", Relation.HEAD,
                LocalDate.of(1970, 5, 5), null, null)));
        signIn.as("mchs.supervisor");
        HouseholdDetails edited = registry.update(draft.id(), draft.version(),
                withPhoneAndAddress(draft.toForm(), "+374 77 000003", "School No. 5"));
        signIn.as("mchs.officer");
        registry.submit(edited.id(), edited.version(), null);
        signIn.as("mchs.supervisor");
        ApprovalView request = pending(RegistrationApproval.KIND, draft.id());
        assertThatThrownBy(() -> approvals.approve(request.id(), request.version()))
                .isInstanceOf(FourEyesViolation.class);
    }

    // --- 5. changes to a registered household ------------------------------------------------------------------------

    @Test
    void anotherAgencyReplacingTheMembersAndConsentOfARegisteredFamilyOnlyProposesItToTheRegisteringAgency() {
        HouseholdDetails registered = registeredByMchs(false);
        String newFamily = unique("Grigoryan");
        signIn.as("mod.officer");
        RegistrationForm replaced = new RegistrationForm(registered.originSettlementId(),
                registered.currentSettlementId(), registered.currentAddress(), registered.displacedOn(),
                registered.phone(), true, true, null, List.of(member(newFamily, "Aram", Relation.HEAD,
                LocalDate.of(1969, 9, 9), null, null)));
        HouseholdDetails after = registry.update(registered.id(), registered.version(), replaced);

        assertThat(after.members()).extracting(MemberView::familyName)
                .containsExactlyElementsOf(registered.members().stream().map(MemberView::familyName).toList());
        assertThat(after.consentSharePartners()).isFalse();
        assertThat(after.status()).isEqualTo(HouseholdStatus.REGISTERED);
        assertThat(registry.pendingChange(registered.id())).hasValueSatisfying(c -> {
            assertThat(c.proposedBy()).isEqualTo("mod.officer");
            assertThat(c.proposed().members()).extracting(MemberView::familyName).containsExactly(newFamily);
        });
        assertThat(ids(HouseholdFilter.text(newFamily))).doesNotContain(registered.id());
        signIn.as("partner.analyst");
        assertRefused(() -> registry.get(registered.id()));

        signIn.as("mod.supervisor");
        assertThat(inbox()).noneSatisfy(r -> assertThat(r.subjectId()).isEqualTo(registered.id()));
        assertThat(approvals.countInbox(new InboxFilter(null, null))).isEqualTo(inbox().size());
        long requestId = jdbc.queryForObject("SELECT id FROM approval_request WHERE kind = 'HOUSEHOLD_CHANGE'"
                + " AND subject_id = ? AND status = 'PENDING'", Long.class, registered.id());
        assertThatThrownBy(() -> approvals.approve(requestId, 0)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> approvals.get(requestId)).isInstanceOf(RecordNotFoundException.class);

        approve(RegistrationApproval.CHANGE_KIND, registered.id(), "mchs.supervisor");
        signIn.as("mchs.officer");
        HouseholdDetails changed = registry.get(registered.id());
        assertThat(changed.members()).extracting(MemberView::familyName).containsExactly(newFamily);
        assertThat(changed.consentSharePartners()).isTrue();
        assertThat(registry.pendingChange(registered.id())).isEmpty();
        assertThat(ids(HouseholdFilter.text(newFamily))).contains(registered.id());
        assertThat(registry.consents(registered.id())).filteredOn(c -> c.purpose() == ConsentView.Purpose.SHARE_PARTNERS)
                .first().satisfies(c -> {
                    assertThat(c.granted()).isTrue();
                    assertThat(c.givenBy()).isEqualTo(newFamily + " Aram");
                    assertThat(c.recordedBy()).isEqualTo("mod.officer");
                    assertThat(c.agencyCode()).isEqualTo("MOD");
                    assertThat(c.approvedBy()).isEqualTo("mchs.supervisor");
                    assertThat(c.givenAt()).isNotNull();
                });
        assertThat(registry.history(registered.id())).extracting(AuditEntry::action)
                .containsSubsequence("HOUSEHOLD_CHANGE_PROPOSED", "HOUSEHOLD_CHANGE_APPROVED");
        assertThat(registry.approvals(registered.id())).extracting(ApprovalView::kind)
                .contains(RegistrationApproval.CHANGE_KIND, RegistrationApproval.KIND);
        signIn.as("partner.analyst");
        assertThat(registry.get(registered.id()).members()).hasSize(1);
    }

    @Test
    void aRejectedChangeIsDroppedAndTheRegisteredDataStays() {
        HouseholdDetails registered = registeredByMchs(true);
        signIn.as("mchs.officer");
        RegistrationForm stored = registered.toForm();
        MemberForm head = stored.members().getFirst();
        RegistrationForm renamed = new RegistrationForm(stored.originSettlementId(), stored.currentSettlementId(),
                stored.currentAddress(), stored.displacedOn(), stored.phone(), false, stored.consentContact(),
                stored.vulnerabilities(), List.of(new MemberForm(head.id(), head.familyName(), "Ashot", null,
                Sex.MALE, head.birthDate(), false, Relation.HEAD, null, null, null)));
        registry.update(registered.id(), registered.version(), renamed);
        signIn.as("mchs.supervisor");
        ApprovalView request = pending(RegistrationApproval.CHANGE_KIND, registered.id());
        approvals.reject(request.id(), request.version(), "The family did not say so");

        signIn.as("mchs.officer");
        HouseholdDetails after = registry.get(registered.id());
        assertThat(after.members().getFirst().givenName()).isEqualTo(head.givenName());
        assertThat(after.consentSharePartners()).isTrue();
        assertThat(registry.pendingChange(registered.id())).isEmpty();
        assertThat(registry.history(registered.id())).extracting(AuditEntry::action)
                .contains("HOUSEHOLD_CHANGE_REJECTED");
    }

    @Test
    void aPhoneOrShelterCorrectionOfARegisteredFamilyStaysDirectAndAudited() {
        HouseholdDetails registered = registeredByMchs(false);
        signIn.as("mod.officer");
        HouseholdDetails after = registry.update(registered.id(), registered.version(),
                withPhoneAndAddress(registered.toForm(), "+374 77 999999", "Hotel Armenia, room 12"));
        assertThat(after.phone()).isEqualTo("+374 77 999999");
        assertThat(after.currentAddress()).isEqualTo("Hotel Armenia, room 12");
        assertThat(registry.pendingChange(registered.id())).isEmpty();
        assertThat(registry.history(registered.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("HOUSEHOLD_UPDATED");
            assertThat(e.actor()).isEqualTo("mod.officer");
            assertThat(e.after()).contains("Hotel Armenia, room 12");
        });
    }

    @Test
    void aProposedMemberGoesThroughTheDuplicateCheckAgain() {
        HouseholdDetails registered = registeredByMchs(false);
        signIn.as("mod.officer");
        List<MemberForm> members = new ArrayList<>(registered.toForm().members());
        members.add(member(unique("Mirzoyan"), "Armen", Relation.SPOUSE, LocalDate.of(1980, 1, 1),
                DocumentType.ARMENIAN_PASSPORT, "AN1234567"));
        RegistrationForm stored = registered.toForm();
        registry.update(registered.id(), registered.version(), new RegistrationForm(stored.originSettlementId(),
                stored.currentSettlementId(), stored.currentAddress(), stored.displacedOn(), stored.phone(),
                stored.consentSharePartners(), stored.consentContact(), stored.vulnerabilities(), members));
        assertThat(registry.pendingChange(registered.id()).orElseThrow().duplicates()).anySatisfy(c -> {
            assertThat(c.reason()).isEqualTo("DOCUMENT");
            assertThat(c.fullName()).isEqualTo("Hovhannisyan Armen");
        });
        signIn.as("mchs.supervisor");
        assertThat(pending(RegistrationApproval.CHANGE_KIND, registered.id()).note()).contains("Hovhannisyan Armen");
    }

    @Test
    void consentIsRecordedWithWhoGaveItToWhomAndWhen() {
        String family = unique("Hakobyan");
        signIn.as("mchs.officer");
        HouseholdDetails draft = registry.saveDraft(family(true, member(family, "Lilit", Relation.HEAD,
                LocalDate.of(1983, 3, 3), null, null)));
        assertThat(registry.consents(draft.id())).extracting(ConsentView::purpose, ConsentView::granted,
                        ConsentView::givenBy, ConsentView::recordedBy, ConsentView::agencyCode)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ConsentView.Purpose.SHARE_PARTNERS, true, family + " Lilit",
                                "mchs.officer", "MCHS"),
                        org.assertj.core.groups.Tuple.tuple(ConsentView.Purpose.CONTACT, true, family + " Lilit",
                                "mchs.officer", "MCHS"));
        HouseholdDetails withdrawn = registry.update(draft.id(), draft.version(), withConsent(draft.toForm(), false));
        assertThat(registry.consents(withdrawn.id())).first().satisfies(c -> {
            assertThat(c.purpose()).isEqualTo(ConsentView.Purpose.SHARE_PARTNERS);
            assertThat(c.granted()).isFalse();
        });
    }

    // --- 6. small gaps ---------------------------------------------------------------------------------------------

    @Test
    void aRequestReplacedByANewerOneIsWithdrawnAndAudited() {
        HouseholdDetails registered = registeredByMchs(false);
        signIn.as("mod.officer");
        registry.update(registered.id(), registered.version(), withConsent(registered.toForm(), true));
        signIn.as("mchs.supervisor");
        ApprovalView first = pending(RegistrationApproval.CHANGE_KIND, registered.id());
        signIn.as("mod.officer");
        HouseholdDetails now = registry.get(registered.id());
        RegistrationForm form = withConsent(now.toForm(), true);
        registry.update(now.id(), now.version(), new RegistrationForm(form.originSettlementId(),
                form.currentSettlementId(), form.currentAddress(), form.displacedOn(), form.phone(), true, false,
                form.vulnerabilities(), form.members()));

        signIn.as("mchs.supervisor");
        assertThat(registry.approvals(registered.id())).filteredOn(a -> a.id() == first.id()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ApprovalStatus.WITHDRAWN));
        ApprovalView second = pending(RegistrationApproval.CHANGE_KIND, registered.id());
        assertThat(second.id()).isNotEqualTo(first.id());
        // the second proposer is a contributor too, and so is the first: neither decides
        assertThat(second.contributors()).contains("mod.officer");
        signIn.as("admin");
        assertThat(auditLog.find(new AuditFilter(null, "APPROVAL_WITHDRAWN", "APPROVAL", Long.toString(first.id()),
                null, null), PageRequest.of(0, 50)).getContent())
                .filteredOn(e -> e.entityId().equals(Long.toString(first.id()))).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("mod.officer"));
    }

    @Test
    void approvalKindsAreForApproversOnly() {
        signIn.as("border.officer");
        assertThatThrownBy(() -> approvals.kind(RegistrationApproval.KIND)).isInstanceOf(AccessDeniedException.class);
        signIn.as("mchs.supervisor");
        assertThat(approvals.kind(RegistrationApproval.CHANGE_KIND)).hasValueSatisfying(k ->
                assertThat(k.withinAgency()).isTrue());
    }

    @Test
    void aSupervisorWhoMayNotSeeTheSubjectCannotReadOrDecideItsRequest() {
        Draft mod = modDraft();
        // no service files a request about a draft; one filed by hand stands for any subject a decider may not see
        jdbc.update("INSERT INTO approval_request (kind, subject_type, subject_id, subject_label, agency_code,"
                + " requested_by, requested_at, status, version) VALUES ('REGISTRATION', 'REGISTRATION', ?, 'x',"
                + " 'MOD', 'mod.officer', CURRENT_TIMESTAMP, 'PENDING', 0)", mod.details().id());
        long requestId = jdbc.queryForObject("SELECT MAX(id) FROM approval_request WHERE subject_id = ?", Long.class,
                mod.details().id());
        try {
            signIn.as("mchs.supervisor");
            assertRefused(() -> approvals.get(requestId));
            assertRefused(() -> approvals.approve(requestId, 0));
            assertThat(signIn.run("mod.officer", () -> registry.get(mod.details().id())).status())
                    .isEqualTo(HouseholdStatus.DRAFT);
        } finally {
            jdbc.update("DELETE FROM approval_request WHERE id = ?", requestId);
        }
    }

    // --- scope on every path that returns household data ---------------------------------------------------------

    @Test
    void anotherAgencysDraftIsOnNoPathOfAnOfficerOfAnotherAgency() {
        Draft mod = modDraft();
        HouseholdDetails d = mod.details();
        signIn.as("mchs.officer");
        for (HouseholdFilter filter : searchesFor(mod)) {
            assertThat(ids(filter)).as(filter.toString()).doesNotContain(d.id());
            assertThat(registry.count(filter)).as(filter.toString()).isEqualTo(ids(filter).size());
        }
        assertRefused(() -> registry.get(d.id()));
        assertRefused(() -> registry.history(d.id()));
        assertRefused(() -> auditLog.historyOf("HOUSEHOLD", d.registrationNumber()));
        assertRefused(() -> registry.approvals(d.id()));
        assertRefused(() -> approvals.requestsFor(RegistrationApproval.KIND, d.id()));
        assertRefused(() -> registry.consents(d.id()));
        assertRefused(() -> registry.duplicatesOf(d.id()));
        assertRefused(() -> registry.pendingChange(d.id()));
        assertRefused(() -> registry.update(d.id(), d.version(), d.toForm()));
        assertRefused(() -> registry.submit(d.id(), d.version(), null));
        signIn.as("mchs.supervisor");
        assertThat(inbox()).noneSatisfy(r -> assertThat(r.subjectId()).isEqualTo(d.id()));

        signIn.as("mod.officer");
        for (HouseholdFilter filter : searchesFor(mod)) {
            assertThat(ids(filter)).as(filter.toString()).contains(d.id());
            assertThat(registry.count(filter)).as(filter.toString()).isEqualTo(ids(filter).size());
        }
        assertThat(registry.history(d.id())).isNotEmpty();
    }

    @Test
    void aPartnerSeesOnlyConsentedRegisteredHouseholdsOnEveryPath() {
        Draft mod = modDraft();
        HouseholdDetails withoutConsent = registeredByMchs(false);
        HouseholdDetails withConsent = registeredByMchs(true);
        signIn.as("partner.analyst");
        for (HouseholdFilter filter : searchesFor(mod)) {
            assertThat(ids(filter)).as(filter.toString()).doesNotContain(mod.details().id());
            assertThat(registry.count(filter)).as(filter.toString()).isEqualTo(ids(filter).size());
        }
        String family = withoutConsent.members().getFirst().familyName();
        for (HouseholdFilter filter : List.of(HouseholdFilter.text(family),
                HouseholdFilter.text(family + " " + withoutConsent.members().getFirst().givenName()),
                HouseholdFilter.text(withoutConsent.registrationNumber()),
                new HouseholdFilter(null, origin, null, HouseholdStatus.REGISTERED, null, "MCHS"))) {
            assertThat(ids(filter)).as(filter.toString()).doesNotContain(withoutConsent.id());
            assertThat(registry.count(filter)).as(filter.toString()).isEqualTo(ids(filter).size());
        }
        assertThat(ids(HouseholdFilter.text(withConsent.registrationNumber()))).containsExactly(withConsent.id());
        assertThat(registry.find(HouseholdFilter.none(), PageRequest.of(0, 100_000)).getContent())
                .allSatisfy(r -> assertThat(r.status()).isIn(HouseholdStatus.REGISTERED, HouseholdStatus.RETURNED,
                        HouseholdStatus.CLOSED));
        for (long hidden : List.of(withoutConsent.id(), mod.details().id())) {
            assertRefused(() -> registry.get(hidden));
            assertRefused(() -> registry.history(hidden));
            assertRefused(() -> registry.approvals(hidden));
            assertRefused(() -> approvals.requestsFor(RegistrationApproval.KIND, hidden));
            assertRefused(() -> registry.consents(hidden));
        }
        assertRefused(() -> auditLog.historyOf("HOUSEHOLD", withoutConsent.registrationNumber()));
        assertThat(registry.get(withConsent.id()).consentSharePartners()).isTrue();
        assertThat(registry.history(withConsent.id())).isNotEmpty();
        assertThat(registry.approvals(withConsent.id())).isNotEmpty().allSatisfy(a -> assertThat(a.note()).isNull());
        assertThat(registry.consents(withConsent.id())).isNotEmpty();
        assertThatThrownBy(() -> approvals.inbox(new InboxFilter(null, null), PageRequest.of(0, 5)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> approvals.countInbox(new InboxFilter(null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A Defence draft with a passport number and a name nobody else has, as in the review. */
    record Draft(HouseholdDetails details, String family, String passport) {
    }

    Draft modDraft() {
        String family = unique("Arzumanyan");
        String passport = "AR" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        HouseholdDetails details = signIn.run("mod.officer", () -> registry.saveDraft(new RegistrationForm(origin,
                reception, "Tent camp", LocalDate.of(2020, 10, 15), null, false, true,
                EnumSet.of(Vulnerability.NO_INCOME), List.of(member(family, "Tatev", Relation.HEAD,
                LocalDate.of(1991, 1, 1), DocumentType.ARMENIAN_PASSPORT, passport, Vulnerability.ELDERLY_ALONE)))));
        return new Draft(details, family, passport);
    }

    /** Every kind of list search that could find the draft: name, family and given name, numbers, filters, need. */
    List<HouseholdFilter> searchesFor(Draft draft) {
        return List.of(HouseholdFilter.none(), HouseholdFilter.text(draft.family()),
                HouseholdFilter.text(draft.family() + " Tatev"), HouseholdFilter.text(draft.passport()),
                HouseholdFilter.text(draft.details().registrationNumber()),
                new HouseholdFilter(null, origin, null, HouseholdStatus.DRAFT, null, null),
                new HouseholdFilter(null, origin, reception, null, Vulnerability.NO_INCOME, "MOD"),
                new HouseholdFilter(null, null, null, null, Vulnerability.ELDERLY_ALONE, null),
                new HouseholdFilter(draft.family(), null, null, HouseholdStatus.DRAFT, null, null));
    }

    /** Drafted and submitted by mchs.officer, approved by mchs.supervisor. */
    HouseholdDetails registeredByMchs(boolean consentPartners) {
        HouseholdDetails draft = signIn.run("mchs.officer", () -> {
            HouseholdDetails d = registry.saveDraft(family(consentPartners, member(unique("Sahakyan"), "Gor",
                    Relation.HEAD, LocalDate.of(1965, 4, 4), null, null)));
            return registry.submit(d.id(), d.version(), null);
        });
        approve(RegistrationApproval.KIND, draft.id(), "mchs.supervisor");
        return signIn.run("mchs.officer", () -> registry.get(draft.id()));
    }

    void approve(String kind, long householdId, String supervisor) {
        signIn.as(supervisor);
        ApprovalView request = pending(kind, householdId);
        approvals.approve(request.id(), request.version());
        signIn.out();
    }

    ApprovalView pending(String kind, long householdId) {
        return approvals.inbox(new InboxFilter(kind, null), PageRequest.of(0, 5000)).getContent().stream()
                .filter(r -> r.subjectId() == householdId).findFirst().orElseThrow();
    }

    List<ApprovalView> inbox() {
        return approvals.inbox(new InboxFilter(null, null), PageRequest.of(0, 5000)).getContent();
    }

    List<Long> ids(HouseholdFilter filter) {
        return registry.find(filter, PageRequest.of(0, 100_000)).getContent().stream().map(HouseholdRow::id).toList();
    }

    /**
     * Refused, or told that there is no such record: a record the caller may not see and one that does not exist
     * look the same.
     */
    static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfAny(AccessDeniedException.class, RecordNotFoundException.class)
                .satisfies(e -> {
                    if (e instanceof RecordNotFoundException notFound) {
                        assertThat(notFound.getMessage()).endsWith("is not found or not visible to this user");
                    }
                });
    }

    private void redactedFromMod(DuplicateCandidate c) {
        assertThat(c.redacted()).isTrue();
        assertThat(c.agencyCode()).isEqualTo("MOD");
        assertThat(c.householdId()).isZero();
        assertThat(c.personId()).isZero();
        assertThat(c.registrationNumber()).isNull();
        assertThat(c.fullName()).isNull();
        assertThat(c.birthDate()).isNull();
        assertThat(c.documentNumber()).isNull();
        assertThat(c.status()).isNull();
    }

    static MemberForm member(String family, String given, Relation relation, LocalDate birth, DocumentType type,
                             String number, Vulnerability... needs) {
        return new MemberForm(null, family, given, null, Sex.FEMALE, birth, false, relation, type, number,
                needs.length == 0 ? EnumSet.noneOf(Vulnerability.class) : EnumSet.of(needs[0], needs));
    }

    RegistrationForm family(boolean consentPartners, MemberForm... members) {
        return new RegistrationForm(origin, reception, "School No. 2", LocalDate.of(2020, 10, 15), "+374 77 555111",
                consentPartners, true, EnumSet.of(Vulnerability.LOST_HOME), List.of(members));
    }

    static RegistrationForm withPhoneAndAddress(RegistrationForm f, String phone, String address) {
        return new RegistrationForm(f.originSettlementId(), f.currentSettlementId(), address, f.displacedOn(), phone,
                f.consentSharePartners(), f.consentContact(), f.vulnerabilities(), f.members());
    }

    static RegistrationForm withConsent(RegistrationForm f, boolean partners) {
        return new RegistrationForm(f.originSettlementId(), f.currentSettlementId(), f.currentAddress(),
                f.displacedOn(), f.phone(), partners, f.consentContact(), f.vulnerabilities(), f.members());
    }

    /**
     * A family name nobody else in the database has, not even by its phonetic key, so that these tests and the
     * others sharing the database do not see each other's families as duplicates: random syllables, then the
     * base's ending.
     */
    static String unique(String base) {
        return TestNames.syllables(4) + base.substring(base.length() - 3);
    }
}
