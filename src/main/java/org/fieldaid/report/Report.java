package org.fieldaid.report;

import java.util.List;
import java.util.Map;

/**
 * The dashboard's and the situation report's content for one reader, with the small counts already masked for a
 * partner ({@link SmallCounts}).
 *
 * @param panels the features' figures, in their order
 * @param places the map's counts by settlement id
 * @param totals each figure's total by its id, counted before masking and then masked
 * @param totalsAtLeast the figures whose total is only a lower bound: a partner's figure with hidden cells, whose
 *                      true total would give the hidden cells away by subtraction
 * @param smallCountsHidden whether counts below {@link SmallCounts#THRESHOLD} are shown as "&lt;5"
 */
public record Report(ReportFilter filter, List<Panel> panels, Map<Long, PlaceCount> places, Map<String, Long> totals,
                     java.util.Set<String> totalsAtLeast, boolean smallCountsHidden) {

    /** @param titleKey translation key of the panel's title */
    public record Panel(String titleKey, List<Figure> figures) {
    }

    /** A figure's total, masked as its cells are. */
    public long total(String figureId) {
        return totals.getOrDefault(figureId, 0L);
    }

    /** A figure's total as text: "≥ n" where it is only a lower bound. */
    public String totalText(String figureId, java.util.Locale locale) {
        return (totalsAtLeast.contains(figureId) ? "≥" : "") + SmallCounts.text(total(figureId), locale);
    }

    /** A figure by its id, for the situation report's key figures and for tests. */
    public java.util.Optional<Figure> figure(String id) {
        return panels.stream().flatMap(p -> p.figures().stream()).filter(f -> f.id().equals(id)).findFirst();
    }
}
