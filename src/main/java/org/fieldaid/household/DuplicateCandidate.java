package org.fieldaid.household;

import java.time.LocalDate;

/**
 * An existing person who may be the same as a member being registered.
 *
 * @param memberIndex which member of the form it resembles
 * @param reason DOCUMENT (the same document number) or NAME (a similar name and a birth date within a year)
 * @param score 0..1, higher is more alike
 */
public record DuplicateCandidate(int memberIndex, long householdId, String registrationNumber,
                                 HouseholdStatus status, long personId, String fullName, LocalDate birthDate,
                                 String documentNumber, String reason, double score) {
}
