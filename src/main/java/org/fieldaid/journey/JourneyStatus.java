package org.fieldaid.journey;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a return journey stands. Seats are held from PLANNED; REJECTED and ABORTED give them back. ARRIVED,
 * REJECTED and ABORTED end a journey, and only an ended journey lets its travellers be booked again.
 */
public enum JourneyStatus {
    PLANNED,
    SUBMITTED,
    APPROVED,
    DEPARTED,
    CROSSED,
    ARRIVED,
    REJECTED,
    ABORTED;

    public Set<JourneyStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(SUBMITTED, ABORTED);
            case SUBMITTED -> EnumSet.of(APPROVED, REJECTED, ABORTED);
            case APPROVED -> EnumSet.of(DEPARTED, ABORTED);
            case DEPARTED -> EnumSet.of(CROSSED, ABORTED);
            case CROSSED -> EnumSet.of(ARRIVED, ABORTED);
            case ARRIVED, REJECTED, ABORTED -> EnumSet.noneOf(JourneyStatus.class);
        };
    }

    public boolean canMoveTo(JourneyStatus to) {
        return next().contains(to);
    }

    public boolean ended() {
        return next().isEmpty();
    }

    /** Whether the journey still holds seats on its convoy (it has not left, and has not ended). */
    public boolean holdsSeats() {
        return this == PLANNED || this == SUBMITTED || this == APPROVED;
    }
}
