package org.fieldaid.approval;

import java.util.Set;

/**
 * Tells the approval module whether the caller may see the subject of a request, declared as a bean by the
 * feature that owns the kinds. The approval module knows nothing of households, so it asks before it shows or
 * decides anything about one. A kind without one is shown to nobody (deny by default).
 */
public interface SubjectAccess {

    Set<String> kinds();

    /**
     * @return false when the subject does not exist or the caller may not see it
     * @throws org.springframework.security.access.AccessDeniedException when the caller may not read such subjects
     */
    boolean maySee(long subjectId);
}
