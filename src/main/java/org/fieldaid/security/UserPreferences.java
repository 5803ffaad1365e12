package org.fieldaid.security;

import java.util.Optional;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the signed-in person chooses for themselves; each call acts on the caller's own account only. */
@Service
@PreAuthorize("isAuthenticated()")
public class UserPreferences {

    private final AppUserRepository users;
    private final ApplicationEventPublisher events;
    private final Caller caller;

    UserPreferences(AppUserRepository users, ApplicationEventPublisher events, Caller caller) {
        this.users = users;
        this.events = events;
        this.caller = caller;
    }

    @Transactional(readOnly = true)
    public Optional<String> preferredLocale() {
        return users.findByUsername(callerName()).map(AppUser::getPreferredLocale);
    }

    @Transactional
    public void setPreferredLocale(String languageTag) {
        users.findByUsername(callerName()).ifPresent(user -> {
            String before = user.getPreferredLocale();
            if (!languageTag.equals(before)) {
                user.setPreferredLocale(languageTag);
                events.publishEvent(AuditRecord.of("LANGUAGE_CHANGED", "USER", user.getUsername(),
                        "Preferred language changed", "locale=" + before, "locale=" + languageTag)
                        .saying("language-changed"));
            }
        });
    }

    private String callerName() {
        return caller.name().orElseThrow();
    }
}
