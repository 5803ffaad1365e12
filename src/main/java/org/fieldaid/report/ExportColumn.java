package org.fieldaid.report;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of an export: a stable English name for the header row, an HXL hashtag for humanitarian data tools
 * (https://hxlstandard.org), who may take it, and its value for a row. Numbers and dates are written as they are;
 * text is checked for what a spreadsheet would run as a formula.
 */
public record ExportColumn<R>(String name, String hxl, ColumnAccess access, Kind kind, Function<R, ?> value) {

    public enum Kind { TEXT, NUMBER, DATE }

    public ExportColumn {
        Objects.requireNonNull(name);
        Objects.requireNonNull(hxl);
        Objects.requireNonNull(access);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(value);
    }

    public static <R> ExportColumn<R> text(String name, String hxl, ColumnAccess access, Function<R, ?> value) {
        return new ExportColumn<>(name, hxl, access, Kind.TEXT, value);
    }

    public static <R> ExportColumn<R> number(String name, String hxl, ColumnAccess access, Function<R, ?> value) {
        return new ExportColumn<>(name, hxl, access, Kind.NUMBER, value);
    }

    public static <R> ExportColumn<R> date(String name, String hxl, ColumnAccess access, Function<R, ?> value) {
        return new ExportColumn<>(name, hxl, access, Kind.DATE, value);
    }
}
