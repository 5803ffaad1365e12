package org.fieldaid.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import java.util.UUID;
import org.fieldaid.base.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whatever else stopped a page from opening. A record that is missing or not the person's, and a service that
 * refused the call, read like a page that does not exist; anything else is a failure with a reference for the
 * support team, whose details go to the server log only. Open to anonymous visitors too, so that a failing login
 * page still says something instead of sending them round to itself.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class FailureErrorView extends ErrorView implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(FailureErrorView.class);

    private final DenialAudit audit;

    FailureErrorView(DenialAudit audit) {
        this.audit = audit;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Throwable caught = parameter.getCaughtException();
        String path = event.getLocation().getPath();
        Optional<RecordNotFoundException> refused = find(caught, RecordNotFoundException.class);
        if (refused.isPresent()) {
            audit.recordRefused(refused.get(), path);
            return showUnavailable();
        }
        Optional<AccessDeniedException> denied = find(caught, AccessDeniedException.class);
        if (denied.isPresent()) {
            log.warn("Access denied on /{}: {}", path, denied.get().getMessage());
            audit.actionDenied(denied.get().getMessage(), path);
            return showUnavailable();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Page /{} failed, reference {}", path, reference, caught);
        return showFailure(reference);
    }

    static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
