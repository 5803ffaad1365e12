package org.fieldaid.base;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Who is calling, read from the same security context holder that method security reads. Vaadin registers its
 * own holder strategy as a bean; going through the static {@link SecurityContextHolder} could see another one.
 */
@Component
public class Caller {

    private final SecurityContextHolderStrategy holder;

    Caller(ObjectProvider<SecurityContextHolderStrategy> holder) {
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<Authentication> authentication() {
        Authentication auth = holder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth);
    }

    public Optional<String> name() {
        return authentication().map(Authentication::getName);
    }

    public boolean hasAuthority(String authority) {
        return authentication().map(a -> a.getAuthorities().stream()
                .anyMatch(granted -> authority.equals(granted.getAuthority()))).orElse(false);
    }

    public Optional<String> agencyCode() {
        return authentication().map(Authentication::getPrincipal)
                .filter(AgencyMember.class::isInstance).map(p -> ((AgencyMember) p).getAgencyCode());
    }
}
