package org.fieldaid.journey;

public record VehicleRow(long id, long convoyId, int seq, String kind, String plate, int seats, int seatsTaken) {

    public int free() {
        return seats - seatsTaken;
    }
}
