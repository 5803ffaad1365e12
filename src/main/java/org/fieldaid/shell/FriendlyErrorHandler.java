package org.fieldaid.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import java.util.UUID;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * What a person sees when something fails that the view did not handle: a plain sentence in their language,
 * never a stack trace. Unexpected failures are logged with a reference the person can quote.
 */
class FriendlyErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable cause = rootOf(event.getThrowable());
        UI ui = UI.getCurrent();
        String message;
        if (cause instanceof AccessDeniedException) {
            log.warn("Access denied: {}", cause.getMessage());
            message = "error.access-denied";
        } else if (cause instanceof ConcurrentEditException || cause instanceof OptimisticLockingFailureException) {
            message = "error.concurrent-edit";
        } else if (cause instanceof InvalidInputException) {
            message = "error.invalid-input";
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error, reference {}", reference, event.getThrowable());
            if (ui != null) {
                ui.access(() -> Notifications.error(ui.getTranslation("error.unexpected", reference)));
            }
            return;
        }
        if (ui != null) {
            ui.access(() -> Notifications.error(ui.getTranslation(message)));
        }
    }

    private static Throwable rootOf(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof AccessDeniedException) && !(current instanceof ConcurrentEditException)
                && !(current instanceof InvalidInputException)
                && !(current instanceof OptimisticLockingFailureException)) {
            current = current.getCause();
        }
        return current;
    }
}
