package org.fieldaid.approval;

import java.time.Instant;

/**
 * @param kind null for every kind the caller may decide
 * @param olderThan only requests made before this moment (null: any age)
 */
public record InboxFilter(String kind, Instant olderThan) {

    /** A kind is looked for as far as any stored code could hold it (decision 030). */
    public InboxFilter {
        kind = org.fieldaid.base.TextInput.forSearch(kind);
        // later than the database's times reach is the same as no bound: every request is older
        olderThan = olderThan != null && olderThan.isAfter(Instant.parse("9999-12-31T23:59:59Z")) ? null : olderThan;
    }
}
