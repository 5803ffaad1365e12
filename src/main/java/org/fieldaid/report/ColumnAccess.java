package org.fieldaid.report;

import org.fieldaid.security.Authority;

/** Who may take a column out of the system. */
public enum ColumnAccess {

    /** Tells no one who a family is: places, dates, counts, statuses. Needs {@code EXPORT:AGGREGATE} or more. */
    AGGREGATE,
    /** Names, numbers, phones, addresses: needs {@code EXPORT:PERSONAL}. */
    PERSONAL,
    /** Health and protection needs: needs {@code EXPORT:PERSONAL} and {@code PII:SENSITIVE}. */
    SENSITIVE;

    /** Whether a caller with these authorities may take such a column under the matrix's export authorities. */
    public boolean allowedTo(java.util.function.Predicate<Authority> has) {
        return switch (this) {
            case AGGREGATE -> has.test(Authority.EXPORT_AGGREGATE) || has.test(Authority.EXPORT_PERSONAL);
            case PERSONAL -> has.test(Authority.EXPORT_PERSONAL);
            case SENSITIVE -> has.test(Authority.EXPORT_PERSONAL) && has.test(Authority.PII_SENSITIVE);
        };
    }

    /**
     * Whether a caller may take such a column of a list that is exported by the authority to read it whole (the
     * audit log, decision 021): that authority stands in for {@code EXPORT:PERSONAL}; sensitive columns still
     * need {@code PII:SENSITIVE}.
     */
    public boolean allowedToReaders(java.util.function.Predicate<Authority> has, Authority reads) {
        return switch (this) {
            case AGGREGATE, PERSONAL -> has.test(reads);
            case SENSITIVE -> has.test(reads) && has.test(Authority.PII_SENSITIVE);
        };
    }
}
