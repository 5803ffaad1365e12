package org.fieldaid.base;

/** Somebody else saved the record after this person opened it. Carries what that record holds now. */
public class ConcurrentEditException extends RuntimeException {

    private final String currentState;

    public ConcurrentEditException(String entity, Object id, String currentState) {
        super(entity + " " + id + " was changed by somebody else");
        this.currentState = currentState;
    }

    public String currentState() {
        return currentState;
    }
}
