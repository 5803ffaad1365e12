package org.fieldaid.report;

import java.util.List;
import java.util.function.Consumer;

/**
 * A list, as its feature exports it: what it is, the filter it was shown with, its columns, and its rows. The
 * feature streams the rows the caller's list would show, no more, and checks the caller's authority itself.
 *
 * @param <R> one row of the list
 */
public interface ExportSource<R> {

    /** A stable name of the list, for the file name and the audit log: {@code households}, {@code persons}. */
    String list();

    /** The list's filter and sort in words, for the audit log. */
    String filter();

    List<ExportColumn<R>> columns();

    /**
     * Hands every row to the sink, in the list's order, while the sink accepts them. Must stream: a million rows
     * are never held at once. Runs in a read-only transaction of the feature.
     */
    void forEach(Consumer<R> sink);
}
