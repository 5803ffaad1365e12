package org.fieldaid.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.fieldaid.base.AuditRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a login with the account's row locked, so that parallel attempts on one account are weighed one after
 * the other: no more passwords are compared than the lockout allows, and each attempt's audit row and failure
 * count commit together (decision 028).
 *
 * <p>The password is compared before anything is said about the account: a locked or disabled account is told as
 * such only to someone who typed its right password; anyone else reads "wrong user name or password", as for a
 * user name that does not exist.
 */
@Component
class LoginGate implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Wrong user name or password";

    private final AppUserRepository users;
    private final LoginFailureRepository failures;
    private final LockoutPolicy policy;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private volatile String unknownUserHash;

    LoginGate(AppUserRepository users, LoginFailureRepository failures, LockoutPolicy policy,
              PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock,
              PlatformTransactionManager transactions) {
        this.users = users;
        this.failures = failures;
        this.policy = policy;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What one attempt came to: the principal, or the refusal to throw once the attempt's rows are committed. */
    private record Outcome(FieldAidUser user, AuthenticationException refusal) {
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = trimmed(authentication.getName());
        String typed = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        // BCrypt refuses more than 72 bytes, and no password is that long (PasswordPolicy): such a one is wrong,
        // and is still compared with something so that it takes as long as any other
        String password = typed.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72
                ? "too-long-" + java.util.UUID.randomUUID() : typed;
        Outcome outcome = transaction.execute(status -> attempt(username, password));
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        FieldAidUser user = outcome.user();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private Outcome attempt(String username, String password) {
        Instant now = clock.instant();
        // a name no account can have (control characters, decision 030) is not looked up
        Optional<AppUser> found = org.fieldaid.base.TextInput.problem(username, 64) != null ? Optional.empty()
                : users.lockForLogin(username);
        if (found.isEmpty()) {
            compareWithNothing(password);
            events.publishEvent(failed(username, null, "Unknown user name", "unknown-user"));
            return refused();
        }
        AppUser user = found.get();
        String agency = user.getAgency().getCode();
        boolean locked = user.isLockedAt(now);
        if (locked && failuresSince(user, now) >= policy.maxFailures()) {
            compareWithNothing(password);
            events.publishEvent(failed(username, agency, "Account is locked, no password compared",
                    "account-locked-unchecked"));
            return refused();
        }
        if (!passwordEncoder.matches(password, user.getPasswordHash())) {
            wrongPassword(user, agency, locked, now);
            return refused();
        }
        if (locked) {
            events.publishEvent(failed(username, agency, "Account is locked", "account-locked"));
            return new Outcome(null, new LockedException("Account is locked"));
        }
        if (!user.isEnabled() || !user.getAgency().isActive()) {
            events.publishEvent(failed(username, agency, "Account is disabled", "account-disabled"));
            return new Outcome(null, new DisabledException("Account is disabled"));
        }
        return new Outcome(new FieldAidUser(user, false), null);
    }

    private void wrongPassword(AppUser user, String agency, boolean locked, Instant now) {
        String username = user.getUsername();
        failures.save(new LoginFailure(username, now));
        events.publishEvent(locked ? failed(username, agency, "Wrong password, account locked",
                "wrong-password-locked") : failed(username, agency, "Wrong password", "wrong-password"));
        if (locked) {
            return;
        }
        long recent = failuresSince(user, now);
        if (recent >= policy.maxFailures()) {
            user.lockUntil(now.plus(policy.lockFor()));
            // The lock starts with no failures: those made while it lasts are its own, and they are counted
            // until as many as the policy allows have been compared.
            failures.deleteByUsername(username);
            events.publishEvent(AuditRecord.of("ACCOUNT_LOCKED", "USER", username,
                    recent + " failed logins within " + policy.window().toMinutes() + " minutes",
                    "lockedUntil=null", "lockedUntil=" + user.getLockedUntil()).by(username, agency)
                    .saying("locked", recent, policy.window().toMinutes()));
        }
    }

    /** Failures in the window, and none from before the end of a lock that is over. */
    private long failuresSince(AppUser user, Instant now) {
        Instant since = now.minus(policy.window());
        if (user.getLockedUntil() != null && !user.isLockedAt(now) && user.getLockedUntil().isAfter(since)) {
            since = user.getLockedUntil();
        }
        return failures.countByUsernameAndOccurredAtAfter(user.getUsername(), since);
    }

    /** Takes as long as comparing a real password, so that the answer's time tells nothing either. */
    private void compareWithNothing(String password) {
        if (unknownUserHash == null) {
            unknownUserHash = passwordEncoder.encode("no-such-account-" + System.nanoTime());
        }
        passwordEncoder.matches(password, unknownUserHash);
    }

    /** A failed login's audit record, with the reason in English and as its summary key. */
    private static AuditRecord failed(String username, String agency, String reason, String reasonKey) {
        return AuditRecord.of("LOGIN_FAILED", "USER", username, reason, null, null).by(username, agency)
                .saying(reasonKey);
    }

    private static Outcome refused() {
        return new Outcome(null, new BadCredentialsException(BAD_CREDENTIALS));
    }

    private static String trimmed(String name) {
        String text = name == null ? "" : name;
        return text.length() > 64 ? text.substring(0, 64) : text;
    }
}
