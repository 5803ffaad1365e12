package org.fieldaid.report;

import java.util.Map;

/**
 * The map's extension point: the feature that knows where households come from counts them per settlement of
 * origin, with the same authority and visibility rules as {@link FigureSource}.
 */
public interface PlaceFigures {

    /** Counts by settlement id; a settlement without households is absent. Empty when the caller may not see them. */
    Map<Long, PlaceCount> bySettlement(ReportFilter filter);
}
