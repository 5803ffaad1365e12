package org.fieldaid.journey;

import java.util.List;

/** A family expected at the checkpoint: the registration number, where it is going, and its travellers. */
public record CheckpointJourney(long id, int version, String registrationNumber, long destinationId,
                                JourneyStatus status, List<CheckpointTraveller> travellers) {
}
