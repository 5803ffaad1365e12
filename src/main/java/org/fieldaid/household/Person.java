package org.fieldaid.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Set;

@Entity
@Table(name = "person")
class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "household_id")
    private Household household;

    @Column(nullable = false)
    private int position;

    @Column(name = "family_name", nullable = false, length = 100)
    private String familyName;

    @Column(name = "given_name", nullable = false, length = 100)
    private String givenName;

    @Column(length = 100)
    private String patronymic;

    @Column(name = "family_folded", nullable = false, length = 100)
    private String familyFolded;

    @Column(name = "given_folded", nullable = false, length = 100)
    private String givenFolded;

    /** Null only while the household is a draft. */
    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private Sex sex;

    /** Null only while the household is a draft. */
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

    @Column(name = "document_normalised", length = 32)
    private String documentNormalised;

    @Column(length = 300)
    private String vulnerabilities;

    @Column(name = "sensitive_vulnerabilities", length = 300)
    private String sensitiveVulnerabilities;

    @Column(nullable = false)
    private boolean returned;

    protected Person() {
    }

    Person(Household household) {
        this.household = household;
    }

    /** @param keepSensitive the caller may not see sensitive details: keep what is stored */
    void apply(MemberForm form, int position, boolean keepSensitive) {
        this.position = position;
        this.familyName = form.familyName().strip();
        this.givenName = form.givenName().strip();
        this.patronymic = blankToNull(form.patronymic());
        this.familyFolded = clip(NameKeys.fold(familyName), 100);
        this.givenFolded = clip(NameKeys.fold(givenName), 100);
        this.sex = form.sex();
        this.birthDate = form.birthDate();
        this.birthDateEstimated = form.birthDateEstimated();
        this.relation = form.relation();
        this.documentType = form.documentType();
        this.documentNumber = blankToNull(form.documentNumber());
        this.documentNormalised = documentNumber == null ? null : clip(DocumentType.normalise(documentNumber), 32);
        this.vulnerabilities = Vulnerability.join(form.vulnerabilities(), false);
        if (!keepSensitive) {
            this.sensitiveVulnerabilities = Vulnerability.join(form.vulnerabilities(), true);
        }
    }

    void markReturned() {
        this.returned = true;
    }

    boolean isReturned() {
        return returned;
    }

    Long getId() {
        return id;
    }

    String getFamilyName() {
        return familyName;
    }

    String getGivenFolded() {
        return givenFolded;
    }

    Sex getSex() {
        return sex;
    }

    String getGivenName() {
        return givenName;
    }

    LocalDate getBirthDate() {
        return birthDate;
    }

    Relation getRelation() {
        return relation;
    }

    Set<Vulnerability> allVulnerabilities() {
        return Vulnerability.parse(vulnerabilities, sensitiveVulnerabilities);
    }

    MemberView toView(boolean withSensitive) {
        Set<Vulnerability> shown = withSensitive ? allVulnerabilities() : Vulnerability.parse(vulnerabilities);
        return new MemberView(id, familyName, givenName, patronymic, sex, birthDate, birthDateEstimated, relation,
                documentType, documentNumber, shown, returned);
    }

    String describe(boolean withSensitive) {
        return familyName + " " + givenName + (patronymic == null ? "" : " " + patronymic) + " (" + relation + ", "
                + sex + ", " + birthDate + (birthDateEstimated ? "~" : "") + ", "
                + (documentType == null ? "no document" : documentType + " " + documentNumber) + ", "
                + (withSensitive ? allVulnerabilities() : Vulnerability.parse(vulnerabilities)) + ")";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
