package org.fieldaid.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A family registered twice is warned about at the second handover, and both the warning and the decision audited. */
@IntegrationTest
class AidDuplicateWarningTest {

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

    /** The same family registered again, with the same members and documents, and approved. */
    private HouseholdDetails registeredAgain(long householdId) {
        HouseholdDetails original = signIn.run("mchs.officer", () -> registry.get(householdId));
        RegistrationForm copy = original.toForm();
        RegistrationForm again = new RegistrationForm(copy.originSettlementId(), copy.currentSettlementId(),
                copy.currentAddress(), copy.displacedOn(), copy.phone(), copy.consentSharePartners(),
                copy.consentContact(), copy.vulnerabilities(), copy.members().stream().map(m -> new MemberForm(null,
                m.familyName(), m.givenName(), m.patronymic(), m.sex(), m.birthDate(), m.birthDateEstimated(),
                m.relation(), m.documentType(), m.documentNumber(), m.vulnerabilities())).toList());
        HouseholdDetails submitted = signIn.run("mchs.officer", () -> registry.saveAndSubmit(null, 0, again,
                "Test: registered twice on purpose"));
        signIn.run("mchs.supervisor2", () -> {
            ApprovalView request = approvals.requestsFor(HouseholdRegistry.APPROVAL_KIND, submitted.id()).getFirst();
            return approvals.approve(request.id(), request.version());
        });
        return signIn.run("mchs.officer", () -> registry.get(submitted.id()));
    }

    @Test
    void theOfficerIsWarnedBeforeHandingOverToAPossibleDuplicateAndTheWarningAndConfirmationAreAudited() {
        List<Long> points = fx.receptionPoints();
        long point = points.getLast();
        long first = transactions.execute(s -> jdbc.queryForObject("SELECT MIN(id) FROM household WHERE status = "
                + "'REGISTERED' AND current_settlement_id = ?", Long.class, point));
        HouseholdDetails twin = registeredAgain(first);
        long warehouse = fx.warehouse("MEDICAL", 5);
        RoundRow round = fx.approvedRound(point, warehouse, "MEDICAL");
        List<EntitlementRow> due = signIn.run("mchs.officer", () -> aid.entitlementsOfRound(round.id(), 1000));
        EntitlementRow toFirst = due.stream().filter(e -> e.householdId() == first).findFirst().orElseThrow();
        EntitlementRow toTwin = due.stream().filter(e -> e.householdId() == twin.id()).findFirst().orElseThrow();

        DeliveryOutcome served = signIn.run("mchs.officer", () -> aid.deliver(fx.toHead(toFirst, 1)));
        assertThat(served.result()).isEqualTo(DeliveryOutcome.Result.DELIVERED);

        DeliveryForm second = fx.toHead(toTwin, 1);
        DeliveryOutcome warned = signIn.run("mchs.officer", () -> aid.deliver(second));
        assertThat(warned.result()).isEqualTo(DeliveryOutcome.Result.DUPLICATE_WARNING);
        assertThat(warned.recorded()).isFalse();
        assertThat(warned.duplicates()).extracting(DuplicateDelivery::receiptNumber)
                .containsExactly(served.delivery().receiptNumber());
        assertThat(fx.audited("AID_DUPLICATE_WARNED", toTwin.id())).isEqualTo(1);
        assertThat(store.balance(warehouse, fx.type("MEDICAL"))).isEqualTo(4);
        assertThat(fx.reread(toTwin).status()).isEqualTo(EntitlementStatus.DUE);

        DeliveryOutcome confirmed = signIn.run("mchs.officer", () -> aid.deliver(second.confirmingDuplicate()));
        assertThat(confirmed.result()).isEqualTo(DeliveryOutcome.Result.DELIVERED);
        assertThat(fx.audited("AID_DUPLICATE_CONFIRMED", confirmed.delivery().receiptNumber())).isEqualTo(1);
        assertThat(store.balance(warehouse, fx.type("MEDICAL"))).isEqualTo(3);
    }

    @Test
    void aFamilyWithoutAPossibleDuplicateIsHandedOverWithoutAWarning() {
        long warehouse = fx.warehouse("HYGIENE", 2);
        RoundRow round = fx.approvedRound(fx.receptionPoints().getFirst(), warehouse, "HYGIENE");
        EntitlementRow due = signIn.run("mchs.officer", () -> aid.entitlementsOfRound(round.id(), 1)).getFirst();
        DeliveryOutcome outcome = signIn.run("mchs.officer", () -> aid.deliver(fx.toHead(due, 1)));
        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.DELIVERED);
        assertThat(fx.audited("AID_DUPLICATE_WARNED", due.id())).isZero();
    }
}
