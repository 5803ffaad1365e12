package org.fieldaid.household;

import java.time.Instant;

/**
 * A consent as recorded: who in the family gave or withdrew it, to which agency (through which officer), when,
 * and who approved it when it came as a change to a registered household.
 */
public record ConsentView(Purpose purpose, boolean granted, String givenBy, String recordedBy, String agencyCode,
                          Instant givenAt, String approvedBy) {

    public enum Purpose {
        /** Partner organisations may read the household. */
        SHARE_PARTNERS,
        /** The family may be contacted. */
        CONTACT
    }
}
