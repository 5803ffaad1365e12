package org.fieldaid.journey;

public record VehicleForm(String kind, String plate, Integer seats) {
}
