package org.fieldaid.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithSecurityContext;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * For browserless view tests: signs in as a demo user, with the principal the application loads, before the
 * test's UI is created. The test library's mock request always checks {@code @RolesAllowed} with a {@code ROLE_}
 * prefix, whereas the application runs without one (decision 003), so each authority is granted in both
 * spellings here.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@WithSecurityContext(factory = AsDemoUser.Factory.class)
public @interface AsDemoUser {

    String value();

    class Factory implements WithSecurityContextFactory<AsDemoUser> {

        private final UserDetailsService users;

        Factory(UserDetailsService users) {
            this.users = users;
        }

        @Override
        public SecurityContext createSecurityContext(AsDemoUser annotation) {
            UserDetails user = users.loadUserByUsername(annotation.value());
            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
            user.getAuthorities().forEach(a -> authorities.add(new SimpleGrantedAuthority("ROLE_" + a.getAuthority())));
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
            return context;
        }
    }
}
