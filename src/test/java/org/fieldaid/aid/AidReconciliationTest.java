package org.fieldaid.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fieldaid.approval.Approvals;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Partial handovers leave a follow-up for the rest; a round's figures add up exactly, voids and follow-ups included. */
@IntegrationTest
class AidReconciliationTest {

    @Autowired Aid aid;
    @Autowired AidStore store;
    @Autowired Approvals approvals;
    @Autowired HouseholdRegistry registry;
    @Autowired TransactionTemplate transactions;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;
    AidFixture fx;

    @BeforeEach
    void fixture() {
        fx = new AidFixture(aid, store, approvals, registry, transactions, signIn, jdbc);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private List<EntitlementRow> foodOf(RoundRow round) {
        return signIn.run("mchs.officer", () -> aid.entitlementsOfRound(round.id(), 1000)).stream()
                .filter(e -> e.packageCode().equals("FOOD") && e.quantity() >= 3 && !e.followUp()).toList();
    }

    @Test
    void theRestOfAPartialHandoverBecomesDueAndNeverMoreThanTheEntitlementIsHandedOver() {
        long warehouse = fx.warehouse("FOOD", 100);
        RoundRow round = fx.approvedRound(fx.receptionPoints().getFirst(), warehouse, "FOOD");
        EntitlementRow due = foodOf(round).getFirst();
        assertThat(fx.deliver(due, 1).result()).isEqualTo(DeliveryOutcome.Result.DELIVERED);
        EntitlementRow rest = fx.followUpOf(due);
        assertThat(rest.quantity()).isEqualTo(due.quantity() - 1);
        assertThat(rest.deliverable()).isTrue();
        assertThat(fx.reread(due).stillDue()).isZero();

        // the follow-up holds exactly the rest: more is refused, the rest goes, and nothing more is due
        assertThatThrownBy(() -> fx.deliver(rest, rest.quantity() + 1)).isInstanceOf(InvalidInputException.class);
        assertThat(fx.deliver(rest, rest.quantity()).result()).isEqualTo(DeliveryOutcome.Result.DELIVERED);
        assertThat(fx.reread(rest).status()).isEqualTo(EntitlementStatus.DELIVERED);
        assertThat(signIn.run("mchs.officer", () -> aid.entitlementsOf(due.householdId())).stream()
                .filter(e -> e.roundId() != null && e.roundId() == round.id() && e.deliverable())).isEmpty();
        int handed = signIn.run("mchs.officer", () -> aid.deliveriesOf(due.householdId())).stream()
                .filter(d -> !d.voided() && (d.entitlementId() == due.id() || d.entitlementId() == rest.id()))
                .mapToInt(DeliveryRow::quantity).sum();
        assertThat(handed).isEqualTo(due.quantity());
        assertThat(store.balance(warehouse, fx.type("FOOD"))).isEqualTo(100 - due.quantity());
    }

    @Test
    void voidingAPartialHandoverTakesItsFollowUpAwayUnlessTheRestWasHandedOver() {
        long warehouse = fx.warehouse("FOOD", 100);
        RoundRow round = fx.approvedRound(fx.receptionPoints().getFirst(), warehouse, "FOOD");
        List<EntitlementRow> food = foodOf(round);
        EntitlementRow first = food.get(0);
        DeliveryRow part = fx.deliver(first, 1).delivery();
        EntitlementRow rest = fx.followUpOf(first);
        signIn.run("mchs.supervisor", () -> aid.voidDelivery(part.id(), part.version(), "Wrong family"));
        assertThat(fx.reread(rest).status()).isEqualTo(EntitlementStatus.CANCELLED);
        assertThat(fx.reread(first).status()).isEqualTo(EntitlementStatus.DUE);
        assertThat(fx.reread(first).stillDue()).isEqualTo(first.quantity());

        // once the rest was handed over too, the earlier handover is voided only after the later one
        EntitlementRow second = food.get(1);
        DeliveryRow early = fx.deliver(second, 1).delivery();
        EntitlementRow secondRest = fx.followUpOf(second);
        DeliveryRow late = fx.deliver(secondRest, secondRest.quantity()).delivery();
        signIn.as("mchs.supervisor");
        assertThatThrownBy(() -> aid.voidDelivery(early.id(), early.version(), "Recount"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get("status"))
                        .containsExactly("aid.error.void-follow-up-first"));
        aid.voidDelivery(late.id(), late.version(), "Recount");
        aid.voidDelivery(early.id(), early.version(), "Recount");
        assertThat(fx.reread(second).stillDue()).isEqualTo(second.quantity());
    }

    @Test
    void aRoundsFiguresAddUpExactlyWithPartialHandoversAndVoids() {
        long warehouse = fx.warehouse("FOOD", 200);
        signIn.run("mchs.supervisor", () -> aid.receive(new ReceiptForm(warehouse, fx.type("HYGIENE"), 50, "Test",
                "WB-RECON")));
        RoundRow round = fx.approvedRound(fx.receptionPoints().getFirst(), warehouse, "FOOD", "HYGIENE");
        List<EntitlementRow> food = foodOf(round);
        List<EntitlementRow> hygiene = signIn.run("mchs.officer", () -> aid.entitlementsOfRound(round.id(), 1000))
                .stream().filter(e -> e.packageCode().equals("HYGIENE")).toList();
        // every family of the point, however many other tests registered there: counted by SQL, not by a page
        int entitledFood = jdbc.queryForObject("SELECT SUM(quantity) FROM aid_entitlement WHERE round_id = ?"
                + " AND package_type_id = ?", Integer.class, round.id(), fx.type("FOOD"));
        int entitledHygiene = jdbc.queryForObject("SELECT SUM(quantity) FROM aid_entitlement WHERE round_id = ?"
                + " AND package_type_id = ?", Integer.class, round.id(), fx.type("HYGIENE"));

        fx.deliver(food.get(0), food.get(0).quantity());                     // whole
        fx.deliver(food.get(1), 2);                                            // partial: follow-up for the rest
        DeliveryRow voided = fx.deliver(food.get(2), food.get(2).quantity()).delivery();
        signIn.run("mchs.supervisor", () -> aid.voidDelivery(voided.id(), voided.version(), "Handed to a neighbour"));
        fx.deliver(food.get(2), 1);                                            // again, to the right person, in part
        DeliveryRow hygieneVoided = fx.deliver(hygiene.get(0), 1).delivery();
        signIn.run("mchs.supervisor", () -> aid.voidDelivery(hygieneVoided.id(), hygieneVoided.version(), "Damaged"));
        fx.deliver(hygiene.get(1), 1);

        int deliveredFood = food.get(0).quantity() + 2 + 1;
        ReconciliationRow f = row(round, "FOOD");
        assertThat(f.entitled()).isEqualTo(entitledFood);
        assertThat(f.delivered()).isEqualTo(deliveredFood);
        assertThat(f.voided()).isEqualTo(food.get(2).quantity());
        assertThat(f.stillDue()).isEqualTo(entitledFood - deliveredFood);
        assertThat(f.stockIssued()).isEqualTo(deliveredFood);
        assertThat(f.inStock()).isEqualTo(200 - deliveredFood);
        assertThat(f.addsUp()).isTrue();

        ReconciliationRow h = row(round, "HYGIENE");
        assertThat(h.entitled()).isEqualTo(entitledHygiene);
        assertThat(h.delivered()).isEqualTo(1);
        assertThat(h.voided()).isEqualTo(1);
        assertThat(h.stillDue()).isEqualTo(entitledHygiene - 1);
        assertThat(h.stockIssued()).isEqualTo(1);
        assertThat(h.inStock()).isEqualTo(49);
        assertThat(h.addsUp()).isTrue();
        // and the ledger says the same as the balance
        assertThat(store.ledgerSum(warehouse, fx.type("FOOD"))).isEqualTo(f.inStock());
        assertThat(store.ledgerSum(warehouse, fx.type("HYGIENE"))).isEqualTo(h.inStock());
    }

    private ReconciliationRow row(RoundRow round, String code) {
        return signIn.run("mchs.officer", () -> aid.reconciliation(round.id())).stream()
                .filter(r -> r.packageCode().equals(code)).findFirst().orElseThrow();
    }
}
