package org.fieldaid.journey;

import java.time.Instant;

/**
 * A checkpoint crossing as the crossings list exports it: one row per crossing, its discrepancies counted and
 * written out ({@code MISSING: Anna Petrosyan; DOCUMENT_MISMATCH: Karen Sargsyan (AM1234567)}).
 */
public record CrossingExportRow(long id, long journeyId, String registrationNumber, long destinationId,
                                int travellers, String checkpoint, Instant crossedAt, String officer, int crossed,
                                int discrepancies, String discrepancyDetails, String note) {
}
