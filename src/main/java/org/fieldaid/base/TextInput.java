package org.fieldaid.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a typed text may hold before a service stores it (decision 030). Any script, mixed scripts, emoji and
 * characters of markup or SQL are kept exactly as typed: the views show text escaped, and the queries bind it.
 * Refused, with a message at the field: text longer than its column, control characters (NUL, which PostgreSQL
 * cannot store, BEL, ESC, a lone carriage return; a note may hold line breaks and tabs), a half of a surrogate pair
 * and the invisible marks that turn the order of the letters around (U+202A-U+202E, U+2066-U+2069), with which a
 * name or a document number can be made to read as another.
 */
public final class TextInput {

    public static final String TOO_LONG = "validation.too-long";
    public static final String INVISIBLE = "validation.invisible-characters";

    /** The conflict that displaced the families began in 1988: no record of the centre is about an earlier day. */
    public static final java.time.LocalDate EARLIEST_DAY = java.time.LocalDate.of(1988, 1, 1);

    private TextInput() {
    }

    /** @return the translation key of what is wrong with a one-line text, or null when it may be stored */
    public static String problem(String value, int max) {
        return problem(value, max, false);
    }

    /** @return the translation key of what is wrong with a text of several lines, or null when it may be stored */
    public static String problemOfNote(String value, int max) {
        return problem(value, max, true);
    }

    private static String problem(String value, int max, boolean lines) {
        if (value == null) {
            return null;
        }
        if (hasInvisible(value, lines)) {
            return INVISIBLE;
        }
        return value.strip().length() > max ? TOO_LONG : null;
    }

    /** Adds the problem of a one-line text to the form's problems, unless the field already has one. */
    public static void check(Map<String, List<String>> problems, String field, String value, int max) {
        add(problems, field, problem(value, max));
    }

    /** Adds the problem of a text of several lines to the form's problems, unless the field already has one. */
    public static void checkNote(Map<String, List<String>> problems, String field, String value, int max) {
        add(problems, field, problemOfNote(value, max));
    }

    /**
     * Adds a problem for a day that no plan of the centre can be for: before the conflict began (1988), or more than
     * a year ahead (a year typed with a digit too many, 99999).
     */
    public static void checkDate(Map<String, List<String>> problems, String field, java.time.LocalDate date,
                                 java.time.LocalDate today) {
        if (date == null) {
            return;
        }
        if (date.isBefore(EARLIEST_DAY)) {
            add(problems, field, "validation.date-too-early");
        } else if (date.isAfter(today.plusYears(1))) {
            add(problems, field, "validation.date-too-far");
        }
    }

    /** Refuses a single text that a service takes on its own (a reason, a note), at its field. */
    public static void require(String field, String value, int max, boolean lines) {
        String key = problem(value, max, lines);
        if (key != null) {
            throw InvalidInputException.of(field, key);
        }
    }

    /**
     * A filter's text as a query may bind it: what no stored text can hold (control characters, halves of
     * surrogate pairs, the invisible direction marks) is left out, so that a search for it finds nothing rather
     * than failing in the database.
     */
    public static String forSearch(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                kept.append(c).append(value.charAt(++i));
            } else if (!invisible(c, false)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /**
     * A text for a record that must keep whatever was sent (the audit log: a probed address, a refused value), with
     * each invisible character written out as {@code \\uXXXX}, so that the database can hold it and a reader sees it.
     */
    public static String escapeInvisible(String value) {
        if (value == null || !hasInvisible(value, true)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (c != '\r' && invisible(c, true)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hasInvisible(String value, boolean lines) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (lines && c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                i++;
            } else if (invisible(c, lines)) {
                return true;
            }
        }
        return false;
    }

    private static boolean invisible(char c, boolean lines) {
        if (lines && (c == '\n' || c == '\t')) {
            return false;
        }
        return Character.isISOControl(c) || Character.isSurrogate(c) || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069') || c == '\uFFFE' || c == '\uFFFF';
    }

    private static void add(Map<String, List<String>> problems, String field, String key) {
        if (key != null && !problems.containsKey(field)) {
            problems.computeIfAbsent(field, k -> new ArrayList<>()).add(key);
        }
    }
}
