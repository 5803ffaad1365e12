package org.fieldaid.report.ui;

import java.util.ArrayList;
import java.util.List;

/** Text in SVG: escaped, measured roughly and wrapped, since the server has no browser to measure it. */
final class SvgText {

    private SvgText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * A generous estimate of the width of a text in the UI's sans-serif font: Armenian and Cyrillic letters run
     * wider than Latin ones, digits narrower.
     */
    static double width(String text, double fontSize) {
        double em = 0;
        for (char c : text.toCharArray()) {
            if (c == ' ' || c == '.' || c == ',' || c == '/' || c == '(' || c == ')' || c == 'i' || c == 'l') {
                em += 0.32;
            } else if (Character.isDigit(c)) {
                em += 0.56;
            } else if (Character.isUpperCase(c)) {
                em += 0.68;
            } else if (c >= 0x0400) {
                em += 0.62;
            } else {
                em += 0.55;
            }
        }
        return em * fontSize;
    }

    /** Words into at most {@code maxLines} lines of the width; the last line ends in "…" if the text goes on. */
    static List<String> wrap(String text, double maxWidth, double fontSize, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (width(candidate, fontSize) <= maxWidth || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            lines.add(line.toString());
            line.setLength(0);
            line.append(words[i]);
            if (lines.size() == maxLines) {
                break;
            }
        }
        if (lines.size() < maxLines && !line.isEmpty()) {
            lines.add(line.toString());
            line.setLength(0);
        }
        if (!line.isEmpty() || lines.stream().anyMatch(l -> width(l, fontSize) > maxWidth)) {
            int last = lines.size() - 1;
            lines.set(last, clip(lines.get(last), maxWidth, fontSize));
        }
        return lines;
    }

    private static String clip(String text, double maxWidth, double fontSize) {
        String clipped = text;
        while (clipped.length() > 1 && width(clipped + "…", fontSize) > maxWidth) {
            clipped = clipped.substring(0, clipped.length() - 1).stripTrailing();
        }
        return clipped + "…";
    }
}
