package org.fieldaid.base;

/**
 * A record the caller asked for by its id is not there for them: either it does not exist, or it exists and the
 * caller may not see it. Both cases are this one type with one message, so that nothing a person sees can tell a
 * real record from a missing one. Only the audit log learns which case it was ({@link #existsButHidden()}).
 */
public class RecordNotFoundException extends RuntimeException {

    private final String entityType;
    private final String entityId;
    private final boolean existsButHidden;

    private RecordNotFoundException(String entityType, Object entityId, boolean existsButHidden) {
        super(entityType + " " + entityId + " is not found or not visible to this user");
        this.entityType = entityType;
        this.entityId = String.valueOf(entityId);
        this.existsButHidden = existsButHidden;
    }

    public static RecordNotFoundException missing(String entityType, Object entityId) {
        return new RecordNotFoundException(entityType, entityId, false);
    }

    public static RecordNotFoundException hidden(String entityType, Object entityId) {
        return new RecordNotFoundException(entityType, entityId, true);
    }

    public String entityType() {
        return entityType;
    }

    public String entityId() {
        return entityId;
    }

    public boolean existsButHidden() {
        return existsButHidden;
    }
}
