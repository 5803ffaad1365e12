package org.fieldaid.report;

import static org.fieldaid.security.Authority.Codes.REPORT_READ;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fieldaid.base.Caller;
import org.fieldaid.security.Capability;
import org.fieldaid.security.FieldAidUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collects the figures the features declare ({@link FigureSource}, {@link PlaceFigures}) into one report for the
 * reader, and masks small counts for partner organisations. The features check the reader's authority and
 * visibility themselves; this service checks that the reader may read reports at all.
 */
@Service
public class Dashboard {

    private final ObjectProvider<FigureSource> sources;
    private final ObjectProvider<PlaceFigures> places;
    private final Caller caller;

    /** The sources are looked up when asked: the features that declare them depend on this module. */
    Dashboard(ObjectProvider<FigureSource> sources, ObjectProvider<PlaceFigures> places, Caller caller) {
        this.sources = sources;
        this.places = places;
        this.caller = caller;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + REPORT_READ + "')")
    public Report report(ReportFilter filter, Locale locale) {
        boolean partner = partnerAudience();
        List<Report.Panel> panels = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        java.util.Set<String> atLeast = new java.util.HashSet<>();
        sources.orderedStream().forEach(source -> {
            List<Figure> figures = source.figures(filter, locale);
            for (Figure figure : figures) {
                totals.put(figure.id(), SmallCounts.mask(figure.total(), partner));
                if (partner && hasHiddenCells(figure)) {
                    // the true total less the cells shown would give the hidden ones away: count each as 1
                    totals.put(figure.id(), lowerBound(figure));
                    atLeast.add(figure.id());
                }
            }
            if (!figures.isEmpty()) {
                panels.add(new Report.Panel(source.panelKey(), figures.stream().map(f -> masked(f, partner))
                        .toList()));
            }
        });
        Map<Long, PlaceCount> byPlace = new LinkedHashMap<>();
        places.orderedStream().forEach(p -> p.bySettlement(filter).forEach((id, count) -> byPlace.put(id,
                new PlaceCount(SmallCounts.mask(count.displacedFrom(), partner),
                        SmallCounts.mask(count.returnedTo(), partner)))));
        return new Report(filter, List.copyOf(panels), byPlace, totals, java.util.Set.copyOf(atLeast), partner);
    }

    /** Whether the reader belongs to a partner organisation, whose screens hide small counts. */
    private boolean partnerAudience() {
        return caller.authentication().map(a -> a.getPrincipal() instanceof FieldAidUser user
                && user.hasCapability(Capability.PARTNER)).orElse(false);
    }

    private static boolean hasHiddenCells(Figure figure) {
        return figure.rows().stream().flatMap(r -> r.values().stream())
                .anyMatch(v -> SmallCounts.hidden(SmallCounts.mask(v, true)));
    }

    private static long lowerBound(Figure figure) {
        return figure.rows().stream().flatMap(r -> r.values().stream()).mapToLong(v ->
                SmallCounts.hidden(SmallCounts.mask(v, true)) ? 1 : v).sum();
    }

    private static Figure masked(Figure figure, boolean partner) {
        if (!partner) {
            return figure;
        }
        List<Figure.Row> rows = figure.rows().stream().map(r -> new Figure.Row(r.label(),
                r.values().stream().map(v -> SmallCounts.mask(v, true)).toList())).toList();
        return new Figure(figure.id(), figure.title(), figure.note(), figure.chart(), figure.rowHeader(),
                figure.series(), rows);
    }
}
