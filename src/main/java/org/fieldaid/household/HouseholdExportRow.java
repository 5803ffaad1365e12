package org.fieldaid.household;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A household as the list exports it. {@code sensitiveNeeds} is null for a caller without {@code PII:SENSITIVE}.
 * Needs are the codes joined with commas ({@code LOST_HOME,ELDERLY_ALONE}).
 */
public record HouseholdExportRow(long id, String registrationNumber, HouseholdStatus status, String headFamilyName,
                                 String headGivenName, int memberCount, Long originSettlementId,
                                 Long currentSettlementId, String currentAddress, LocalDate displacedOn, String phone,
                                 boolean consentSharePartners, boolean consentContact, String needs,
                                 String sensitiveNeeds, String agencyCode, Instant registeredAt) {
}
