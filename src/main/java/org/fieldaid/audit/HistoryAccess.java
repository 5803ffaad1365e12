package org.fieldaid.audit;

/**
 * Tells the audit module whether the caller may see one record, so that its history is shown only to them.
 * Declared as a bean by the feature that owns the entity type; a type without one is read only with AUDIT:READ.
 */
public interface HistoryAccess {

    String entityType();

    /**
     * @return false when the record does not exist or the caller may not see it
     * @throws org.springframework.security.access.AccessDeniedException when the caller may not read such records
     */
    boolean maySee(String entityId);
}
