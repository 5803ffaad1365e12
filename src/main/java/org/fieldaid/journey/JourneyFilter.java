package org.fieldaid.journey;

import java.time.LocalDate;

/**
 * The journey board's filters; null is "any".
 *
 * @param flaggedApprovedByMe only flagged journeys that the caller approved
 */
public record JourneyFilter(JourneyStatus status, LocalDate date, Long convoyId, Long destinationId,
                            boolean flaggedOnly, boolean flaggedApprovedByMe) {

    public static JourneyFilter none() {
        return new JourneyFilter(null, null, null, null, false, false);
    }
}
