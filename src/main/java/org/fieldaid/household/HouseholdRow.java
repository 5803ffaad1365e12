package org.fieldaid.household;

import java.time.LocalDate;

/** One line of the household list. */
public record HouseholdRow(long id, String registrationNumber, HouseholdStatus status, String headFamilyName,
                           String headGivenName, int memberCount, Long originSettlementId, Long currentSettlementId,
                           LocalDate displacedOn, String agencyCode) {
}
