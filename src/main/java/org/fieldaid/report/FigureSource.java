package org.fieldaid.report;

import java.util.List;
import java.util.Locale;

/**
 * The dashboard's extension point: a feature declares a bean that counts what it owns (households, deliveries,
 * journeys, approvals), so that {@code report} knows none of them (decision 023). Panels appear in
 * {@link org.springframework.core.annotation.Order} order.
 *
 * <p>The bean checks the caller's authority on the server and counts only what the caller may see: a partner
 * organisation counts the households that consented to sharing, and what belongs to them. It returns no figures
 * when the caller's authorities do not cover it. It hands over true counts; the report hides small ones from
 * partners ({@link SmallCounts}).
 */
public interface FigureSource {

    /** Translation key of the panel's title. */
    String panelKey();

    /** The panel's figures for the filter, in the reader's language, or none when the caller may not see them. */
    List<Figure> figures(ReportFilter filter, Locale locale);
}
