package org.fieldaid.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The signed-in person, for views. Services check authorities themselves and never trust the view. */
@Component
public class CurrentUser {

    private final AuthenticationContext authenticationContext;

    CurrentUser(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
    }

    public Optional<FieldAidUser> get() {
        return authenticationContext.getAuthenticatedUser(FieldAidUser.class);
    }

    public FieldAidUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No user is signed in"));
    }

    public boolean has(Authority authority) {
        return get().map(u -> u.has(authority)).orElse(false);
    }

    public void logout() {
        authenticationContext.logout();
    }
}
