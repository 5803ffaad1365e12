package org.fieldaid.report;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.fieldaid.security.Authority;

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
     * Whether a caller with these authorities may take a column of this access: the matrix's export authorities,
     * unless the list is exported under another rule that its feature states (decision 021).
     */
    default boolean allows(ColumnAccess access, Predicate<Authority> has) {
        return access.allowedTo(has);
    }

    /**
     * Hands every row to the sink, in the list's order, while the sink accepts them. Must stream: a million rows
     * are never held at once. Runs in a read-only transaction of the feature.
     */
    void forEach(Consumer<R> sink);

    /** A source under the matrix's export authorities, for a feature that needs no rule of its own. */
    static <R> ExportSource<R> of(String list, String filter, List<ExportColumn<R>> columns,
                                  Consumer<Consumer<R>> rows) {
        return new ExportSource<>() {
            @Override
            public String list() {
                return list;
            }

            @Override
            public String filter() {
                return filter;
            }

            @Override
            public List<ExportColumn<R>> columns() {
                return columns;
            }

            @Override
            public void forEach(Consumer<R> sink) {
                rows.accept(sink);
            }
        };
    }
}
