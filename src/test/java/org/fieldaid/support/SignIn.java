package org.fieldaid.support;

import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Runs code as a real user, with the principal and authorities the application itself loads. The context is
 * set on the holder that this application context's method security reads (Vaadin registers its own), and on
 * the static holder.
 */
@TestComponent
public class SignIn {

    private final UserDetailsService users;
    private final SecurityContextHolderStrategy holder;

    SignIn(UserDetailsService users, ObjectProvider<SecurityContextHolderStrategy> holder) {
        this.users = users;
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public void as(String username) {
        UserDetails user = users.loadUserByUsername(username);
        set(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /**
     * Switches user inside a browserless view test; the next {@code navigate} checks access as this user. The
     * test library's mock request checks {@code @RolesAllowed} with a {@code ROLE_} prefix (decision 003), so each
     * authority is granted in both spellings.
     */
    public void asInBrowserlessView(String username) {
        UserDetails user = users.loadUserByUsername(username);
        java.util.List<org.springframework.security.core.GrantedAuthority> authorities =
                new java.util.ArrayList<>(user.getAuthorities());
        user.getAuthorities().forEach(a -> authorities.add(
                new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + a.getAuthority())));
        set(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    /**
     * Signs in as the user (their agency and name) holding only the given authority codes, for tests that check
     * each authority of an "any of" rule alone.
     */
    public void asWithOnly(String username, java.util.Collection<String> authorityCodes) {
        UserDetails user = users.loadUserByUsername(username);
        set(UsernamePasswordAuthenticationToken.authenticated(user, null, authorityCodes.stream()
                .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList()));
    }

    public <T> T run(String username, Supplier<T> action) {
        as(username);
        try {
            return action.get();
        } finally {
            out();
        }
    }

    public void out() {
        holder.clearContext();
        SecurityContextHolder.clearContext();
    }

    private void set(Authentication authentication) {
        var context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        var staticContext = SecurityContextHolder.createEmptyContext();
        staticContext.setAuthentication(authentication);
        SecurityContextHolder.setContext(staticContext);
    }
}
