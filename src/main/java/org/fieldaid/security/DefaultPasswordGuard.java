package org.fieldaid.security;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In production, refuses to start while any account can still be opened with a demo or default password.
 * The check hashes each known default against each account, so it needs no knowledge of how demo data was made.
 */
@Component
@Profile("prod")
class DefaultPasswordGuard implements ApplicationRunner {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;

    DefaultPasswordGuard(AppUserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional(readOnly = true)
    public void run(ApplicationArguments args) {
        List<String> exposed = users.findAll().stream()
                .filter(AppUser::isEnabled)
                .filter(u -> PasswordPolicy.KNOWN_DEFAULTS.stream()
                        .anyMatch(p -> passwordEncoder.matches(p, u.getPasswordHash())))
                .map(AppUser::getUsername)
                .sorted()
                .toList();
        if (!exposed.isEmpty()) {
            throw new IllegalStateException("Refusing to start in the 'prod' profile: these accounts still have a demo "
                    + "or default password: " + String.join(", ", exposed) + ". Reset their passwords (Administration > "
                    + "Users) or disable them, or start on a fresh database.");
        }
    }
}
