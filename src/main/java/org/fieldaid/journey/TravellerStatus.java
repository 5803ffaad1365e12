package org.fieldaid.journey;

/** One traveller's part of a journey. */
public enum TravellerStatus {
    BOOKED,
    CROSSED,
    /** not at the checkpoint when the convoy crossed */
    MISSING,
    ARRIVED,
    /** crossed, but did not reach the destination */
    NOT_ARRIVED,
    /** the journey was rejected or aborted */
    RELEASED
}
