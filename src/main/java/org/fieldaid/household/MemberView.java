package org.fieldaid.household;

import java.time.LocalDate;
import java.util.Set;

public record MemberView(long id, String familyName, String givenName, String patronymic, Sex sex,
                         LocalDate birthDate, boolean birthDateEstimated, Relation relation,
                         DocumentType documentType, String documentNumber, Set<Vulnerability> vulnerabilities,
                         boolean returned) {

    public String fullName() {
        return familyName + " " + givenName + (patronymic == null ? "" : " " + patronymic);
    }

    public MemberForm toForm() {
        return new MemberForm(id, familyName, givenName, patronymic, sex, birthDate, birthDateEstimated, relation,
                documentType, documentNumber, vulnerabilities);
    }
}
