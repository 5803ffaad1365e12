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

    boolean allowedTo(java.util.function.Predicate<Authority> has) {
        return switch (this) {
            case AGGREGATE -> has.test(Authority.EXPORT_AGGREGATE) || has.test(Authority.EXPORT_PERSONAL);
            case PERSONAL -> has.test(Authority.EXPORT_PERSONAL);
            case SENSITIVE -> has.test(Authority.EXPORT_PERSONAL) && has.test(Authority.PII_SENSITIVE);
        };
    }
}
