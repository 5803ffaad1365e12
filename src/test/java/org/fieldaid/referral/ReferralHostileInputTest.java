package org.fieldaid.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.LongSupplier;
import org.fieldaid.approval.Approvals;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.HostileForms;
import org.fieldaid.support.HostileInput;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestFamilies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hostile corpus (issue 14, item 5) through the referral forms by the services: the note that goes with it, the
 * receiving agency's reason to decline and its outcome note, and the sender's reason to revoke.
 */
@IntegrationTest
class ReferralHostileInputTest {

    @Autowired Referrals referrals;
    @Autowired HouseholdRegistry registry;
    @Autowired Approvals approvals;
    @Autowired Settlements settlements;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    private final LongSupplier rows = () -> jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM referral) + (SELECT "
            + "COUNT(*) FROM referral WHERE status <> 'SENT') + (SELECT COUNT(*) FROM audit_event)", Long.class);

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @AfterAll
    static void report() {
        System.out.println(HostileInput.report("referral forms so far"));
    }

    private ReferralForm form(HouseholdDetails family, String note, String toAgency) {
        return new ReferralForm(family.id(), Set.of(family.members().getLast().id()), ServiceKind.HEALTH_CHECK,
                toAgency, Urgency.ROUTINE, null, note, true, family.members().getFirst().id());
    }

    private ReferralRow send(HouseholdDetails family) {
        return signIn.run("mchs.officer", () -> referrals.send(form(family, "Needs a check", "HEALTH")));
    }

    private ReferralRow accept(ReferralRow sent) {
        return signIn.run("health.officer", () -> referrals.accept(sent.id(), sent.version()));
    }

    private String column(long id, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM referral WHERE id = ?", String.class, id);
    }

    @Test
    void everyReferralTextIsKeptExactlyOrRefusedAtItsField() {
        TestFamilies families = new TestFamilies(registry, approvals, settlements, signIn);
        HouseholdDetails family = families.registered("mchs.officer", "mchs.supervisor",
                families.form(2, families.receptionPoint()));
        HostileForms.text("referral", "note", 1000, true, v -> {
            ReferralRow sent = signIn.run("mchs.officer", () -> referrals.send(form(family, v, "HEALTH")));
            String kept = column(sent.id(), "note");
            // revoked, so that the next case may refer the family to the same service again
            signIn.run("mchs.officer", () -> referrals.revoke(sent.id(), sent.version(), "Next case"));
            return kept;
        }, rows);
        HostileForms.formatted("referral", "agency", v -> {
            ReferralRow sent = signIn.run("mchs.officer", () -> referrals.send(form(family, "Note", v)));
            return sent.toAgency();
        }, rows, String::strip);

        signIn.as("admin");
        for (var t : HostileForms.cases(32)) {
            long before = rows.getAsLong();
            assertThatThrownBy(() -> referrals.setServices(t.value(), Set.of(), Set.of(ServiceKind.LEGAL_AID)))
                    .as(t.name()).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsKey("agency"));
            assertThat(rows.getAsLong()).isEqualTo(before);
            HostileInput.counted("agency services");
        }
        signIn.out();

        ReferralRow[] open = {send(family)};
        HostileForms.text("referral", "reason", 500, true, v -> {
            signIn.run("mchs.officer", () -> referrals.revoke(open[0].id(), open[0].version(), v));
            String kept = column(open[0].id(), "revoke_reason");
            open[0] = send(family);
            return kept;
        }, rows);
        HostileForms.text("referral answer", "reason", 500, true, v -> {
            signIn.run("health.officer", () -> referrals.decline(open[0].id(), open[0].version(), v));
            String kept = column(open[0].id(), "decline_reason");
            open[0] = send(family);
            return kept;
        }, rows);
        ReferralRow[] accepted = {accept(open[0])};
        HostileForms.text("referral answer", "outcomeNote", 500, true, v -> {
            signIn.run("health.officer", () -> referrals.complete(accepted[0].id(), accepted[0].version(),
                    Outcome.SERVICE_GIVEN, v));
            String kept = column(accepted[0].id(), "outcome_note");
            accepted[0] = accept(send(family));
            return kept;
        }, rows);
    }
}
