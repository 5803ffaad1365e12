package org.fieldaid.household;

import java.time.LocalDate;

/**
 * An existing person who may be the same as a member being registered.
 *
 * @param memberIndex which member of the form it resembles
 * @param reason DOCUMENT (the same document number) or NAME (a similar name and a birth date within a year)
 * @param score 0..1, higher is more alike
 * @param agencyCode the agency that registers or registered the household
 * @param redacted the match is in a record the caller may not open (another agency's draft): only the agency,
 *                 the member it resembles and the reason are told; ids, name, birth date and numbers are empty
 */
public record DuplicateCandidate(int memberIndex, long householdId, String registrationNumber,
                                 HouseholdStatus status, long personId, String fullName, LocalDate birthDate,
                                 String documentNumber, String reason, double score, String agencyCode,
                                 boolean redacted) {

    /** What may be told about this match to someone who may not open its household. */
    DuplicateCandidate redact() {
        return new DuplicateCandidate(memberIndex, 0, null, null, 0, null, null, null, reason, score, agencyCode, true);
    }
}
