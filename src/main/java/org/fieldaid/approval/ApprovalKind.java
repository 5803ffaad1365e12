package org.fieldaid.approval;

import org.fieldaid.security.Authority;

/**
 * A kind of decision, declared as a bean by the feature that needs it.
 *
 * @param code stored with each request, e.g. {@code REGISTRATION}
 * @param decidedWith the authority a supervisor needs to decide requests of this kind
 * @param subjectRoute the route that shows the subject, with {@code {id}} for its id
 * @param withinAgency only a supervisor of the request's agency sees and decides it (a change to what that
 *                     agency registered)
 */
public record ApprovalKind(String code, Authority decidedWith, String subjectRoute, boolean withinAgency) {

    public ApprovalKind(String code, Authority decidedWith, String subjectRoute) {
        this(code, decidedWith, subjectRoute, false);
    }

    public String routeTo(long subjectId) {
        return subjectRoute.replace("{id}", Long.toString(subjectId));
    }
}
