package org.fieldaid.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the open sessions of an account whose access an administrator changed (disabled, password reset, other
 * agency or roles), once the change has committed. Spring Security's session registry knows every session of this
 * node; its concurrent-session filter then signs an ended session out at its next request (decision 028).
 */
@Component
class OpenSessions implements SessionInformationExpiredStrategy {

    /** Published in the transaction of a change that must end the account's sessions. */
    record AccessChanged(String username) {
    }

    private final SessionRegistry registry;

    OpenSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AccessChanged event) {
        end(event.username());
    }

    /** @return how many sessions were ended */
    int end(String username) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof FieldAidUser user && user.getUsername().equals(username)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }

    /**
     * The filter has signed the ended session out already; the request goes on as anybody's would without a
     * session. A page is sent to the login page; a request of Vaadin's client engine gets Vaadin's own "session
     * expired" answer, on which the client reloads the page and so reaches the login page too.
     */
    @Override
    public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException {
        try {
            event.getFilterChain().doFilter(event.getRequest(), event.getResponse());
        } catch (ServletException e) {
            throw new IOException(e);
        }
    }
}
