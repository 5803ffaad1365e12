package org.fieldaid.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The weeks the figures by week are counted in: Monday to Sunday, as the region's calendars run. */
public final class Weeks {

    /** The most weeks a figure shows; an open-ended period shows the latest ones. */
    public static final int MOST = 26;

    private Weeks() {
    }

    public static LocalDate startOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
