package org.fieldaid.report.ui;

import static org.fieldaid.report.ui.SvgText.escape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.fieldaid.report.PlaceCount;
import org.fieldaid.report.SmallCounts;
import org.fieldaid.settlement.ReturnStatus;
import org.fieldaid.settlement.SettlementRow;

/**
 * The settlements of origin drawn in SVG from their coordinates, with no tiles and nothing from the internet: a
 * filled circle sized by the households displaced from each, a ring sized by those who returned, coloured by the
 * settlement's return status. Labels are placed where they do not cover one another; the table beside the map
 * names every settlement.
 */
final class SettlementMap {

    static final Map<ReturnStatus, String> COLOURS = Map.of(ReturnStatus.OPEN, "#2e7d32", ReturnStatus.RESTRICTED,
            "#d08a00", ReturnStatus.CLOSED, "#c62828");

    private static final double WIDTH = 600;
    private static final double PAD = 34;
    private static final double FONT = 12;
    private static final double MAX_RADIUS = 26;

    private record Box(double x1, double y1, double x2, double y2) {
        boolean overlaps(Box o) {
            return x1 < o.x2 && o.x1 < x2 && y1 < o.y2 && o.y1 < y2;
        }
    }

    private SettlementMap() {
    }

    /**
     * @param places the settlements of origin
     * @param counts by settlement id, masked for partners
     * @param text the reader's words: "legend.title", "legend.displaced", "legend.returned", "status.OPEN"...
     */
    static String svg(List<SettlementRow> places, Map<Long, PlaceCount> counts, Locale locale,
                      Function<String, String> text, String summary) {
        double minLat = places.stream().mapToDouble(p -> p.latitude().doubleValue()).min().orElse(39);
        double maxLat = places.stream().mapToDouble(p -> p.latitude().doubleValue()).max().orElse(41);
        double minLon = places.stream().mapToDouble(p -> p.longitude().doubleValue()).min().orElse(46);
        double maxLon = places.stream().mapToDouble(p -> p.longitude().doubleValue()).max().orElse(47);
        double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max(0.05, (maxLon - minLon) * cos);
        double spanY = Math.max(0.05, maxLat - minLat);
        double scale = (WIDTH - 2 * PAD - 150) / spanX;
        double mapHeight = spanY * scale + 2 * PAD;
        double legendTop = mapHeight + 6;
        double height = legendTop + 96;
        Function<SettlementRow, double[]> at = p -> new double[] {
                PAD + (p.longitude().doubleValue() - minLon) * cos * scale,
                PAD + (maxLat - p.latitude().doubleValue()) * scale};
        long largest = counts.values().stream().mapToLong(c -> Math.max(c.displacedFrom(), c.returnedTo())).max()
                .orElse(1);

        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-map\" role=\"img\" width=\"")
                .append(n(WIDTH)).append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ")
                .append(n(WIDTH)).append(' ').append(n(height)).append("\" aria-labelledby=\"map-title map-desc\" "
                        + "font-family=\"system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Armenian', sans-serif\" "
                        + "font-size=\"").append(n(FONT)).append("\">");
        s.append("<title id=\"map-title\">").append(escape(text.apply("title"))).append("</title>");
        s.append("<desc id=\"map-desc\">").append(escape(summary)).append("</desc>");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(n(WIDTH)).append("\" height=\"").append(n(mapHeight))
                .append("\" fill=\"#f4f1ea\" stroke=\"#ccc\"/>");
        scaleBar(s, mapHeight, scale, text.apply("scale"));

        List<Box> taken = new ArrayList<>();
        List<SettlementRow> biggestFirst = places.stream().sorted(Comparator.comparingLong(
                (SettlementRow p) -> size(counts.get(p.id()))).reversed()).toList();
        for (SettlementRow p : biggestFirst) {
            double[] xy = at.apply(p);
            double r = Math.max(radius(displaced(counts.get(p.id())), largest), radius(returned(counts.get(p.id())),
                    largest));
            taken.add(new Box(xy[0] - Math.max(r, 3), xy[1] - Math.max(r, 3), xy[0] + Math.max(r, 3),
                    xy[1] + Math.max(r, 3)));
        }
        for (SettlementRow p : biggestFirst) {
            marker(s, p, counts.get(p.id()), at.apply(p), largest, text);
        }
        for (SettlementRow p : biggestFirst) {
            label(s, p, counts.get(p.id()), at.apply(p), largest, taken, locale);
        }
        legend(s, legendTop, text);
        s.append("</svg>");
        return s.toString();
    }

    private static void marker(StringBuilder s, SettlementRow p, PlaceCount count, double[] xy, long largest,
                               Function<String, String> text) {
        String colour = COLOURS.get(p.returnStatus());
        String status = text.apply("status." + p.returnStatus());
        s.append("<g class=\"map-place\" data-code=\"").append(escape(p.code())).append("\">");
        if (count == null || (count.displacedFrom() == 0 && count.returnedTo() == 0)) {
            s.append("<circle cx=\"").append(n(xy[0])).append("\" cy=\"").append(n(xy[1]))
                    .append("\" r=\"3\" fill=\"").append(colour).append("\"><title>").append(escape(status))
                    .append("</title></circle></g>");
            return;
        }
        double rd = radius(count.displacedFrom(), largest);
        if (rd > 0) {
            s.append("<circle cx=\"").append(n(xy[0])).append("\" cy=\"").append(n(xy[1])).append("\" r=\"")
                    .append(n(rd)).append("\" fill=\"").append(colour).append("\" fill-opacity=\"0.55\" stroke=\"")
                    .append(colour).append("\"/>");
        }
        double rr = radius(count.returnedTo(), largest);
        if (rr > 0) {
            s.append("<circle cx=\"").append(n(xy[0])).append("\" cy=\"").append(n(xy[1])).append("\" r=\"")
                    .append(n(rr)).append("\" fill=\"none\" stroke=\"#1a237e\" stroke-width=\"2.5\"/>");
        }
        s.append("</g>");
    }

    private static void label(StringBuilder s, SettlementRow p, PlaceCount count, double[] xy, long largest,
                              List<Box> taken, Locale locale) {
        String name = p.label(locale);
        double w = SvgText.width(name, FONT);
        double r = Math.max(3, Math.max(radius(displaced(count), largest), radius(returned(count), largest)));
        double[][] offsets = {{r + 3, FONT * 0.35}, {-r - 3 - w, FONT * 0.35}, {-w / 2, -r - 4},
                {-w / 2, r + FONT + 1}, {r * 0.7 + 2, -r * 0.7 - 2}, {r * 0.7 + 2, r * 0.7 + FONT},
                {-r * 0.7 - 2 - w, -r * 0.7 - 2}, {-r * 0.7 - 2 - w, r * 0.7 + FONT}};
        for (double[] o : offsets) {
            double x = xy[0] + o[0];
            double y = xy[1] + o[1];
            Box box = new Box(x - 1, y - FONT, x + w + 1, y + 3);
            if (box.x1() < 2 || box.x2() > WIDTH - 2 || box.y1() < 2 || taken.stream().anyMatch(box::overlaps)) {
                continue;
            }
            taken.add(box);
            s.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" fill=\"#222\" "
                    + "stroke=\"#f4f1ea\" stroke-width=\"3\" paint-order=\"stroke\">").append(escape(name))
                    .append("</text>");
            return;
        }
    }

    private static void legend(StringBuilder s, double top, Function<String, String> text) {
        double x = 0;
        double y = top + 14;
        for (ReturnStatus status : ReturnStatus.values()) {
            String name = text.apply("status." + status);
            s.append("<circle cx=\"").append(n(x + 7)).append("\" cy=\"").append(n(y - 4)).append("\" r=\"7\" fill=\"")
                    .append(COLOURS.get(status)).append("\" fill-opacity=\"0.55\" stroke=\"").append(COLOURS.get(status))
                    .append("\"/><text x=\"").append(n(x + 20)).append("\" y=\"").append(n(y)).append("\">")
                    .append(escape(name)).append("</text>");
            x += 20 + SvgText.width(name, FONT) + 22;
        }
        y += 26;
        s.append("<circle cx=\"10\" cy=\"").append(n(y - 4)).append("\" r=\"9\" fill=\"#888\" fill-opacity=\"0.55\" "
                + "stroke=\"#888\"/><text x=\"26\" y=\"").append(n(y)).append("\">")
                .append(escape(text.apply("legend.displaced"))).append("</text>");
        y += 26;
        s.append("<circle cx=\"10\" cy=\"").append(n(y - 4)).append("\" r=\"9\" fill=\"none\" stroke=\"#1a237e\" "
                + "stroke-width=\"2.5\"/><text x=\"26\" y=\"").append(n(y)).append("\">")
                .append(escape(text.apply("legend.returned"))).append("</text>");
    }

    /** @param label "20 km" in the reader's script */
    private static void scaleBar(StringBuilder s, double mapHeight, double scale, String label) {
        double km = 20;
        double length = km / 111.32 * scale;
        double x = WIDTH - PAD - length;
        double y = mapHeight - 14;
        s.append("<line x1=\"").append(n(x)).append("\" y1=\"").append(n(y)).append("\" x2=\"").append(n(x + length))
                .append("\" y2=\"").append(n(y)).append("\" stroke=\"#333\" stroke-width=\"2\"/><text x=\"")
                .append(n(x + length / 2)).append("\" y=\"").append(n(y - 5))
                .append("\" text-anchor=\"middle\" fill=\"#333\" font-size=\"11\">").append(escape(label))
                .append("</text>");
    }

    /** Circle area grows with the count; a count hidden from a partner is drawn as the threshold. */
    private static double radius(long count, long largest) {
        if (count == 0) {
            return 0;
        }
        double value = SmallCounts.hidden(count) ? SmallCounts.THRESHOLD : count;
        double top = Math.max(SmallCounts.THRESHOLD, largest);
        return Math.max(4, MAX_RADIUS * Math.sqrt(value / top));
    }

    private static long displaced(PlaceCount count) {
        return count == null ? 0 : count.displacedFrom();
    }

    private static long returned(PlaceCount count) {
        return count == null ? 0 : count.returnedTo();
    }

    private static long size(PlaceCount count) {
        return count == null ? -2 : Math.max(count.displacedFrom(), count.returnedTo());
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
