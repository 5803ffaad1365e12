package org.fieldaid.household;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@Entity
@Table(name = "household")
class Household {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "registration_number", unique = true, length = 20)
    private String registrationNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private HouseholdStatus status = HouseholdStatus.DRAFT;

    @Column(name = "head_family_name", nullable = false, length = 100)
    private String headFamilyName;

    @Column(name = "head_given_name", nullable = false, length = 100)
    private String headGivenName;

    @Column(name = "member_count", nullable = false)
    private int memberCount;

    /** Null only while a draft. */
    @Column(name = "origin_settlement_id")
    private Long originSettlementId;

    /** Null only while a draft. */
    @Column(name = "current_settlement_id")
    private Long currentSettlementId;

    @Column(name = "current_address", length = 200)
    private String currentAddress;

    /** Null only while a draft. */
    @Column(name = "displaced_on")
    private LocalDate displacedOn;

    @Column(length = 32)
    private String phone;

    @Column(name = "consent_share_partners", nullable = false)
    private boolean consentSharePartners;

    @Column(name = "consent_contact", nullable = false)
    private boolean consentContact;

    @Column(length = 300)
    private String vulnerabilities;

    @Column(name = "sensitive_vulnerabilities", length = 300)
    private String sensitiveVulnerabilities;

    /** Every need of the household and its members, ",LOST_HOME,PREGNANT,": the list filter reads it from an index. */
    @Column(length = 400)
    private String needs;

    @Column(name = "agency_code", nullable = false, length = 32)
    private String agencyCode;

    @Column(name = "registered_by", nullable = false, length = 64)
    private String registeredBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "rejection_reason", length = 500)
    private String rejectionReason;

    @Column(name = "duplicate_justification", length = 1000)
    private String duplicateJustification;

    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Person> members = new ArrayList<>();

    /**
     * Who created or changed the household since its last decision, ",a,b,": four eyes over the data, so that
     * none of them decides its next request. Null for households loaded before V010 and never changed since.
     */
    @Column(length = 1000)
    private String contributors;

    @Version
    private int version;

    protected Household() {
    }

    Household(String agencyCode, String registeredBy, Instant now) {
        this.agencyCode = agencyCode;
        this.registeredBy = registeredBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Human-friendly and unique, from the year of registration and the id: FA-2020-004217. */
    void assignRegistrationNumber() {
        if (registrationNumber == null) {
            registrationNumber = "FA-%d-%06d".formatted(createdAt.atZone(ZoneOffset.UTC).getYear(), id);
        }
    }

    /**
     * Takes the form's values. Members keep their identity by id; a caller without PII:SENSITIVE cannot see
     * sensitive details, so the stored ones are kept instead of being wiped.
     */
    void apply(RegistrationForm form, boolean keepSensitive, Instant now) {
        if (!editable()) {
            throw new IllegalStateException("Household " + id + " cannot be edited while " + status);
        }
        this.originSettlementId = form.originSettlementId();
        this.currentSettlementId = form.currentSettlementId();
        this.currentAddress = blankToNull(form.currentAddress());
        this.displacedOn = form.displacedOn();
        this.phone = blankToNull(form.phone());
        this.consentSharePartners = form.consentSharePartners();
        this.consentContact = form.consentContact();
        this.vulnerabilities = Vulnerability.join(form.vulnerabilities(), false);
        if (!keepSensitive) {
            this.sensitiveVulnerabilities = Vulnerability.join(form.vulnerabilities(), true);
        }
        Map<Long, Person> existing = new HashMap<>();
        members.forEach(p -> existing.put(p.getId(), p));
        List<Person> updated = new ArrayList<>();
        for (int i = 0; i < form.members().size(); i++) {
            MemberForm m = form.members().get(i);
            Person person = m.id() == null ? null : existing.get(m.id());
            boolean known = person != null;
            if (!known) {
                person = new Person(this);
            }
            person.apply(m, i, keepSensitive && known);
            updated.add(person);
        }
        members.retainAll(updated);
        updated.stream().filter(p -> !members.contains(p)).forEach(members::add);
        Person head = members.stream().filter(p -> p.getRelation() == Relation.HEAD).findFirst().orElseThrow();
        this.headFamilyName = head.getFamilyName();
        this.headGivenName = head.getGivenName();
        this.memberCount = members.size();
        this.needs = Vulnerability.marker(allVulnerabilities());
        this.updatedAt = now;
    }

    boolean editable() {
        return status == HouseholdStatus.DRAFT || status == HouseholdStatus.REJECTED
                || status == HouseholdStatus.REGISTERED;
    }

    void submit(String justification, Instant now) {
        if (status != HouseholdStatus.DRAFT && status != HouseholdStatus.REJECTED) {
            throw new IllegalStateException("Only a draft or a rejected registration can be submitted, not " + status);
        }
        this.status = HouseholdStatus.SUBMITTED;
        this.submittedAt = now;
        this.duplicateJustification = blankToNull(justification);
        this.rejectionReason = null;
        this.decidedAt = null;
        this.decidedBy = null;
    }

    void decide(boolean approved, String reason, String decider, Instant now) {
        if (status != HouseholdStatus.SUBMITTED) {
            throw new IllegalStateException("Household " + id + " is not awaiting a decision but " + status);
        }
        this.status = approved ? HouseholdStatus.REGISTERED : HouseholdStatus.REJECTED;
        this.rejectionReason = approved ? null : reason;
        this.decidedBy = decider;
        this.decidedAt = now;
        this.contributors = null;
    }

    /** A decision on a change request; the next request starts a new list of contributors. */
    /**
     * Marks the members who arrived home as returned; the household becomes RETURNED once every member has.
     *
     * @return the members marked now (not those marked before)
     */
    List<Person> markReturned(java.util.Collection<Long> personIds) {
        if (status != HouseholdStatus.REGISTERED) {
            throw new IllegalStateException("Household " + id + " cannot return while " + status);
        }
        List<Person> marked = members.stream().filter(p -> personIds.contains(p.getId()) && !p.isReturned()).toList();
        marked.forEach(Person::markReturned);
        if (members.stream().allMatch(Person::isReturned)) {
            status = HouseholdStatus.RETURNED;
        }
        return marked;
    }

    void changeDecided() {
        this.contributors = null;
    }

    void touchedBy(String username) {
        Set<String> all = new java.util.TreeSet<>(contributorsSinceDecision());
        all.add(username);
        this.contributors = "," + String.join(",", all) + ",";
    }

    /** Never decided and never changed since V010: whoever registered it created it. */
    Set<String> contributorsSinceDecision() {
        if (contributors == null) {
            return decidedAt == null ? Set.of(registeredBy) : Set.of();
        }
        return java.util.Arrays.stream(contributors.split(",")).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The head's name, who speaks for the household when it gives or withdraws a consent. */
    String headName() {
        return headFamilyName + " " + headGivenName;
    }

    boolean isConsentContact() {
        return consentContact;
    }

    Set<Vulnerability> allVulnerabilities() {
        Set<Vulnerability> all = EnumSet.noneOf(Vulnerability.class);
        all.addAll(Vulnerability.parse(vulnerabilities, sensitiveVulnerabilities));
        members.forEach(p -> all.addAll(p.allVulnerabilities()));
        return all;
    }

    HouseholdDetails toDetails(boolean withSensitive) {
        Set<Vulnerability> shown = withSensitive ? Vulnerability.parse(vulnerabilities, sensitiveVulnerabilities)
                : Vulnerability.parse(vulnerabilities);
        return new HouseholdDetails(id, version, registrationNumber, status, originSettlementId, currentSettlementId,
                currentAddress, displacedOn, phone, consentSharePartners, consentContact, shown,
                members.stream().map(p -> p.toView(withSensitive)).toList(), agencyCode, registeredBy, createdAt,
                submittedAt, decidedAt, decidedBy, rejectionReason, duplicateJustification, withSensitive);
    }

    /**
     * Before and after values for the audit log and the concurrent-edit message. They never mention health and
     * protection details, not even that some are on file: the history is read by people without PII:SENSITIVE
     * (partners, officers of other agencies, auditors), and "sensitive=recorded" told them that a survivor or a
     * disability was there. The row of a change that touched only such details still shows who changed the
     * household and when.
     */
    String describe() {
        return "status=" + status + ", origin=" + originSettlementId + ", current=" + currentSettlementId
                + (currentAddress == null ? "" : " (" + currentAddress + ")") + ", displacedOn=" + displacedOn
                + ", phone=" + phone + ", consentPartners=" + consentSharePartners + ", consentContact="
                + consentContact + ", vulnerabilities=" + Vulnerability.parse(vulnerabilities) + ", members=["
                + members.stream().map(p -> p.describe(false)).collect(Collectors.joining("; ")) + "]";
    }

    Long getId() {
        return id;
    }

    String getRegistrationNumber() {
        return registrationNumber;
    }

    HouseholdStatus getStatus() {
        return status;
    }

    String getAgencyCode() {
        return agencyCode;
    }

    boolean isConsentSharePartners() {
        return consentSharePartners;
    }

    int getVersion() {
        return version;
    }

    List<Person> getMembers() {
        return members;
    }

    String label() {
        return registrationNumber + " · " + headFamilyName + " " + headGivenName;
    }

    HouseholdRow toRow() {
        return new HouseholdRow(id, registrationNumber, status, headFamilyName, headGivenName, memberCount,
                originSettlementId, currentSettlementId, displacedOn, agencyCode);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
