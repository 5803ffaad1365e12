package org.fieldaid.journey;

/** A traveller of a journey, as the journey's page shows them. */
public record TravellerRow(long id, long personId, String fullName, long vehicleId, String vehiclePlate,
                           TravellerStatus status) {
}
