package org.fieldaid.report;

import java.time.Instant;
import java.time.LocalDate;
import org.fieldaid.base.ui.Formats;

/**
 * What the dashboard and the situation report are filtered on; any part may be null ("any").
 *
 * @param from the first day of the period, inclusive
 * @param to the last day of the period, inclusive
 * @param agencyCode only what this agency recorded (registered, delivered, planned)
 */
public record ReportFilter(LocalDate from, LocalDate to, String agencyCode) {

    /** A typed agency is looked for as far as any stored code could hold it (decision 030). */
    public ReportFilter {
        agencyCode = org.fieldaid.base.TextInput.forSearch(agencyCode);
        // a period reaching past what the database's dates hold (year 99999) is a period without that bound
        from = from != null && from.isBefore(LocalDate.of(1900, 1, 1)) ? null : from;
        to = to != null && to.isAfter(LocalDate.of(9999, 12, 31)) ? null : to;
    }

    public static ReportFilter none() {
        return new ReportFilter(null, null, null);
    }

    /** The first day as a lower bound, or the start of time (PostgreSQL cannot type a null in "? is null"). */
    public LocalDate fromOrEarliest() {
        return from == null ? LocalDate.of(1900, 1, 1) : from;
    }

    public LocalDate toOrLatest() {
        return to == null ? LocalDate.of(9999, 12, 31) : to;
    }

    /** The period's start as an instant on the centre's clock, for columns that hold a moment. */
    public Instant fromInstant() {
        return fromOrEarliest().atStartOfDay(Formats.ZONE).toInstant();
    }

    /** The moment after the period's last day ends, exclusive. */
    public Instant toInstantExclusive() {
        return to == null ? Instant.parse("9999-12-31T00:00:00Z") : to.plusDays(1).atStartOfDay(Formats.ZONE)
                .toInstant();
    }

    /** The agency, or "" for any, so that a query can say {@code (? = '' OR agency_code = ?)}. */
    public String agencyOrAny() {
        return agencyCode == null ? "" : agencyCode;
    }
}
