package org.fieldaid.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.stereotype.Component;

/**
 * What happens to a request of a session that has ended because an administrator changed its account (disabled,
 * password reset, other agency or roles; decisions 028 and 034). {@link AccessEpochFilter} marks such a session
 * expired in Spring Security's session registry, on whichever node it lives, and the concurrent-session filter
 * then signs it out and hands the request here.
 */
@Component
class OpenSessions implements SessionInformationExpiredStrategy {

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
