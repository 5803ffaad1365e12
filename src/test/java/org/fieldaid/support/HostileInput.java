package org.fieldaid.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The corpus of hostile and malformed input that every form and filter is driven with (issue 14, decision 030).
 * Each text says what the application must do with it, stated here and not asked of the code under test: keep it
 * exactly, refuse it anywhere, or keep it only where a field takes several lines.
 */
public final class HostileInput {

    /** What a free-text field must do with a text. */
    public enum Expect {
        /** stored exactly as typed (less surrounding spaces) and shown escaped */
        KEEP,
        /** refused at the field, as holding invisible control characters */
        INVISIBLE,
        /** kept in a note or reason of several lines, refused as invisible in a one-line field */
        LINES
    }

    public record Text(String name, String value, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The texts, none longer than 60 characters, so that they fit every free-text column. */
    public static final List<Text> TEXTS = List.of(
            new Text("nul", "Ab\u0000cd", Expect.INVISIBLE),
            new Text("bel", "bell\u0007ring", Expect.INVISIBLE),
            new Text("esc", "\u001b[31mred\u001b[0m", Expect.INVISIBLE),
            new Text("lone-cr", "first\rsecond", Expect.INVISIBLE),
            new Text("del", "rub\u007fout", Expect.INVISIBLE),
            new Text("c1-control", "next\u0085line", Expect.INVISIBLE),
            new Text("line-feed", "first line\nsecond line", Expect.LINES),
            new Text("crlf", "first line\r\nsecond line", Expect.LINES),
            new Text("tab", "column\tcolumn", Expect.LINES),
            new Text("rlo", "txt.exe\u202Egpj", Expect.INVISIBLE),
            new Text("rtl-isolate", "name \u2067محمد\u2069", Expect.INVISIBLE),
            new Text("lone-high-surrogate", "half \uD83D pair", Expect.INVISIBLE),
            new Text("lone-low-surrogate", "half \uDE00 pair", Expect.INVISIBLE),
            new Text("arabic", "محمد علي حسن", Expect.KEEP),
            new Text("hebrew", "דוד בן גוריון", Expect.KEEP),
            new Text("mixed-scripts", "Армен Hovhannisyan Հայկ محمد", Expect.KEEP),
            new Text("azerbaijani", "Məmmədov Əli Şükür oğlu", Expect.KEEP),
            new Text("emoji", "Анна 👩‍👧‍👦 🏠", Expect.KEEP),
            new Text("astral-letters", "𝒜𝓃𝓃𝒶 𠀀𠀁", Expect.KEEP),
            new Text("combining-marks", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", Expect.KEEP),
            new Text("zero-width-joiner", "a\u200Db\u200Cc", Expect.KEEP),
            new Text("sql-quote", "O'Brien", Expect.KEEP),
            new Text("sql-drop", "'; DROP TABLE household; --", Expect.KEEP),
            new Text("sql-or", "' OR '1'='1", Expect.KEEP),
            new Text("sql-like", "100% _done_ \\", Expect.KEEP),
            new Text("sql-comment", "x/*comment*/y", Expect.KEEP),
            new Text("html-script", "<script>alert(1)</script>", Expect.KEEP),
            new Text("html-img", "<img src=x onerror=alert(1)>", Expect.KEEP),
            new Text("html-attribute", "\"><svg onload=alert(1)>", Expect.KEEP),
            new Text("html-entities", "&lt;b&gt; &amp; &#x3C;", Expect.KEEP),
            new Text("template", "${7*7} {{7*7}} #{7*7}", Expect.KEEP),
            new Text("formula-equals", "=HYPERLINK(\"http://x\",\"y\")", Expect.KEEP),
            new Text("formula-plus", "+1+1", Expect.KEEP),
            new Text("formula-minus", "-2+3", Expect.KEEP),
            new Text("formula-at", "@SUM(A1:A9)", Expect.KEEP),
            new Text("formula-dde", "=cmd|' /C calc'!A0", Expect.KEEP),
            new Text("padded", "  padded  ", Expect.KEEP),
            new Text("json", "{\"a\":[1,2]}", Expect.KEEP));

    /** Longer than any column of any form (the widest, the audit log's values, holds 4,000). */
    public static final List<Text> OVERLONG = List.of(
            new Text("overlong-ascii", "x".repeat(5_000), Expect.KEEP),
            new Text("overlong-armenian", "Հ".repeat(5_000), Expect.KEEP),
            new Text("overlong-emoji", "👍".repeat(2_600), Expect.KEEP),
            new Text("overlong-100k", "y".repeat(100_000), Expect.KEEP));

    /** Dates a service may be handed whatever a field lets through. */
    public static final List<LocalDate> EXTREME_DATES = List.of(LocalDate.of(1, 1, 1), LocalDate.of(1899, 12, 31),
            LocalDate.of(9999, 12, 31), LocalDate.of(99_999, 1, 1), LocalDate.of(2020, 2, 29));

    /** Whole numbers at and past the edges, as a number field hands them to a service. */
    public static final List<Integer> NUMBERS = List.of(-1, 0, -2_147_483_648, 2_147_483_647, 1_000_001,
            999_999_999);

    /** Numbers as typed into a decimal field; the browser hands the server what it could read, or nothing. */
    public static final List<String> TYPED_NUMBERS = List.of("NaN", "1e309", "-1e309", "Infinity", "1,5", "1 000",
            "99999999999999999999", "-0", "0x1F", "=1+1");

    /** A text of {@code length} letters, for the edge of a field. */
    public static String ofLength(int length) {
        return "Ա".repeat(length);
    }

    // ---- counting ----------------------------------------------------------------------------------------------

    private static final Map<String, AtomicInteger> CASES = new ConcurrentHashMap<>();

    /** Counts one hostile case that a test drove through a form or filter and whose outcome it asserted. */
    public static void counted(String form) {
        CASES.computeIfAbsent(form, k -> new AtomicInteger()).incrementAndGet();
    }

    public static int count(String form) {
        AtomicInteger n = CASES.get(form);
        return n == null ? 0 : n.get();
    }

    /** The counts so far, one line per form and a total, for the test's output. */
    public static String report(String title) {
        Map<String, Integer> sorted = new TreeMap<>();
        CASES.forEach((k, v) -> sorted.put(k, v.get()));
        List<String> lines = new ArrayList<>();
        lines.add("Hostile input, " + title + ":");
        sorted.forEach((k, v) -> lines.add(String.format("  %-40s %6d", k, v)));
        lines.add(String.format("  %-40s %6d", "total", sorted.values().stream().mapToInt(Integer::intValue).sum()));
        return String.join(System.lineSeparator(), lines);
    }

    private HostileInput() {
    }
}
