package org.fieldaid.journey;

import java.time.LocalDate;

/**
 * A traveller as the checkpoint sees them: who they are and which document they carry, nothing else. The number
 * itself is not sent to the barrier; only its last characters are shown, and the typed number is compared on the
 * server ({@link Checkpoint#check}).
 */
public record CheckpointTraveller(long id, String fullName, String sex, LocalDate birthDate, String documentType,
                                  String documentEnd, TravellerStatus status) {
}
