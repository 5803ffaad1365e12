package org.fieldaid.report;

import java.util.List;

/**
 * One table of counts that a feature contributes to the dashboard and the situation report, already written in the
 * reader's language: rows (a status, a week, a package type) against one or more series (sexes, statuses).
 *
 * @param id a stable name, for tests and the page's element ids: {@code households-by-status}
 * @param title the table's title
 * @param note what is counted, in a sentence, or null
 * @param chart how the report draws it
 * @param rowHeader the heading of the row labels' column
 * @param series the names of the value columns, one per value in each row
 * @param rows the rows, in the order they are shown
 */
public record Figure(String id, String title, String note, Chart chart, String rowHeader, List<String> series,
                     List<Row> rows) {

    public enum Chart {
        /** Horizontal bars, one per row; series side by side. */
        BARS,
        /** Horizontal bars, one per row, the series stacked. */
        STACKED,
        /** A table only. */
        TABLE
    }

    /** @param values one count per series */
    public record Row(String label, List<Long> values) {

        public long total() {
            return values.stream().mapToLong(Long::longValue).sum();
        }
    }

    public Figure {
        series = List.copyOf(series);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.values().size() != series.size()) {
                throw new IllegalArgumentException(id + ": row " + row.label() + " has " + row.values().size()
                        + " values for " + series.size() + " series");
            }
        }
    }

    /** The count in one cell, by the row's label and the series' name; 0 when there is no such row. */
    public long value(String rowLabel, String seriesName) {
        int column = series.indexOf(seriesName);
        return rows.stream().filter(r -> r.label().equals(rowLabel)).findFirst()
                .map(r -> r.values().get(column)).orElse(0L);
    }

    public long total() {
        return rows.stream().mapToLong(Row::total).sum();
    }
}
