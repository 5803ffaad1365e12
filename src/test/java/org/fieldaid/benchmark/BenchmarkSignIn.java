package org.fieldaid.benchmark;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Signs a demo user in on the benchmark's thread, through the holder that method security reads. */
final class BenchmarkSignIn {

    private BenchmarkSignIn() {
    }

    static void as(ConfigurableApplicationContext app, String username) {
        UserDetails user = app.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolderStrategy holder = app.getBean(SecurityContextHolderStrategy.class);
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        holder.setContext(context);
    }
}
