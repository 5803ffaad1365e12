package org.fieldaid.journey;

import java.time.Instant;
import java.util.List;

/** A crossing as recorded at the checkpoint: when, by whom, how many crossed, and what did not match. */
public record CrossingRow(long id, long journeyId, String checkpoint, Instant crossedAt, String officer,
                          int crossed, String note, List<DiscrepancyRow> discrepancies) {
}
