package org.fieldaid.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.approval.FourEyesViolation;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberView;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AidTest {

    @Autowired Aid aid;
    @Autowired AidStore store;
    @Autowired Approvals approvals;
    @Autowired HouseholdRegistry registry;
    @Autowired Settlements settlements;
    @Autowired TransactionTemplate transactions;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    /** A warehouse of the test's own, so that no other test's deliveries change its stock. */
    private long warehouseWith(int hygieneKits) {
        long point = receptionPoints().getFirst();
        String code = "WT-" + UUID.randomUUID().toString().substring(0, 8);
        long id = transactions.execute(s -> store.insertWarehouse(code, "Test warehouse " + code, "MCHS", point));
        if (hygieneKits > 0) {
            signIn.run("mchs.supervisor", () -> aid.receive(new ReceiptForm(id, hygiene(), hygieneKits,
                    "Test consignment", "WB-" + code)));
        }
        return id;
    }

    private long hygiene() {
        return store.packageTypes().stream().filter(t -> t.code().equals("HYGIENE")).findFirst().orElseThrow().id();
    }

    /** Reception points ordered by how many registered households live there, most first. */
    private List<Long> receptionPoints() {
        return transactions.execute(s -> jdbc.queryForList("SELECT current_settlement_id FROM household "
                + "WHERE status = 'REGISTERED' GROUP BY current_settlement_id ORDER BY COUNT(*) DESC, "
                + "current_settlement_id", Long.class));
    }

    private RoundRow approvedRound(long point, long warehouse) {
        RoundRow round = plannedRound(point, warehouse);
        RoundRow submitted = signIn.run("mchs.officer", () -> aid.submitRound(round.id(), round.version()));
        signIn.run("mchs.supervisor", () -> {
            ApprovalView request = approvals.requestsFor(Aid.ROUND_APPROVAL_KIND, submitted.id()).getFirst();
            return approvals.approve(request.id(), request.version());
        });
        return signIn.run("mchs.officer", () -> aid.round(round.id()));
    }

    private RoundRow plannedRound(long point, long warehouse) {
        LocalDate today = LocalDate.now();
        return signIn.run("mchs.officer", () -> aid.planRound(new RoundForm(point, warehouse, Set.of(hygiene()),
                today, today.plusDays(14))));
    }

    /** A handover to the household's head; leaves the officer signed in. */
    private DeliveryForm toHead(EntitlementRow due, String key) {
        signIn.as("mchs.officer");
        MemberView head = registry.get(due.householdId()).members().getFirst();
        return new DeliveryForm(due.id(), due.quantity(), head.id(), head.fullName(), null, null, true, key);
    }

    @Test
    void aRoundGivesEveryRegisteredHouseholdAtItsPointOneEntitlementAndComputingAgainAddsNone() {
        long point = receptionPoints().getFirst();
        RoundRow round = plannedRound(point, warehouseWith(0));
        int registeredThere = transactions.execute(s -> jdbc.queryForObject("SELECT COUNT(*) FROM "
                + "household WHERE status = 'REGISTERED' AND current_settlement_id = ?", Integer.class, point));
        assertThat(round.entitlements()).isEqualTo(registeredThere).isPositive();
        RoundRow again = signIn.run("mchs.officer", () -> aid.compute(round.id()));
        assertThat(again.entitlements()).isEqualTo(round.entitlements());
    }

    @Test
    void nothingIsDeliveredBeforeTheRoundIsApproved() {
        RoundRow round = plannedRound(receptionPoints().getFirst(), warehouseWith(5));
        EntitlementRow due = signIn.run("mchs.officer", () -> aid.entitlementsOfRound(round.id(), 1)).getFirst();
        DeliveryForm form = toHead(due, UUID.randomUUID().toString());
        signIn.as("mchs.officer");
        assertThatThrownBy(() -> aid.deliver(form)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get("entitlement"))
                        .containsExactly("aid.error.not-approved"));
    }

    @Test
    void supervisorCannotApproveTheirOwnRound() {
        RoundRow round = signIn.run("mchs.supervisor", () -> {
            LocalDate today = LocalDate.now();
            RoundRow planned = aid.planRound(new RoundForm(receptionPoints().getFirst(), warehouseWith(0),
                    Set.of(hygiene()), today, today.plusDays(3)));
            return aid.submitRound(planned.id(), planned.version());
        });
        signIn.as("mchs.supervisor");
        ApprovalView request = approvals.requestsFor(Aid.ROUND_APPROVAL_KIND, round.id()).getFirst();
        assertThatThrownBy(() -> approvals.approve(request.id(), request.version()))
                .isInstanceOf(FourEyesViolation.class);
        assertThat(aid.round(round.id()).status()).isEqualTo(RoundStatus.SUBMITTED);
    }

    @Test
    void aDeliveryLowersStockAndASecondOneOfTheSamePackageIsRefused() {
        long warehouse = warehouseWith(5);
        RoundRow round = approvedRound(receptionPoints().getFirst(), warehouse);
        EntitlementRow due = signIn.run("mchs.officer", () -> aid.entitlementsOfRound(round.id(), 1)).getFirst();
        signIn.as("mchs.officer");
        DeliveryOutcome first = aid.deliver(toHead(due, UUID.randomUUID().toString()));
        assertThat(first.result()).isEqualTo(DeliveryOutcome.Result.DELIVERED);
        assertThat(first.delivery().receiptNumber()).matches("R-\\d{4}-\\d{7}");
        DeliveryOutcome second = aid.deliver(toHead(due, UUID.randomUUID().toString()));
        assertThat(second.result()).isEqualTo(DeliveryOutcome.Result.ALREADY_DELIVERED);
        assertThat(second.messageKey()).isEqualTo("aid.deliver.result.ALREADY_DELIVERED");
        assertThat(store.balance(warehouse, hygiene())).isEqualTo(4);
        assertThat(aid.entitlementsOf(due.householdId()).stream().filter(e -> e.id() == due.id()).findFirst()
                .orElseThrow().status()).isEqualTo(EntitlementStatus.DELIVERED);
    }

    @Test
    void aProxyNeedsANameAndADocumentAndIdentityMustBeChecked() {
        signIn.as("mchs.officer");
        assertThatThrownBy(() -> aid.deliver(new DeliveryForm(1L, 1, null, null, " ", null, false, "k")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsOnlyKeys("proxyName", "proxyDocument", "identityChecked"));
    }

    @Test
    void aPartialDeliveryRecordsWhatWasHandedOverAndWhatIsStillDue() {
        long warehouse = warehouseWith(20);
        long food = store.packageTypes().stream().filter(t -> t.code().equals("FOOD")).findFirst().orElseThrow().id();
        signIn.run("mchs.supervisor", () -> aid.receive(new ReceiptForm(warehouse, food, 20, "Test", "WB-F")));
        LocalDate today = LocalDate.now();
        RoundRow planned = signIn.run("mchs.officer", () -> aid.planRound(new RoundForm(receptionPoints().getFirst(),
                warehouse, Set.of(food), today, today.plusDays(3))));
        RoundRow submitted = signIn.run("mchs.officer", () -> aid.submitRound(planned.id(), planned.version()));
        signIn.run("mchs.supervisor", () -> {
            ApprovalView request = approvals.requestsFor(Aid.ROUND_APPROVAL_KIND, submitted.id()).getFirst();
            return approvals.approve(request.id(), request.version());
        });
        EntitlementRow due = signIn.run("mchs.officer", () -> aid.entitlementsOfRound(planned.id(), 1000)).stream()
                .filter(e -> e.quantity() >= 2).findFirst().orElseThrow();
        DeliveryForm whole = toHead(due, UUID.randomUUID().toString());
        signIn.as("mchs.officer");
        DeliveryOutcome outcome = aid.deliver(new DeliveryForm(whole.entitlementId(), 1, whole.memberId(),
                whole.memberName(), null, null, true, whole.requestKey()));
        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.DELIVERED);
        EntitlementRow after = aid.entitlementsOf(due.householdId()).stream().filter(e -> e.id() == due.id())
                .findFirst().orElseThrow();
        assertThat(after.status()).isEqualTo(EntitlementStatus.PARTLY_DELIVERED);
        assertThat(after.deliveredQuantity()).isEqualTo(1);
        // the rest is due as a follow-up entitlement of its own
        EntitlementRow rest = aid.entitlementsOf(due.householdId()).stream()
                .filter(e -> e.parentId() != null && e.parentId() == due.id()).findFirst().orElseThrow();
        assertThat(rest.stillDue()).isEqualTo(due.quantity() - 1);
        assertThat(rest.deliverable()).isTrue();
        assertThat(store.balance(warehouse, food)).isEqualTo(19);
    }

    @Test
    void aVoidPutsTheStockBackThroughTheLedgerAndLeavesBothEntriesVisible() {
        long warehouse = warehouseWith(3);
        RoundRow round = approvedRound(receptionPoints().getFirst(), warehouse);
        EntitlementRow due = signIn.run("mchs.officer", () -> aid.entitlementsOfRound(round.id(), 1)).getFirst();
        DeliveryRow delivered = signIn.run("mchs.officer",
                () -> aid.deliver(toHead(due, UUID.randomUUID().toString()))).delivery();
        assertThat(store.balance(warehouse, hygiene())).isEqualTo(2);

        signIn.as("mchs.officer");
        assertThatThrownBy(() -> aid.voidDelivery(delivered.id(), delivered.version(), "wrong family"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        signIn.as("mchs.supervisor");
        DeliveryRow voided = aid.voidDelivery(delivered.id(), delivered.version(), "Handed to the wrong family");
        assertThat(voided.voided()).isTrue();
        assertThat(store.balance(warehouse, hygiene())).isEqualTo(3).isEqualTo(store.ledgerSum(warehouse, hygiene()));
        assertThat(aid.ledger(warehouse, hygiene(), 10)).extracting(MovementRow::kind)
                .containsExactly(MovementKind.VOID, MovementKind.DELIVERY, MovementKind.RECEIPT);
        assertThat(aid.deliveriesOf(due.householdId())).extracting(DeliveryRow::id).contains(delivered.id());
        // voided, the entitlement is due again and can be handed to the right person
        signIn.as("mchs.officer");
        assertThat(aid.deliver(toHead(due, UUID.randomUUID().toString())).result())
                .isEqualTo(DeliveryOutcome.Result.DELIVERED);
    }

    @Test
    void stockNeverGoesNegativeUnderConcurrentDistribution() throws Exception {
        long warehouse = warehouseWith(10);
        List<EntitlementRow> due = new ArrayList<>();
        for (long point : receptionPoints()) {
            if (due.size() >= 50) {
                break;
            }
            RoundRow round = approvedRound(point, warehouse);
            due.addAll(signIn.run("mchs.officer", () -> aid.entitlementsOfRound(round.id(), 50)));
        }
        assertThat(due).hasSizeGreaterThanOrEqualTo(50);
        // the officers have confirmed any possible duplicate: what other tests registered at these points must not
        // turn a handover into a duplicate warning, since this test is about the stock alone
        List<DeliveryForm> forms = due.subList(0, 50).stream().map(e -> toHead(e, UUID.randomUUID().toString())
                .confirmingDuplicate()).toList();
        List<DeliveryOutcome> outcomes = all(forms);
        var results = outcomes.stream().collect(java.util.stream.Collectors.groupingBy(DeliveryOutcome::result,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertThat(outcomes.stream().filter(o -> o.result() == DeliveryOutcome.Result.DELIVERED)).as("%s", results)
                .hasSize(10);
        assertThat(outcomes.stream().filter(o -> o.result() == DeliveryOutcome.Result.OUT_OF_STOCK)).as("%s", results)
                .hasSize(40);
        assertThat(store.balance(warehouse, hygiene())).isZero();
        assertThat(store.ledgerSum(warehouse, hygiene())).isZero();
    }

    @Test
    void theSameDeliverySentTwiceAtOnceIsRecordedOnce() throws Exception {
        long warehouse = warehouseWith(5);
        RoundRow round = approvedRound(receptionPoints().getFirst(), warehouse);
        EntitlementRow due = signIn.run("mchs.officer", () -> aid.entitlementsOfRound(round.id(), 1)).getFirst();
        DeliveryForm form = toHead(due, UUID.randomUUID().toString());
        List<DeliveryOutcome> outcomes = all(List.of(form, form, form, form));
        assertThat(outcomes).allMatch(DeliveryOutcome::recorded);
        assertThat(outcomes.stream().filter(o -> o.result() == DeliveryOutcome.Result.DELIVERED)).hasSize(1);
        assertThat(outcomes.stream().map(o -> o.delivery().receiptNumber()).distinct()).hasSize(1);
        assertThat(signIn.run("mchs.officer", () -> aid.deliveriesOf(due.householdId())).stream()
                .filter(d -> d.entitlementId() == due.id())).hasSize(1);
        assertThat(store.balance(warehouse, hygiene())).isEqualTo(4);
    }

    @Test
    void stockManagersRecordReceiptsAndCorrectionsButNotBelowZero() {
        long warehouse = warehouseWith(4);
        signIn.as("mchs.supervisor");
        StockLevel level = aid.correct(new CorrectionForm(warehouse, hygiene(), -1, CorrectionReason.DAMAGED,
                "Water damage"));
        assertThat(level.quantity()).isEqualTo(3);
        assertThatThrownBy(() -> aid.correct(new CorrectionForm(warehouse, hygiene(), -5, CorrectionReason.LOST,
                "Missing after count"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> aid.correct(new CorrectionForm(warehouse, hygiene(), 2, CorrectionReason.LOST,
                "Wrong sign"))).isInstanceOf(InvalidInputException.class);
        assertThat(store.balance(warehouse, hygiene())).isEqualTo(3).isEqualTo(store.ledgerSum(warehouse, hygiene()));
        signIn.as("mchs.officer");
        assertThatThrownBy(() -> aid.receive(new ReceiptForm(warehouse, hygiene(), 1, "x", "y")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    /** Runs every delivery on its own thread, all released at the same moment, each signed in as the officer. */
    private List<DeliveryOutcome> all(List<DeliveryForm> forms) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(forms.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<DeliveryOutcome>> futures = new ArrayList<>();
            for (DeliveryForm form : forms) {
                Callable<DeliveryOutcome> call = () -> {
                    signIn.as("mchs.officer");
                    try {
                        start.await();
                        return aid.deliver(form);
                    } finally {
                        signIn.out();
                    }
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            for (Future<DeliveryOutcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
