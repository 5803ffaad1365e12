package org.fieldaid.security;

import java.time.Clock;
import java.time.Instant;
import org.fieldaid.base.AuditRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Audits every login and failed login, and locks an account after too many failures in the window. */
@Component
class LoginAttempts {

    private final AppUserRepository users;
    private final LoginFailureRepository failures;
    private final LockoutPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoginAttempts(AppUserRepository users, LoginFailureRepository failures, LockoutPolicy policy,
                  ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.failures = failures;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
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

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = attemptedUsername(event);
        Instant now = clock.instant();
        var user = users.findByUsername(username);
        String agency = user.map(u -> u.getAgency().getCode()).orElse(null);
        events.publishEvent(AuditRecord.of("LOGIN_FAILED", "USER", username,
                user.isPresent() ? "Wrong password" : "Unknown user name", null, null).by(username, agency)
                .saying(user.isPresent() ? "wrong-password" : "unknown-user"));
        if (user.isEmpty()) {
            return;
        }
        failures.save(new LoginFailure(username, now));
        long recent = failures.countByUsernameAndOccurredAtAfter(username, now.minus(policy.window()));
        if (recent >= policy.maxFailures()) {
            AppUser locked = user.get();
            locked.lockUntil(now.plus(policy.lockFor()));
            failures.deleteByUsername(username);
            events.publishEvent(AuditRecord.of("ACCOUNT_LOCKED", "USER", username,
                    recent + " failed logins within " + policy.window().toMinutes() + " minutes",
                    "lockedUntil=null", "lockedUntil=" + locked.getLockedUntil()).by(username, agency)
                    .saying("locked", recent, policy.window().toMinutes()));
        }
    }

    @EventListener({AuthenticationFailureLockedEvent.class, AuthenticationFailureDisabledEvent.class})
    @Transactional
    public void onRefused(AbstractAuthenticationFailureEvent event) {
        String username = attemptedUsername(event);
        String agency = users.findByUsername(username).map(u -> u.getAgency().getCode()).orElse(null);
        String reason = event instanceof AuthenticationFailureLockedEvent ? "Account is locked" : "Account is disabled";
        events.publishEvent(AuditRecord.of("LOGIN_FAILED", "USER", username, reason, null, null)
                .by(username, agency).saying(event instanceof AuthenticationFailureLockedEvent ? "account-locked"
                        : "account-disabled"));
    }

    private static String attemptedUsername(AbstractAuthenticationFailureEvent event) {
        Object name = event.getAuthentication().getPrincipal();
        String text = name == null ? "" : name.toString();
        return text.length() > 64 ? text.substring(0, 64) : text;
    }
}
