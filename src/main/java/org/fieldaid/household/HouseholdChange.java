package org.fieldaid.household;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A change to a registered household's identity data, members or consent, waiting for a supervisor of the
 * registering agency. The household keeps what was registered until the change is approved.
 */
@Entity
@Table(name = "household_change")
class HouseholdChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "household_id", nullable = false, unique = true)
    private long householdId;

    @Column(name = "origin_settlement_id")
    private Long originSettlementId;

    @Column(name = "displaced_on")
    private LocalDate displacedOn;

    @Column(name = "consent_share_partners", nullable = false)
    private boolean consentSharePartners;

    @Column(name = "consent_contact", nullable = false)
    private boolean consentContact;

    @Column(name = "proposed_by", nullable = false, length = 64)
    private String proposedBy;

    @Column(name = "proposed_agency", nullable = false, length = 32)
    private String proposedAgency;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @ElementCollection
    @CollectionTable(name = "household_change_member", joinColumns = @JoinColumn(name = "change_id"))
    @OrderColumn(name = "position")
    private List<ProposedMember> members = new ArrayList<>();

    @Version
    private int version;

    protected HouseholdChange() {
    }

    HouseholdChange(long householdId, RegistrationForm form, String proposedBy, String proposedAgency, Instant now) {
        this.householdId = householdId;
        this.originSettlementId = form.originSettlementId();
        this.displacedOn = form.displacedOn();
        this.consentSharePartners = form.consentSharePartners();
        this.consentContact = form.consentContact();
        this.proposedBy = proposedBy;
        this.proposedAgency = proposedAgency;
        this.proposedAt = now;
        form.members().forEach(m -> members.add(new ProposedMember(m)));
    }

    /**
     * Does the form change what a registration stands for: who the members are, their identity, where the family
     * comes from and when it left, or a consent? Phone, current place and needs are corrections made directly.
     */
    static boolean changesIdentity(RegistrationForm stored, RegistrationForm form) {
        if (!Objects.equals(stored.originSettlementId(), form.originSettlementId())
                || !Objects.equals(stored.displacedOn(), form.displacedOn())
                || stored.consentSharePartners() != form.consentSharePartners()
                || stored.consentContact() != form.consentContact()
                || stored.members().size() != form.members().size()) {
            return true;
        }
        Map<Long, MemberForm> before = byId(stored.members());
        return form.members().stream().anyMatch(m -> m.id() == null || !before.containsKey(m.id())
                || !identity(before.get(m.id())).equals(identity(m)));
    }

    /**
     * What the caller may change at once: the stored identity, members and consent, with the form's phone,
     * current place and needs (a member the form leaves out keeps its stored needs).
     */
    static RegistrationForm directPart(RegistrationForm stored, RegistrationForm form) {
        Map<Long, MemberForm> typed = byId(form.members());
        List<MemberForm> members = stored.members().stream().map(m -> {
            MemberForm t = typed.get(m.id());
            return t == null ? m : withNeeds(m, t.vulnerabilities());
        }).toList();
        return new RegistrationForm(stored.originSettlementId(), form.currentSettlementId(), form.currentAddress(),
                stored.displacedOn(), form.phone(), stored.consentSharePartners(), stored.consentContact(),
                form.vulnerabilities(), members);
    }

    /**
     * The household as it will be once approved: this change's identity, members and consent over what the
     * household holds now (its phone, current place and needs, which may have been corrected since). Members who
     * stay keep their needs as stored; new members bring the needs proposed for them.
     */
    RegistrationForm applyTo(RegistrationForm current) {
        Map<Long, MemberForm> now = byId(current.members());
        List<MemberForm> merged = members.stream().map(p -> {
            MemberForm staying = p.personId == null ? null : now.get(p.personId);
            return p.toForm(staying == null ? null : p.personId,
                    staying == null ? p.needs() : staying.vulnerabilities());
        }).toList();
        return new RegistrationForm(originSettlementId, current.currentSettlementId(), current.currentAddress(),
                displacedOn, current.phone(), consentSharePartners, consentContact, current.vulnerabilities(), merged);
    }

    /** Before and after for the audit log: identity only, never a health or protection detail. */
    String describe() {
        return "origin=" + originSettlementId + ", displacedOn=" + displacedOn + ", consentPartners="
                + consentSharePartners + ", consentContact=" + consentContact + ", members=["
                + members.stream().map(ProposedMember::describe).collect(Collectors.joining("; ")) + "]";
    }

    long getHouseholdId() {
        return householdId;
    }

    String getProposedBy() {
        return proposedBy;
    }

    String getProposedAgency() {
        return proposedAgency;
    }

    Instant getProposedAt() {
        return proposedAt;
    }

    private static List<Object> identity(MemberForm m) {
        return java.util.Arrays.asList(strip(m.familyName()), strip(m.givenName()), strip(m.patronymic()), m.sex(),
                m.birthDate(), m.birthDateEstimated(), m.relation(), m.documentType(), strip(m.documentNumber()));
    }

    private static Map<Long, MemberForm> byId(List<MemberForm> members) {
        return members.stream().filter(m -> m.id() != null)
                .collect(Collectors.toMap(MemberForm::id, Function.identity(), (a, b) -> a));
    }

    private static MemberForm withNeeds(MemberForm m, Set<Vulnerability> needs) {
        return new MemberForm(m.id(), m.familyName(), m.givenName(), m.patronymic(), m.sex(), m.birthDate(),
                m.birthDateEstimated(), m.relation(), m.documentType(), m.documentNumber(), needs);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** One member as the change would make it; {@code personId} is null for a member the change adds. */
    @Embeddable
    static class ProposedMember {

        @Column(name = "person_id")
        private Long personId;

        @Column(name = "family_name", nullable = false, length = 100)
        private String familyName;

        @Column(name = "given_name", nullable = false, length = 100)
        private String givenName;

        @Column(length = 100)
        private String patronymic;

        @Enumerated(EnumType.STRING)
        @Column(length = 8)
        private Sex sex;

        @Column(name = "birth_date")
        private LocalDate birthDate;

        @Column(name = "birth_date_estimated", nullable = false)
        private boolean birthDateEstimated;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 16)
        private Relation relation;

        @Enumerated(EnumType.STRING)
        @Column(name = "document_type", length = 24)
        private DocumentType documentType;

        @Column(name = "document_number", length = 32)
        private String documentNumber;

        @Column(length = 300)
        private String vulnerabilities;

        @Column(name = "sensitive_vulnerabilities", length = 300)
        private String sensitiveVulnerabilities;

        protected ProposedMember() {
        }

        ProposedMember(MemberForm m) {
            this.personId = m.id();
            this.familyName = m.familyName().strip();
            this.givenName = m.givenName().strip();
            this.patronymic = strip(m.patronymic());
            this.sex = m.sex();
            this.birthDate = m.birthDate();
            this.birthDateEstimated = m.birthDateEstimated();
            this.relation = m.relation();
            this.documentType = m.documentType();
            this.documentNumber = strip(m.documentNumber());
            this.vulnerabilities = Vulnerability.join(m.vulnerabilities(), false);
            this.sensitiveVulnerabilities = Vulnerability.join(m.vulnerabilities(), true);
        }

        Set<Vulnerability> needs() {
            return Vulnerability.parse(vulnerabilities, sensitiveVulnerabilities);
        }

        MemberForm toForm(Long id, Set<Vulnerability> needs) {
            return new MemberForm(id, familyName, givenName, patronymic, sex, birthDate, birthDateEstimated, relation,
                    documentType, documentNumber, needs == null ? EnumSet.noneOf(Vulnerability.class) : needs);
        }

        String describe() {
            return familyName + " " + givenName + (patronymic == null ? "" : " " + patronymic) + " (" + relation
                    + ", " + sex + ", " + birthDate + (birthDateEstimated ? "~" : "") + ", "
                    + (documentType == null ? "no document" : documentType + " " + documentNumber)
                    + (personId == null ? ", new" : "") + ")";
        }
    }
}
