package org.fieldaid.report.ui;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldaid.report.ReportFilter;

/**
 * The report's filter in the address ({@code ?from=2020-10-01&to=2020-10-31&agency=MCHS}), so that a dashboard
 * and its situation report can be bookmarked, forwarded and printed for the same period. What cannot be read is
 * left out rather than guessed.
 */
final class ReportQuery {

    /** The agencies the filter offers, as the household list offers them. */
    static final List<String> AGENCIES = List.of("MCHS", "MOD", "HEALTH", "BORDER", "MFA", "PARTNER");

    private ReportQuery() {
    }

    static ReportFilter read(QueryParameters query) {
        LocalDate from = date(query, "from").orElse(null);
        LocalDate to = date(query, "to").orElse(null);
        if (from != null && to != null && to.isBefore(from)) {
            to = null;
        }
        String agency = query.getSingleParameter("agency").filter(AGENCIES::contains).orElse(null);
        return new ReportFilter(from, to, agency);
    }

    static QueryParameters write(ReportFilter filter) {
        Map<String, String> params = new LinkedHashMap<>();
        if (filter.from() != null) {
            params.put("from", filter.from().toString());
        }
        if (filter.to() != null) {
            params.put("to", filter.to().toString());
        }
        if (filter.agencyCode() != null) {
            params.put("agency", filter.agencyCode());
        }
        return QueryParameters.simple(params);
    }

    static String link(String route, ReportFilter filter) {
        String query = write(filter).getQueryString();
        return query.isEmpty() ? route : route + "?" + query;
    }

    private static Optional<LocalDate> date(QueryParameters query, String name) {
        return query.getSingleParameter(name).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        });
    }
}
