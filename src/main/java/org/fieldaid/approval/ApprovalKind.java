package org.fieldaid.approval;

import org.fieldaid.security.Authority;

/**
 * A kind of decision, declared as a bean by the feature that needs it.
 *
 * @param code stored with each request, e.g. {@code REGISTRATION}
 * @param decidedWith the authority a supervisor needs to decide requests of this kind
 * @param subjectRoute the route that shows the subject, with {@code {id}} for its id
 */
public record ApprovalKind(String code, Authority decidedWith, String subjectRoute) {

    public String routeTo(long subjectId) {
        return subjectRoute.replace("{id}", Long.toString(subjectId));
    }
}
