package org.fieldaid.household;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** One member as the officer types it. {@code id} is null for a member not saved yet. */
public record MemberForm(Long id, String familyName, String givenName, String patronymic, Sex sex,
                         LocalDate birthDate, boolean birthDateEstimated, Relation relation,
                         DocumentType documentType, String documentNumber, Set<Vulnerability> vulnerabilities) {

    public MemberForm {
        vulnerabilities = vulnerabilities == null || vulnerabilities.isEmpty() ? EnumSet.noneOf(Vulnerability.class)
                : EnumSet.copyOf(vulnerabilities);
    }
}
