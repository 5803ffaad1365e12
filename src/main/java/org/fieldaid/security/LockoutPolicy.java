package org.fieldaid.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** After {@code maxFailures} failed logins within {@code window}, the account is locked for {@code lockFor}. */
@ConfigurationProperties("fieldaid.security.lockout")
public record LockoutPolicy(int maxFailures, Duration window, Duration lockFor) {

    public LockoutPolicy {
        if (maxFailures <= 0) {
            maxFailures = 5;
        }
        if (window == null) {
            window = Duration.ofMinutes(15);
        }
        if (lockFor == null) {
            lockFor = Duration.ofMinutes(15);
        }
    }
}
