package org.fieldaid.security;

import static org.fieldaid.security.Authority.*;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides who may do what: an agency's capabilities times a user's roles give the
 * user's authorities. Views, services, exports and the access tests all read it from here.
 */
public final class PermissionMatrix {

    private static final Map<Capability, Map<Role, Set<Authority>>> CASE_WORK = new EnumMap<>(Capability.class);
    private static final Set<Authority> ADMINISTRATION =
            EnumSet.of(USER_MANAGE, AGENCY_MANAGE, SETTLEMENT_MANAGE, CATALOGUE_MANAGE, AUDIT_READ, BACKUP_RUN);
    /**
     * An operator (or the Prometheus server's account) reads how the system is doing and nothing else: a scraper's
     * password that leaks opens no case work and no administration (decision 031).
     */
    private static final Set<Authority> OPERATIONS = EnumSet.of(METRICS_READ);

    static {
        grant(Capability.REGISTRATION,
                // whoever meets families refers them on, and takes the referrals others send to the agency
                EnumSet.of(HOUSEHOLD_READ, HOUSEHOLD_WRITE, REFERRAL_READ, REFERRAL_SEND, REFERRAL_RECEIVE),
                EnumSet.of(HOUSEHOLD_APPROVE, REFERRAL_SUPERVISE),
                EnumSet.of(HOUSEHOLD_READ, REPORT_READ, EXPORT_PERSONAL, EXPORT_AGGREGATE, REFERRAL_READ));
        grant(Capability.SENSITIVE_DATA,
                EnumSet.of(PII_SENSITIVE),
                EnumSet.noneOf(Authority.class),
                EnumSet.of(PII_SENSITIVE));
        grant(Capability.AID,
                // officers plan rounds (and a supervisor approves them), as they register households
                EnumSet.of(HOUSEHOLD_READ, AID_READ, AID_DISTRIBUTE, AID_PLAN, REFERRAL_READ, REFERRAL_SEND,
                        REFERRAL_RECEIVE),
                EnumSet.of(AID_APPROVE, STOCK_MANAGE, REFERRAL_SUPERVISE),
                EnumSet.of(HOUSEHOLD_READ, AID_READ, REPORT_READ, EXPORT_PERSONAL, EXPORT_AGGREGATE, REFERRAL_READ));
        grant(Capability.CONVOYS,
                EnumSet.of(JOURNEY_READ, CONVOY_MANAGE),
                EnumSet.of(JOURNEY_APPROVE),
                EnumSet.of(JOURNEY_READ, REPORT_READ, EXPORT_AGGREGATE));
        grant(Capability.JOURNEYS,
                // journey planners meet families too and refer them on; they offer no service of their own
                EnumSet.of(HOUSEHOLD_READ, JOURNEY_READ, JOURNEY_PLAN, REFERRAL_READ, REFERRAL_SEND),
                EnumSet.of(JOURNEY_APPROVE, REFERRAL_SUPERVISE),
                EnumSet.of(HOUSEHOLD_READ, JOURNEY_READ, REPORT_READ, EXPORT_PERSONAL, EXPORT_AGGREGATE));
        grant(Capability.CHECKPOINT,
                EnumSet.of(JOURNEY_READ, CHECKPOINT_LOG),
                EnumSet.noneOf(Authority.class),
                EnumSet.of(REPORT_READ, EXPORT_AGGREGATE));
        grant(Capability.COORDINATION,
                // coordinators decide where families may go home to; admins do it with SETTLEMENT:MANAGE
                EnumSet.of(REPORT_READ, SETTLEMENT_STATUS),
                EnumSet.noneOf(Authority.class),
                // the coordinators' analysts read the registry and export it, names included, for the ministries
                // and partners they coordinate with; health and protection details stay out (decision 020)
                EnumSet.of(HOUSEHOLD_READ, REPORT_READ, EXPORT_PERSONAL, EXPORT_AGGREGATE));
        grant(Capability.PARTNER,
                // a partner takes referrals (family tracing, psychosocial support) and sends none: it reads only what
                // families agreed to share with it (decision 025)
                EnumSet.of(HOUSEHOLD_READ_CONSENTED, REPORT_READ, REFERRAL_READ, REFERRAL_RECEIVE),
                EnumSet.noneOf(Authority.class),
                EnumSet.of(HOUSEHOLD_READ_CONSENTED, REPORT_READ, EXPORT_AGGREGATE, REFERRAL_READ));
    }

    private PermissionMatrix() {
    }

    /**
     * @param officer what a field officer of an agency with the capability may do
     * @param supervisorExtra what a supervisor may do beyond the field officer
     * @param analyst what an analyst may do (reading, reports, exports)
     */
    private static void grant(Capability capability, Set<Authority> officer, Set<Authority> supervisorExtra,
                              Set<Authority> analyst) {
        Map<Role, Set<Authority>> byRole = new EnumMap<>(Role.class);
        byRole.put(Role.FIELD_OFFICER, EnumSet.copyOf(officer));
        Set<Authority> supervisor = EnumSet.noneOf(Authority.class);
        supervisor.addAll(officer);
        supervisor.addAll(supervisorExtra);
        if (analyst.contains(REPORT_READ)) {
            // a supervisor's home is the dashboard of what the agency does (decision 023)
            supervisor.add(REPORT_READ);
        }
        byRole.put(Role.SUPERVISOR, supervisor);
        byRole.put(Role.ANALYST, analyst.isEmpty() ? EnumSet.noneOf(Authority.class) : EnumSet.copyOf(analyst));
        byRole.put(Role.ADMIN, EnumSet.noneOf(Authority.class));
        byRole.put(Role.OPERATOR, EnumSet.noneOf(Authority.class));
        CASE_WORK.put(capability, byRole);
    }

    public static Set<Authority> authorities(Collection<Capability> capabilities, Collection<Role> roles) {
        Set<Authority> result = EnumSet.noneOf(Authority.class);
        for (Role role : roles) {
            if (role == Role.ADMIN) {
                result.addAll(ADMINISTRATION);
            }
            if (role == Role.OPERATOR) {
                result.addAll(OPERATIONS);
            }
            for (Capability capability : capabilities) {
                result.addAll(CASE_WORK.get(capability).get(role));
            }
        }
        return result;
    }

    public static boolean allows(Collection<Capability> capabilities, Collection<Role> roles, Authority authority) {
        return authorities(capabilities, roles).contains(authority);
    }
}
