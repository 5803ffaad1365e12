package org.fieldaid.report.ui;

import static org.fieldaid.report.ui.SvgText.escape;

import java.util.List;
import java.util.Locale;
import org.fieldaid.report.Figure;
import org.fieldaid.report.SmallCounts;

/**
 * A figure drawn as horizontal bars in SVG on the server: one bar per row (the series side by side, or stacked),
 * labels on the left where long names have room, the count at the end of each bar. A count hidden from a partner
 * is a hatched stub marked "&lt;5". The SVG carries the figure's title and a summary for screen readers; the page
 * shows the same numbers as a table beside it.
 */
final class BarChart {

    static final String[] PALETTE = {"#1f6fb2", "#e0892b", "#3a9a5b", "#b5425e", "#7b5ea7", "#8c6d31", "#2f9ea0",
            "#6b6b6b"};

    private static final double WIDTH = 440;
    private static final double FONT = 12.5;
    private static final double BAR = 16;
    private static final double GAP = 10;
    private static final double LEGEND_ROW = 22;

    private BarChart() {
    }

    static String svg(Figure figure, String summary, Locale locale) {
        boolean stacked = figure.chart() == Figure.Chart.STACKED || figure.series().size() == 1;
        int perRow = stacked ? 1 : figure.series().size();
        double labelWidth = Math.min(WIDTH * 0.36, Math.max(60, figure.rows().stream()
                .mapToDouble(r -> SvgText.width(r.label(), FONT)).max().orElse(60) + 8));
        double numberRoom = SvgText.width("00 000", FONT) + 10;
        double plotX = labelWidth + 8;
        double plotWidth = WIDTH - plotX - numberRoom;
        double max = Math.max(1, figure.rows().stream().mapToDouble(r -> stacked ? shown(r.values())
                : r.values().stream().mapToDouble(BarChart::length).max().orElse(0)).max().orElse(1));
        double scale = plotWidth / niceCeiling(max);

        double rowHeight = Math.max(perRow * BAR + (perRow - 1) * 2, 2 * FONT + 4) + GAP;
        double legendHeight = figure.series().size() > 1 ? legendRows(figure.series()) * LEGEND_ROW + 6 : 0;
        double top = legendHeight + 4;
        double height = top + Math.max(1, figure.rows().size()) * rowHeight + 22;

        String id = "chart-" + figure.id();
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\" role=\"img\" width=\"")
                .append(n(WIDTH)).append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ")
                .append(n(WIDTH)).append(' ').append(n(height)).append("\" aria-labelledby=\"").append(id)
                .append("-title ").append(id).append("-desc\" font-family=\"system-ui, 'Segoe UI', Roboto, "
                        + "'Noto Sans', 'Noto Sans Armenian', sans-serif\" font-size=\"").append(n(FONT)).append("\">");
        s.append("<title id=\"").append(id).append("-title\">").append(escape(figure.title())).append("</title>");
        s.append("<desc id=\"").append(id).append("-desc\">").append(escape(summary)).append("</desc>");
        s.append("<defs><pattern id=\"").append(id).append("-hidden\" width=\"6\" height=\"6\" "
                + "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
                + "fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555\" stroke-width=\"3\"/>"
                + "</pattern></defs>");
        if (figure.series().size() > 1) {
            legend(s, figure.series());
        }
        gridLines(s, plotX, top, plotWidth, height - top - 18, niceCeiling(max), scale, locale);
        if (figure.rows().isEmpty()) {
            s.append("<text x=\"").append(n(plotX)).append("\" y=\"").append(n(top + FONT + 4))
                    .append("\" fill=\"#555\">—</text>");
        }
        double y = top + GAP / 2;
        for (Figure.Row row : figure.rows()) {
            rowLabel(s, row.label(), labelWidth, y + (rowHeight - GAP) / 2);
            if (stacked) {
                stackedBar(s, id, row.values(), plotX, y + (rowHeight - GAP - BAR) / 2, scale, locale);
            } else {
                double barY = y + (rowHeight - GAP - (perRow * BAR + (perRow - 1) * 2)) / 2;
                for (int i = 0; i < row.values().size(); i++) {
                    bar(s, id, row.values().get(i), PALETTE[i % PALETTE.length], plotX, barY + i * (BAR + 2),
                            scale, locale);
                }
            }
            y += rowHeight;
        }
        s.append("</svg>");
        return s.toString();
    }

    private static void rowLabel(StringBuilder s, String label, double width, double middle) {
        List<String> lines = SvgText.wrap(label, width - 4, FONT, 2);
        double first = middle - (lines.size() - 1) * (FONT + 1) / 2 + FONT * 0.35;
        s.append("<text text-anchor=\"end\" fill=\"#222\">");
        if (!lines.get(lines.size() - 1).equals(label) || lines.size() > 1) {
            s.append("<title>").append(escape(label)).append("</title>");
        }
        for (int i = 0; i < lines.size(); i++) {
            s.append("<tspan x=\"").append(n(width)).append("\" y=\"").append(n(first + i * (FONT + 1))).append("\">")
                    .append(escape(lines.get(i))).append("</tspan>");
        }
        s.append("</text>");
    }

    private static void bar(StringBuilder s, String id, long value, String colour, double x, double y, double scale,
                            Locale locale) {
        double w = length(value) * scale;
        String fill = SmallCounts.hidden(value) ? "url(#" + id + "-hidden)" : colour;
        if (w > 0) {
            s.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                    .append("\" height=\"").append(n(BAR)).append("\" fill=\"").append(fill).append("\"")
                    .append(SmallCounts.hidden(value) ? " stroke=\"" + colour + "\"" : "").append("/>");
        }
        s.append("<text x=\"").append(n(x + w + 4)).append("\" y=\"").append(n(y + BAR * 0.78))
                .append("\" fill=\"#222\">").append(escape(SmallCounts.text(value, locale))).append("</text>");
    }

    private static void stackedBar(StringBuilder s, String id, List<Long> values, double x, double y, double scale,
                                   Locale locale) {
        double at = x;
        boolean anyHidden = false;
        long total = 0;
        for (int i = 0; i < values.size(); i++) {
            long value = values.get(i);
            anyHidden |= SmallCounts.hidden(value);
            // a hidden part is at least 1: the label says no more than the parts do
            total += SmallCounts.hidden(value) ? 1 : value;
            double w = length(value) * scale;
            if (w <= 0) {
                continue;
            }
            String colour = PALETTE[i % PALETTE.length];
            s.append("<rect x=\"").append(n(at)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                    .append("\" height=\"").append(n(BAR)).append("\" fill=\"")
                    .append(SmallCounts.hidden(value) ? "url(#" + id + "-hidden)\" stroke=\"" + colour : colour)
                    .append("\"/>");
            at += w;
        }
        String label = (anyHidden ? "≥" : "") + escape(SmallCounts.text(total, locale));
        s.append("<text x=\"").append(n(at + 4)).append("\" y=\"").append(n(y + BAR * 0.78))
                .append("\" fill=\"#222\">").append(label).append("</text>");
    }

    /** A hidden count is drawn as long as the threshold's half: enough to see that there is something. */
    private static double length(long value) {
        return SmallCounts.hidden(value) ? SmallCounts.THRESHOLD / 2.0 : value;
    }

    private static double shown(List<Long> values) {
        return values.stream().mapToDouble(BarChart::length).sum();
    }

    private static void gridLines(StringBuilder s, double x, double top, double width, double height, double ceiling,
                                  double scale, Locale locale) {
        int steps = 4;
        for (int i = 0; i <= steps; i++) {
            double value = ceiling * i / steps;
            double gx = x + value * scale;
            s.append("<line x1=\"").append(n(gx)).append("\" y1=\"").append(n(top)).append("\" x2=\"").append(n(gx))
                    .append("\" y2=\"").append(n(top + height)).append("\" stroke=\"")
                    .append(i == 0 ? "#888" : "#ddd").append("\"/>");
            if (value == Math.rint(value)) {
                s.append("<text x=\"").append(n(gx)).append("\" y=\"").append(n(top + height + 15))
                        .append("\" text-anchor=\"middle\" fill=\"#555\" font-size=\"").append(n(FONT - 1))
                        .append("\">").append(escape(org.fieldaid.base.ui.Formats.number((long) value, locale)))
                        .append("</text>");
            }
        }
    }

    private static int legendRows(List<String> series) {
        int rows = 1;
        double x = 0;
        for (String name : series) {
            double w = 22 + SvgText.width(name, FONT) + 14;
            if (x + w > WIDTH && x > 0) {
                rows++;
                x = 0;
            }
            x += w;
        }
        return rows;
    }

    private static void legend(StringBuilder s, List<String> series) {
        double x = 0;
        double y = 4;
        for (int i = 0; i < series.size(); i++) {
            String name = series.get(i);
            double w = 22 + SvgText.width(name, FONT) + 14;
            if (x + w > WIDTH && x > 0) {
                x = 0;
                y += LEGEND_ROW;
            }
            s.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"16\" height=\"14\" "
                    + "fill=\"").append(PALETTE[i % PALETTE.length]).append("\"/>");
            s.append("<text x=\"").append(n(x + 22)).append("\" y=\"").append(n(y + 12)).append("\" fill=\"#222\">")
                    .append(escape(name)).append("</text>");
            x += w;
        }
    }

    /** 1, 2 or 5 times a power of ten, at or above the value, so that the grid lines fall on round numbers. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(1, value))));
        for (double step : new double[] {1, 2, 4, 5, 10}) {
            if (step * power >= value) {
                return Math.max(4, step * power);
            }
        }
        return 10 * power;
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
