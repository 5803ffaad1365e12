package org.fieldaid.approval;

import org.fieldaid.security.Authority;

/**
 * A kind of decision, declared as a bean by the feature that needs it.
 *
 * @param code stored with each request, e.g. {@code REGISTRATION}
 * @param decidedWith the authority a supervisor needs to decide requests of this kind
 * @param subjectRoute the route that shows the subject, with {@code {id}} for its id
 * @param withinAgency only a supervisor of the request's agency sees and decides it; every kind declared so far
 *                     is (decision 027). A kind decided by any agency's supervisor with the authority says so
 *                     with {@link #acrossAgencies}.
 */
public record ApprovalKind(String code, Authority decidedWith, String subjectRoute, boolean withinAgency) {

    public ApprovalKind(String code, Authority decidedWith, String subjectRoute) {
        this(code, decidedWith, subjectRoute, true);
    }

    /** A kind that any supervisor with the authority decides, whichever agency asked. */
    public static ApprovalKind acrossAgencies(String code, Authority decidedWith, String subjectRoute) {
        return new ApprovalKind(code, decidedWith, subjectRoute, false);
    }

    public String routeTo(long subjectId) {
        return subjectRoute.replace("{id}", Long.toString(subjectId));
    }
}
