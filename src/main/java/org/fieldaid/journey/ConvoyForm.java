package org.fieldaid.journey;

import java.time.LocalDate;
import java.util.List;

public record ConvoyForm(LocalDate date, String route, String checkpoint, String escortUnit,
                         List<VehicleForm> vehicles) {
}
