package org.fieldaid.security;

import org.fieldaid.base.AuditRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits every login and clears the account's earlier failures. Failed logins are audited by {@link LoginGate}, in
 * the transaction that counts them.
 */
@Component
class LoginAttempts {

    private final LoginFailureRepository failures;
    private final ApplicationEventPublisher events;

    LoginAttempts(LoginFailureRepository failures, ApplicationEventPublisher events) {
        this.failures = failures;
        this.events = events;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof FieldAidUser user)) {
            return;
        }
        failures.deleteByUsername(user.getUsername());
        events.publishEvent(AuditRecord.of("LOGIN", "USER", user.getUsername(), "Logged in", null, null)
                .by(user.getUsername(), user.getAgencyCode()).saying("logged-in"));
    }
}
