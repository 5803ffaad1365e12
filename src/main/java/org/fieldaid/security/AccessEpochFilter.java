package org.fieldaid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a session out at its next request when its account has changed since it signed in, on whichever node the
 * change was made (decision 034). The account's access epoch, whether it is still enabled and whether its agency
 * is still active are read at every request of a signed-in session except those for static files. That is one
 * lookup by primary key. It answers for this node's sessions and another's alike, since each node's session
 * registry knows only its own. A session found out of date is marked expired in that registry, just before the concurrent-session filter
 * reads it. That filter signs it out and hands the request to {@link OpenSessions}: a page is sent to the login
 * page, and Vaadin's client engine is told that its session expired.
 */
final class AccessEpochFilter extends OncePerRequestFilter {

    private static final String STILL_VALID = """
            SELECT u.access_epoch, u.enabled, a.active FROM app_user u JOIN agency a ON a.id = u.agency_id
             WHERE u.id = ?""";

    private final JdbcTemplate jdbc;
    private final SessionRegistry registry;
    /** The holder the rest of the chain reads: Vaadin installs its own, and a test may install another. */
    private final SecurityContextHolderStrategy holder;

    AccessEpochFilter(JdbcTemplate jdbc, SessionRegistry registry, SecurityContextHolderStrategy holder) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.holder = holder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = holder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && !isStaticResource(request) && signedIn != null
                && signedIn.getPrincipal() instanceof FieldAidUser user && !stillValid(user)) {
            // the concurrent-session filter next in the chain signs an expired session out and answers Vaadin's
            // client engine that its session expired; a session the registry never heard of is entered first, so
            // that it ends the same way
            if (registry.getSessionInformation(session.getId()) == null) {
                registry.registerNewSession(session.getId(), user);
            }
            registry.getSessionInformation(session.getId()).expireNow();
        }
        chain.doFilter(request, response);
    }

    /**
     * The application's bundle, styles and images, which a page fetches by the dozen and which hold no data: the
     * session's next request for data is checked.
     */
    private static boolean isStaticResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/VAADIN/");
    }

    private boolean stillValid(FieldAidUser user) {
        List<Boolean> valid = jdbc.query(STILL_VALID, (rs, row) -> rs.getInt(1) == user.accessEpoch()
                && rs.getBoolean(2) && rs.getBoolean(3), user.id());
        return valid.size() == 1 && valid.getFirst();
    }
}
