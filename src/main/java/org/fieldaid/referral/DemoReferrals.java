package org.fieldaid.referral;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo referrals between the Ministry of Emergency Situations, the Ministry of Health and the Red Cross delegation,
 * in every state: new, one urgent and overdue, accepted, declined, completed and revoked. They go through the
 * service as the demo users, so the audit log holds what real use would leave; only the overdue one has its sending
 * time moved back. Only into a database without referrals.
 */
@Component
@Profile("demo")
@Order(40)
class DemoReferrals implements ApplicationRunner {

    private final Referrals referrals;
    private final HouseholdRegistry registry;
    private final UserDetailsService users;
    private final SecurityContextHolderStrategy holder;
    private final JdbcTemplate jdbc;

    DemoReferrals(Referrals referrals, HouseholdRegistry registry, UserDetailsService users,
                  ObjectProvider<SecurityContextHolderStrategy> holder, JdbcTemplate jdbc) {
        this.referrals = referrals;
        this.registry = registry;
        this.users = users;
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM referral", Long.class) > 0) {
            return;
        }
        // families the partner may not read by their own consent, so that an accepted referral is what opens them
        List<Long> families = jdbc.queryForList("SELECT id FROM household WHERE status = 'REGISTERED' "
                + "AND consent_share_partners = FALSE AND member_count BETWEEN 2 AND 6 ORDER BY id", Long.class);
        if (families.size() < 7) {
            return;
        }
        send("mchs.officer", families.get(0), ServiceKind.HEALTH_CHECK, "HEALTH", Urgency.ROUTINE,
                "Coughing for two weeks, no doctor at the collective centre.");
        ReferralRow overdue = send("mchs.officer", families.get(1), ServiceKind.HEALTH_CHECK, "HEALTH", Urgency.URGENT,
                "Elderly mother fainted twice this week.");
        jdbc.update("UPDATE referral SET sent_at = ? WHERE id = ?",
                ReferralStore.utc(overdue.sentAt().minus(Duration.ofHours(30))), overdue.id());
        ReferralRow tracing = send("mchs.officer", families.get(2), ServiceKind.FAMILY_TRACING, "PARTNER",
                Urgency.ROUTINE, "Son last seen in Hadrut in October 2020.");
        as("partner.officer", () -> referrals.accept(tracing.id(), tracing.version()));
        ReferralRow shelter = send("health.officer", families.get(3), ServiceKind.SHELTER_REPAIR, "MCHS",
                Urgency.URGENT, "Roof of the rented room leaks; a child with asthma lives there.");
        ReferralRow repairing = as("mchs.officer", () -> referrals.accept(shelter.id(), shelter.version()));
        as("mchs.officer", () -> referrals.complete(repairing.id(), repairing.version(), Outcome.SERVICE_GIVEN,
                "Roof sheeting fitted on the second visit."));
        ReferralRow support = send("mchs.officer", families.get(4), ServiceKind.PSYCHOSOCIAL_SUPPORT, "HEALTH",
                Urgency.ROUTINE, null);
        as("health.officer", () -> referrals.decline(support.id(), support.version(),
                "The family is already followed by the Red Cross psychosocial team."));
        ReferralRow legal = send("health.officer", families.get(5), ServiceKind.LEGAL_AID, "PARTNER", Urgency.ROUTINE,
                "Needs help to replace property papers.");
        as("health.supervisor", () -> referrals.revoke(legal.id(), legal.version(),
                "Sent to the wrong partner: the family asked for the state legal aid office."));
        ReferralRow unreachable = send("mchs.officer", families.get(6), ServiceKind.LEGAL_AID, "PARTNER",
                Urgency.ROUTINE, null);
        ReferralRow taken = as("partner.officer", () -> referrals.accept(unreachable.id(), unreachable.version()));
        as("partner.officer", () -> referrals.complete(taken.id(), taken.version(), Outcome.NOT_REACHABLE,
                "Three calls, no answer; the shelter says the family moved."));
    }

    private ReferralRow send(String sender, long householdId, ServiceKind service, String to, Urgency urgency,
                             String note) {
        return as(sender, () -> {
            HouseholdDetails household = registry.get(householdId);
            MemberView first = household.members().getFirst();
            MemberView last = household.members().getLast();
            return referrals.send(new ReferralForm(householdId, Set.of(last.id()), service, to, urgency, null, note,
                    true, first.id()));
        });
    }

    private <T> T as(String username, Supplier<T> action) {
        UserDetails user = users.loadUserByUsername(username);
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        holder.setContext(context);
        try {
            return action.get();
        } finally {
            holder.clearContext();
        }
    }
}
