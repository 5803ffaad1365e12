package org.fieldaid.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.fieldaid.base.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator of an installation, from {@code FIELDAID_ADMIN_USERNAME} and
 * {@code FIELDAID_ADMIN_PASSWORD}: made once, and only into a database that has no account at all, so that a
 * production start needs neither demo data nor a default password. Later starts leave every account as it is,
 * whatever the variables say. In the prod profile a database without accounts and without these variables is
 * refused at start: nobody could sign in to it.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
    static final String AGENCY = "CENTRE";

    private final AppUserRepository users;
    private final AgencyRepository agencies;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Environment environment;
    private final String username;
    private final String password;
    private final String fullName;

    FirstAdministrator(AppUserRepository users, AgencyRepository agencies, PasswordEncoder passwordEncoder,
                       ApplicationEventPublisher events, Clock clock, Environment environment,
                       @Value("${fieldaid.admin.username:}") String username,
                       @Value("${fieldaid.admin.password:}") String password,
                       @Value("${fieldaid.admin.full-name:Administrator}") String fullName) {
        this.users = users;
        this.agencies = agencies;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
        this.environment = environment;
        this.username = username.strip();
        this.password = password;
        this.fullName = fullName.isBlank() ? "Administrator" : fullName.strip();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            if (!username.isEmpty()) {
                LOG.info("FIELDAID_ADMIN_USERNAME is set but the database has accounts already; nothing changed");
            }
            return;
        }
        if (username.isEmpty() || password.isEmpty()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("Refusing to start in the 'prod' profile: the database has no "
                        + "account. Set FIELDAID_ADMIN_USERNAME and FIELDAID_ADMIN_PASSWORD for the first "
                        + "administrator.");
            }
            return;
        }
        List<String> violations = PasswordPolicy.violations(username, password);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Refusing to create the first administrator '" + username + "': "
                    + "FIELDAID_ADMIN_PASSWORD breaks the password policy (" + String.join(", ", violations)
                    + "). It needs at least " + PasswordPolicy.MIN_LENGTH + " characters with a letter and a digit, "
                    + "no user name, no long runs and no default password.");
        }
        Agency centre = agencies.findByCode(AGENCY).orElseThrow();
        AppUser admin = users.save(new AppUser(username, fullName, centre, EnumSet.of(Role.ADMIN),
                passwordEncoder.encode(password), clock.instant()));
        events.publishEvent(AuditRecord.of("USER_CREATED", "USER", admin.getUsername(),
                "First administrator created from the environment", null, admin.describe()).by("system", null)
                .saying("first-admin"));
        LOG.info("Created the first administrator '{}'", username);
    }
}
