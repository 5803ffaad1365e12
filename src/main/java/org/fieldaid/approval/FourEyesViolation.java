package org.fieldaid.approval;

import org.springframework.security.access.AccessDeniedException;

/** Somebody tried to decide their own request, or a request about data they wrote. */
public class FourEyesViolation extends AccessDeniedException {

    public FourEyesViolation() {
        super("Nobody may decide a request they made themselves");
    }

    FourEyesViolation(String message) {
        super(message);
    }
}
