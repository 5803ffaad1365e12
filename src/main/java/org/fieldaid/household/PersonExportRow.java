package org.fieldaid.household;

import java.time.LocalDate;

/** A member of a household as the persons list exports them. {@code sensitiveNeeds} as in households. */
public record PersonExportRow(String registrationNumber, HouseholdStatus householdStatus, Relation relation,
                              String familyName, String givenName, String patronymic, Sex sex, LocalDate birthDate,
                              boolean birthDateEstimated, DocumentType documentType, String documentNumber,
                              String needs, String sensitiveNeeds, Long originSettlementId, Long currentSettlementId,
                              boolean returned) {
}
