package org.fieldaid.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldaid.journey.JourneyStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The journey's state machine, pair by pair: every move not in the table is refused. */
class JourneyStatusTest {

    static final Map<JourneyStatus, Set<JourneyStatus>> ALLOWED = Map.of(
            PLANNED, EnumSet.of(SUBMITTED, ABORTED),
            SUBMITTED, EnumSet.of(APPROVED, REJECTED, ABORTED),
            APPROVED, EnumSet.of(DEPARTED, ABORTED),
            DEPARTED, EnumSet.of(CROSSED, ABORTED),
            CROSSED, EnumSet.of(ARRIVED, ABORTED),
            ARRIVED, EnumSet.noneOf(JourneyStatus.class),
            REJECTED, EnumSet.noneOf(JourneyStatus.class),
            ABORTED, EnumSet.noneOf(JourneyStatus.class));

    @Test
    void everyTransitionOutsideTheTableIsRefused() {
        int refused = 0;
        for (JourneyStatus from : values()) {
            for (JourneyStatus to : values()) {
                boolean expected = ALLOWED.get(from).contains(to);
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(expected);
                if (!expected) {
                    refused++;
                }
            }
        }
        assertThat(refused).isEqualTo(64 - 11);
    }

    @Test
    void onlyArrivedRejectedAndAbortedEndAJourney() {
        assertThat(EnumSet.allOf(JourneyStatus.class).stream().filter(JourneyStatus::ended))
                .containsExactlyInAnyOrder(ARRIVED, REJECTED, ABORTED);
    }

    @Test
    void seatsAreHeldFromPlanningUntilDeparture() {
        assertThat(EnumSet.allOf(JourneyStatus.class).stream().filter(JourneyStatus::holdsSeats))
                .containsExactlyInAnyOrder(PLANNED, SUBMITTED, APPROVED);
    }

    @Test
    void theBarrierComparesNumbersAfterTheRegistrysNormalisation() {
        String onFile = org.fieldaid.household.DocumentType.normalise("AN1234567");
        // the series typed in Cyrillic, lower case, with spaces and a dash
        assertThat(Checkpoint.compare(onFile, "ан 123-45 67")).isEqualTo(DocumentCheck.MATCH);
        assertThat(Checkpoint.compare(onFile, " AN 1234567 ")).isEqualTo(DocumentCheck.MATCH);
        assertThat(Checkpoint.compare(onFile, "AN1234568")).isEqualTo(DocumentCheck.MISMATCH);
        assertThat(Checkpoint.compare(null, "AN1234567")).isEqualTo(DocumentCheck.NONE_ON_FILE);
    }
}
