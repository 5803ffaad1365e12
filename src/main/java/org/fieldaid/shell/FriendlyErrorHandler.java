package org.fieldaid.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.VaadinService;
import java.util.UUID;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.base.ui.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * What a person sees when an action fails that the view did not handle (failures while a page opens go to the
 * error view instead): a plain sentence in their language, never a stack trace. Refusals are audited like the
 * error view's; unexpected failures are logged with a reference the person can quote.
 */
class FriendlyErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable thrown = event.getThrowable();
        UI ui = UI.getCurrent();
        String path = ui == null ? null : ui.getInternals().getActiveViewLocation().getPath();
        var refused = FailureErrorView.find(thrown, RecordNotFoundException.class);
        var denied = FailureErrorView.find(thrown, AccessDeniedException.class);
        String message;
        if (refused.isPresent()) {
            audit().recordRefused(refused.get(), path);
            message = "error.page.unavailable.message";
        } else if (denied.isPresent()) {
            log.warn("Access denied on /{}: {}", path, denied.get().getMessage());
            audit().actionDenied(denied.get().getMessage(), path);
            message = "error.access-denied";
        } else if (FailureErrorView.find(thrown, ConcurrentEditException.class).isPresent()
                || FailureErrorView.find(thrown, OptimisticLockingFailureException.class).isPresent()) {
            message = "error.concurrent-edit";
        } else if (FailureErrorView.find(thrown, InvalidInputException.class).isPresent()) {
            message = "error.invalid-input";
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error, reference {}", reference, thrown);
            if (ui != null) {
                ui.access(() -> Notifications.error(ui.getTranslation("error.unexpected", reference)));
            }
            return;
        }
        if (ui != null) {
            ui.access(() -> Notifications.error(ui.getTranslation(message)));
        }
    }

    /** Looked up when needed: the handler lives in the session, which must not hold on to a Spring bean. */
    private static DenialAudit audit() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(DenialAudit.class);
    }
}
