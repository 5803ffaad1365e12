package org.fieldaid.approval;

import java.time.Instant;

/**
 * @param kind null for every kind the caller may decide
 * @param olderThan only requests made before this moment (null: any age)
 */
public record InboxFilter(String kind, Instant olderThan) {
}
