package org.fieldaid.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCaption;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.fieldaid.report.Figure;
import org.fieldaid.report.PlaceCount;
import org.fieldaid.report.Report;
import org.fieldaid.report.SmallCounts;
import org.fieldaid.settlement.SettlementRow;

/**
 * The pieces the dashboard and the situation report share: a figure as a chart with its table, and the map with
 * its table. Every number goes through {@link SmallCounts#text}, so that a partner reads "&lt;5" everywhere.
 */
final class ReportParts {

    private ReportParts() {
    }

    /** @param tableOpen the table shown beside the chart (print), or folded under it (screen) */
    static Div figure(Component where, Figure figure, Report report, boolean tableOpen) {
        Locale locale = locale(where);
        Div card = new Div();
        card.addClassNames("report-figure", "report-figure-" + figure.id());
        card.setId("figure-" + figure.id());
        card.add(new H3(figure.title()));
        if (figure.note() != null) {
            Paragraph note = new Paragraph(figure.note());
            note.addClassName("report-note");
            card.add(note);
        }
        if (figure.rows().isEmpty()) {
            Paragraph none = new Paragraph(where.getTranslation("report.nothing"));
            none.addClassName("report-nothing");
            card.add(none);
            return card;
        }
        if (figure.chart() != Figure.Chart.TABLE) {
            Svg chart = new Svg(BarChart.svg(figure, summary(figure, locale), locale));
            chart.addClassName("report-chart-box");
            // the chart's own title and description name it; the table repeats it for those who read tables
            card.add(chart);
        }
        addTable(where, card, table(where, figure, report), tableOpen);
        return card;
    }

    /** The table beside its chart, or folded under it. */
    private static void addTable(Component where, Div card, NativeTable table, boolean open) {
        if (open) {
            card.add(table);
        } else {
            Details details = new Details(where.getTranslation("report.show-table"), table);
            details.addClassName("report-table-details");
            card.add(details);
        }
    }

    static NativeTable table(Component where, Figure figure, Report report) {
        Locale locale = locale(where);
        NativeTable table = new NativeTable();
        table.addClassName("report-table");
        NativeTableCaption caption = new NativeTableCaption();
        caption.setText(figure.title());
        table.add(caption);
        NativeTableHeader head = new NativeTableHeader();
        NativeTableRow headRow = new NativeTableRow();
        headRow.add(headerCell(figure.rowHeader(), "col"));
        figure.series().forEach(name -> headRow.add(headerCell(name, "col")));
        head.add(headRow);
        table.add(head);
        NativeTableBody body = new NativeTableBody();
        for (Figure.Row row : figure.rows()) {
            NativeTableRow tr = new NativeTableRow();
            tr.add(headerCell(row.label(), "row"));
            row.values().forEach(v -> tr.add(number(v, locale)));
            body.add(tr);
        }
        if (figure.series().size() == 1) {
            NativeTableRow total = new NativeTableRow();
            total.addClassName("report-total");
            total.add(headerCell(where.getTranslation("report.total"), "row"));
            NativeTableCell sum = new NativeTableCell(report.totalText(figure.id(), locale));
            sum.addClassName("report-number");
            total.add(sum);
            body.add(total);
        }
        table.add(body);
        return table;
    }

    static Div map(Component where, Report report, List<SettlementRow> settlements, boolean tableOpen) {
        Locale locale = locale(where);
        List<SettlementRow> origins = settlements.stream().filter(s -> !s.reception()).toList();
        Map<Long, PlaceCount> counts = report.places();
        Div card = new Div();
        card.addClassNames("report-figure", "report-map-card");
        card.setId("figure-map");
        card.add(new H3(where.getTranslation("report.map.title")));
        Paragraph note = new Paragraph(where.getTranslation("report.map.note"));
        note.addClassName("report-note");
        card.add(note);
        List<SettlementRow> withHouseholds = origins.stream().filter(s -> counts.containsKey(s.id()))
                .sorted(Comparator.comparingLong((SettlementRow s) -> order(counts.get(s.id()))).reversed()
                        .thenComparing(SettlementRow::code)).toList();
        String summary = withHouseholds.stream().limit(12).map(s -> s.label(locale) + ": "
                        + SmallCounts.text(counts.get(s.id()).displacedFrom(), locale) + " / "
                        + SmallCounts.text(counts.get(s.id()).returnedTo(), locale))
                .collect(Collectors.joining("; "));
        Svg map = new Svg(SettlementMap.svg(origins, counts, locale, key -> where.getTranslation(mapKey(key)),
                where.getTranslation("report.map.summary") + " " + summary));
        map.addClassName("report-map-box");
        card.add(map);
        addTable(where, card, mapTable(where, withHouseholds, counts), tableOpen);
        return card;
    }

    private static String mapKey(String key) {
        return key.startsWith("status.") ? "return-status." + key.substring(7) : "report.map." + key;
    }

    private static NativeTable mapTable(Component where, List<SettlementRow> places, Map<Long, PlaceCount> counts) {
        Locale locale = locale(where);
        NativeTable table = new NativeTable();
        table.addClassNames("report-table", "report-map-table");
        NativeTableCaption caption = new NativeTableCaption();
        caption.setText(where.getTranslation("report.map.table"));
        table.add(caption);
        NativeTableHeader head = new NativeTableHeader();
        NativeTableRow headRow = new NativeTableRow();
        for (String key : List.of("report.map.settlement", "report.map.return-status", "report.map.displaced",
                "report.map.returned")) {
            headRow.add(headerCell(where.getTranslation(key), "col"));
        }
        head.add(headRow);
        table.add(head);
        NativeTableBody body = new NativeTableBody();
        for (SettlementRow place : places) {
            PlaceCount count = counts.get(place.id());
            NativeTableRow tr = new NativeTableRow();
            tr.add(headerCell(place.label(locale), "row"));
            NativeTableCell status = new NativeTableCell(where.getTranslation("return-status." + place.returnStatus()));
            status.addClassName("report-status-" + place.returnStatus().name().toLowerCase(Locale.ROOT));
            tr.add(status, number(count.displacedFrom(), locale), number(count.returnedTo(), locale));
            body.add(tr);
        }
        table.add(body);
        return table;
    }

    private static long order(PlaceCount count) {
        return Math.max(count.displacedFrom(), count.returnedTo());
    }

    /** What the chart shows, in a sentence for a screen reader. */
    static String summary(Figure figure, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (Figure.Row row : figure.rows()) {
            if (figure.series().size() == 1) {
                parts.add(row.label() + ": " + SmallCounts.text(row.values().get(0), locale));
            } else {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < figure.series().size(); i++) {
                    cells.add(figure.series().get(i) + " " + SmallCounts.text(row.values().get(i), locale));
                }
                parts.add(row.label() + ": " + String.join(", ", cells));
            }
        }
        return String.join("; ", parts);
    }

    /** The reader's language; the component may not be attached yet while its view is being built. */
    private static Locale locale(Component where) {
        return where.getUI().map(com.vaadin.flow.component.UI::getLocale).orElseGet(() -> {
            com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
            return ui == null ? Locale.ENGLISH : ui.getLocale();
        });
    }

    private static NativeTableHeaderCell headerCell(String text, String scope) {
        NativeTableHeaderCell cell = new NativeTableHeaderCell(text);
        cell.getElement().setAttribute("scope", scope);
        return cell;
    }

    private static NativeTableCell number(long value, Locale locale) {
        NativeTableCell cell = new NativeTableCell(SmallCounts.text(value, locale));
        cell.addClassName("report-number");
        return cell;
    }
}
