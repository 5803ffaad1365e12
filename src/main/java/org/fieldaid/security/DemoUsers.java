package org.fieldaid.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fieldaid.base.AuditRecord;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo logins listed in the README. Only in the demo profile, and only into a database without users. */
@Component
@Profile("demo")
@Order(0)
class DemoUsers implements ApplicationRunner {

    static final String DEMO_PASSWORD = "fieldaid";

    record Demo(String username, String fullName, String agency, Set<Role> roles) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin", "Anna Petrosyan", "CENTRE", EnumSet.of(Role.ADMIN)),
            new Demo("mchs.officer", "Armen Grigoryan", "MCHS", EnumSet.of(Role.FIELD_OFFICER)),
            new Demo("mchs.supervisor", "Lilit Hakobyan", "MCHS", EnumSet.of(Role.SUPERVISOR)),
            // a second aid supervisor plans what the first approves: nobody decides their own request
            new Demo("mchs.supervisor2", "Gayane Mkrtchyan", "MCHS", EnumSet.of(Role.SUPERVISOR)),
            new Demo("mod.officer", "Sergei Volkov", "MOD", EnumSet.of(Role.FIELD_OFFICER)),
            new Demo("mod.supervisor", "Dmitry Orlov", "MOD", EnumSet.of(Role.SUPERVISOR)),
            new Demo("border.officer", "Karen Sargsyan", "BORDER", EnumSet.of(Role.FIELD_OFFICER)),
            new Demo("mfa.analyst", "Nune Avetisyan", "MFA", EnumSet.of(Role.ANALYST)),
            new Demo("mfa.coordinator", "Tigran Melkonyan", "MFA", EnumSet.of(Role.FIELD_OFFICER)),
            new Demo("health.officer", "Mariam Harutyunyan", "HEALTH", EnumSet.of(Role.FIELD_OFFICER)),
            // each agency decides its own registrations (decision 027), and its supervisor revokes the ministry's
            // referrals and is told of overdue ones (decision 025)
            new Demo("health.supervisor", "Ani Sahakyan", "HEALTH", EnumSet.of(Role.SUPERVISOR)),
            new Demo("partner.analyst", "Claire Dubois", "PARTNER", EnumSet.of(Role.ANALYST)),
            // the delegation's caseworker who takes family tracing referrals
            new Demo("partner.officer", "Jonas Keller", "PARTNER", EnumSet.of(Role.FIELD_OFFICER)),
            // the analysts who export the aid and journey lists (decision 021)
            new Demo("mchs.analyst", "Ruzanna Avagyan", "MCHS", EnumSet.of(Role.ANALYST)),
            new Demo("mod.analyst", "Olga Smirnova", "MOD", EnumSet.of(Role.ANALYST)),
            // reads health and metrics only, as a Prometheus server does (decision 031)
            new Demo("operator", "Arsen Davtyan", "CENTRE", EnumSet.of(Role.OPERATOR)));

    private final AppUserRepository users;
    private final AgencyRepository agencies;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoUsers(AppUserRepository users, AgencyRepository agencies, PasswordEncoder passwordEncoder,
              ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.agencies = agencies;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // a demo database made by an earlier version gets the demo accounts added since; an account that exists
        // keeps its password, roles and state
        String hash = null;
        for (Demo demo : ACCOUNTS) {
            if (users.findByUsername(demo.username()).isPresent()) {
                continue;
            }
            hash = hash == null ? passwordEncoder.encode(DEMO_PASSWORD) : hash;
            Agency agency = agencies.findByCode(demo.agency()).orElseThrow();
            AppUser user = users.save(new AppUser(demo.username(), demo.fullName(), agency, demo.roles(), hash,
                    clock.instant()));
            events.publishEvent(AuditRecord.of("USER_CREATED", "USER", user.getUsername(), "Demo account created",
                    null, user.describe()).by("system", null).saying("demo-account-created"));
        }
    }
}
