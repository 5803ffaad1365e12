package org.fieldaid.journey;

import java.time.LocalDate;
import java.util.List;

/** A convoy expected at the checkpoint today, with its vehicles and the families it carries. */
public record CheckpointConvoy(long id, LocalDate date, String route, String checkpoint, String escortUnit,
                               ConvoyStatus status, List<Vehicle> vehicles, List<CheckpointJourney> journeys) {

    public record Vehicle(String kind, String plate) {
    }
}
