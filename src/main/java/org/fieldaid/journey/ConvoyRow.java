package org.fieldaid.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record ConvoyRow(long id, int version, LocalDate date, String route, String checkpoint, String escortUnit,
                        ConvoyStatus status, String agencyCode, Instant departedAt, String departedBy,
                        List<VehicleRow> vehicles) {

    public int seats() {
        return vehicles.stream().mapToInt(VehicleRow::seats).sum();
    }

    public int free() {
        return vehicles.stream().mapToInt(VehicleRow::free).sum();
    }
}
