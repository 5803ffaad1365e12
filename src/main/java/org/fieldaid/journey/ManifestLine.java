package org.fieldaid.journey;

import java.time.LocalDate;

/** One traveller on a convoy's printed manifest: the vehicle, the person and their document. */
public record ManifestLine(long vehicleId, String registrationNumber, String fullName, LocalDate birthDate,
                           String documentType, String documentNumber, JourneyStatus journeyStatus) {
}
