package org.fieldaid.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.fieldaid.approval.ApprovalView;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hostile corpus (issue 14, item 5) through every aid form by the services: receipts, corrections, transfers,
 * exceptions, handovers and their voids, and the package catalogue; texts and numbers. What is kept is read back
 * by SQL; a refusal writes no movement, no balance change and no audit entry.
 */
@IntegrationTest
class AidHostileInputTest {

    @Autowired Aid aid;
    @Autowired AidStore store;
    @Autowired Approvals approvals;
    @Autowired HouseholdRegistry registry;
    @Autowired Settlements settlements;
    @Autowired TransactionTemplate transactions;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    private AidFixture fixture;
    private long hygiene;

    @BeforeEach
    void fixture() {
        fixture = new AidFixture(aid, store, approvals, registry, transactions, signIn, jdbc);
        hygiene = fixture.type("HYGIENE");
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @AfterAll
    static void report() {
        System.out.println(HostileInput.report("aid forms so far"));
    }

    /** Movements, balances and audit entries: what any aid form writes. */
    private LongSupplier written(long warehouse) {
        return () -> jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM aid_stock_movement WHERE warehouse_id = ?) "
                + "+ (SELECT COALESCE(SUM(quantity), 0) FROM aid_stock_balance WHERE warehouse_id = ?) "
                + "+ (SELECT COUNT(*) FROM aid_transfer) + (SELECT COUNT(*) FROM aid_exception) "
                + "+ (SELECT COUNT(*) FROM aid_delivery) + (SELECT COUNT(*) FROM aid_package_type) "
                + "+ (SELECT COUNT(*) FROM audit_event)", Long.class, warehouse, warehouse);
    }

    private String lastMovement(long warehouse, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM aid_stock_movement WHERE warehouse_id = ? ORDER BY id "
                + "DESC LIMIT 1", String.class, warehouse);
    }

    @Test
    void receiptsCorrectionsAndTransfersKeepEveryHostileTextExactlyOrRefuseItAtItsField() {
        long warehouse = fixture.warehouse("HYGIENE", 1_000);
        long other = fixture.warehouse("HYGIENE", 0);
        LongSupplier rows = written(warehouse);
        signIn.as("mchs.supervisor");
        HostileForms.text("stock receipt", "source", 200, true, v -> {
            aid.receive(new ReceiptForm(warehouse, hygiene, 1, v, "WB-1"));
            return lastMovement(warehouse, "source");
        }, rows);
        HostileForms.text("stock receipt", "waybill", 64, false, v -> {
            aid.receive(new ReceiptForm(warehouse, hygiene, 1, "Donor", v));
            return lastMovement(warehouse, "waybill");
        }, rows);
        HostileForms.text("stock correction", "note", 500, true, v -> {
            aid.correct(new CorrectionForm(warehouse, hygiene, 1, CorrectionReason.FOUND, v));
            return lastMovement(warehouse, "note");
        }, rows);
        HostileForms.text("stock transfer", "waybill", 64, false, v -> {
            long id = aid.sendTransfer(new TransferForm(warehouse, other, hygiene, 1, v, null)).id();
            return jdbc.queryForObject("SELECT waybill FROM aid_transfer WHERE id = ?", String.class, id);
        }, rows);
        HostileForms.text("stock transfer", "note", 500, true, v -> {
            long id = aid.sendTransfer(new TransferForm(warehouse, other, hygiene, 1, "WB-2", v)).id();
            return jdbc.queryForObject("SELECT note FROM aid_transfer WHERE id = ?", String.class, id);
        }, rows);
        assertThat(store.balance(warehouse, hygiene)).isEqualTo(store.ledgerSum(warehouse, hygiene)).isNotNegative();
    }

    @Test
    void numbersPastTheEdgesAreRefusedAtTheirFieldAndTheBalanceStaysWhatTheLedgerSays() {
        long warehouse = fixture.warehouse("HYGIENE", 100);
        long other = fixture.warehouse("HYGIENE", 0);
        LongSupplier rows = written(warehouse);
        signIn.as("mchs.supervisor");
        for (int n : HostileInput.NUMBERS) {
            refused("stock receipt", "quantity", rows, () -> aid.receive(new ReceiptForm(warehouse, hygiene, n, "Donor",
                    "WB-3")));
            refused("stock transfer", "quantity", rows, () -> aid.sendTransfer(new TransferForm(warehouse, other,
                    hygiene, n, "WB-4", null)));
            if (n != -1) {
                // one less by count is a correction like any other; the rest are zero or past what a count finds
                refused("stock correction", "change", rows, () -> aid.correct(new CorrectionForm(warehouse, hygiene,
                        n, CorrectionReason.COUNT, "Counted")));
            }
        }
        assertThat(aid.correct(new CorrectionForm(warehouse, hygiene, -1, CorrectionReason.COUNT, "Counted"))
                .quantity()).isEqualTo(99);
        HostileInput.counted("stock correction");
        assertThat(store.balance(warehouse, hygiene)).isEqualTo(99).isEqualTo(store.ledgerSum(warehouse, hygiene));
        signIn.as("admin");
        for (int n : HostileInput.NUMBERS) {
            refused("package catalogue", "quantity", rows, () -> aid.savePackageType(null, 0, packageType(
                    "HX_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "Name", n, null)));
            if (n > 0) {
                refused("package catalogue", "cap", rows, () -> aid.savePackageType(null, 0, packageType(
                        "HX_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "Name", 1, n)));
            }
        }
    }

    @Test
    void aRoundsPeriodBeforeTheConflictOrPastNextYearIsRefusedAtItsField() {
        long warehouse = fixture.warehouse("HYGIENE", 0);
        // a place where nobody lives: a round planned there gives no family an entitlement other tests would see
        long point = jdbc.queryForObject("SELECT MIN(s.id) FROM settlement s WHERE s.reception = FALSE AND NOT EXISTS "
                + "(SELECT 1 FROM household h WHERE h.current_settlement_id = s.id)", Long.class);
        LongSupplier rounds = () -> jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM aid_round) + (SELECT COUNT(*) "
                + "FROM audit_event)", Long.class);
        signIn.as("mchs.supervisor2");
        for (java.time.LocalDate day : HostileInput.EXTREME_DATES) {
            boolean plausible = !day.isBefore(java.time.LocalDate.of(1988, 1, 1))
                    && !day.isAfter(java.time.LocalDate.now().plusYears(1));
            if (plausible) {
                RoundRow planned = aid.planRound(new RoundForm(point, warehouse, java.util.Set.of(hygiene), day, day));
                assertThat(jdbc.queryForObject("SELECT period_start FROM aid_round WHERE id = ?",
                        java.time.LocalDate.class, planned.id())).isEqualTo(day);
                HostileInput.counted("aid round");
            } else {
                refused("aid round", "periodStart", rounds, () -> aid.planRound(new RoundForm(point, warehouse,
                        java.util.Set.of(hygiene), day, day)));
            }
        }
    }

    private static void refused(String form, String field, LongSupplier rows, Runnable action) {
        long before = rows.getAsLong();
        assertThatThrownBy(action::run).as(form + " " + field).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsKey(field));
        assertThat(rows.getAsLong()).as(form + " " + field + ": nothing written").isEqualTo(before);
        HostileInput.counted(form);
    }

    private static PackageTypeForm packageType(String code, String nameEn, Integer quantity, Integer cap) {
        return new PackageTypeForm(code, nameEn, "Набор", "Հավաքածու", "Dəst", "Soap 2, towel 1", "kit",
                Basis.HOUSEHOLD, quantity, cap, Frequency.EVERY_ROUND, Condition.NONE, false);
    }

    @Test
    void thePackageCatalogueKeepsEveryHostileNameExactlyOrRefusesItAtItsField() {
        signIn.as("admin");
        PackageTypeRow[] type = {aid.savePackageType(null, 0, packageType("HX_" + UUID.randomUUID().toString()
                .substring(0, 8).toUpperCase(), "Hostile test kit", 1, null))};
        LongSupplier rows = () -> jdbc.queryForObject("SELECT version + (SELECT COUNT(*) FROM audit_event) FROM "
                + "aid_package_type WHERE id = ?", Long.class, type[0].id());
        for (String field : List.of("nameEn", "nameRu", "nameHy", "nameAz", "contents")) {
            String column = Map.of("nameEn", "name_en", "nameRu", "name_ru", "nameHy", "name_hy", "nameAz", "name_az",
                    "contents", "contents").get(field);
            HostileForms.text("package catalogue", field, field.equals("contents") ? 1000 : 120,
                    field.equals("contents"), v -> {
                        PackageTypeForm f = PackageTypeForm.of(type[0]);
                        PackageTypeForm changed = new PackageTypeForm(f.code(), field.equals("nameEn") ? v : f.nameEn(),
                                field.equals("nameRu") ? v : f.nameRu(), field.equals("nameHy") ? v : f.nameHy(),
                                field.equals("nameAz") ? v : f.nameAz(), field.equals("contents") ? v : f.contents(),
                                f.unit(), f.basis(), f.quantity(), f.cap(), f.frequency(), f.condition(), false);
                        type[0] = aid.savePackageType(type[0].id(), type[0].version(), changed);
                        return jdbc.queryForObject("SELECT " + column + " FROM aid_package_type WHERE id = ?",
                                String.class, type[0].id());
                    }, rows);
        }
        LongSupplier types = () -> jdbc.queryForObject("SELECT COUNT(*) FROM aid_package_type", Long.class);
        HostileForms.formatted("package catalogue", "code", v -> {
            PackageTypeRow created = aid.savePackageType(null, 0, packageType(v, "Kit", 1, null));
            return created.code();
        }, types, String::strip);
    }

    @Test
    void exceptionsHandoversAndVoidsKeepEveryHostileTextExactlyOrRefuseItAtItsField() {
        TestFamilies families = new TestFamilies(registry, approvals, settlements, signIn);
        HouseholdDetails family = families.registered("mchs.officer", "mchs.supervisor",
                families.form(2, families.receptionPoint()));
        long warehouse = fixture.warehouse("HYGIENE", 1_000);
        LongSupplier rows = written(warehouse);
        HostileForms.text("aid exception", "reason", 500, true, v -> {
            ExceptionRow asked = signIn.run("mchs.officer", () -> aid.requestException(new ExceptionForm(family.id(),
                    hygiene, 1, warehouse, v)));
            String kept = jdbc.queryForObject("SELECT reason FROM aid_exception WHERE id = ?", String.class,
                    asked.id());
            // decided, so that the next case may ask again for the same family and package
            signIn.run("mchs.supervisor", () -> {
                ApprovalView request = approvals.requestsFor(Aid.EXCEPTION_APPROVAL_KIND, asked.id()).getFirst();
                return approvals.reject(request.id(), request.version(), "Next case");
            });
            return kept;
        }, rows);

        Deque<EntitlementRow> due = new ArrayDeque<>(entitlements(warehouse,
                HostileForms.kept(200, false) + HostileForms.kept(64, false) + 1));
        List<DeliveryRow> delivered = new ArrayList<>();
        Consumer<DeliveryOutcome> keep = outcome -> {
            assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.DELIVERED);
            delivered.add(outcome.delivery());
            due.pop();
        };
        HostileForms.text("aid handover", "proxyName", 200, false, v -> {
            DeliveryOutcome outcome = handOver(due.peek(), v, "PX123456");
            keep.accept(outcome);
            return jdbc.queryForObject("SELECT recipient_name FROM aid_delivery WHERE id = ?", String.class,
                    outcome.delivery().id());
        }, rows);
        HostileForms.text("aid handover", "proxyDocument", 64, false, v -> {
            DeliveryOutcome outcome = handOver(due.peek(), "Proxy Person", v);
            keep.accept(outcome);
            return jdbc.queryForObject("SELECT proxy_document FROM aid_delivery WHERE id = ?", String.class,
                    outcome.delivery().id());
        }, rows);
        Deque<DeliveryRow> toVoid = new ArrayDeque<>(delivered);
        HostileForms.text("aid void", "reason", 500, true, v -> {
            DeliveryRow d = toVoid.peek();
            signIn.run("mchs.supervisor", () -> aid.voidDelivery(d.id(), d.version(), v));
            toVoid.pop();
            return jdbc.queryForObject("SELECT void_reason FROM aid_delivery WHERE id = ?", String.class, d.id());
        }, rows);
        for (int n : HostileInput.NUMBERS) {
            EntitlementRow e = due.peek();
            refused("aid handover", "quantity", rows, () -> signIn.run("mchs.officer", () -> aid.deliver(
                    new DeliveryForm(e.id(), n, null, null, "Proxy Person", "PX1", true, UUID.randomUUID().toString(),
                            true))));
            refused("aid exception", "quantity", rows, () -> signIn.run("mchs.officer", () -> aid.requestException(
                    new ExceptionForm(family.id(), hygiene, n, warehouse, "Fire"))));
        }
        assertThat(store.balance(warehouse, hygiene)).isEqualTo(store.ledgerSum(warehouse, hygiene)).isNotNegative();
    }

    private DeliveryOutcome handOver(EntitlementRow e, String proxyName, String proxyDocument) {
        return signIn.run("mchs.officer", () -> aid.deliver(new DeliveryForm(e.id(), e.quantity(), null, null,
                proxyName, proxyDocument, true, UUID.randomUUID().toString(), true)));
    }

    /** Due entitlements of approved rounds fed by the warehouse, from as many points as it takes. */
    private List<EntitlementRow> entitlements(long warehouse, int wanted) {
        List<EntitlementRow> due = new ArrayList<>();
        for (long point : fixture.receptionPoints()) {
            if (due.size() >= wanted) {
                break;
            }
            RoundRow round = fixture.approvedRound(point, warehouse, "HYGIENE");
            due.addAll(signIn.run("mchs.officer", () -> aid.entitlementsOfRound(round.id(), wanted)).stream()
                    .filter(e -> e.status() == EntitlementStatus.DUE).toList());
        }
        assertThat(due).hasSizeGreaterThanOrEqualTo(wanted);
        return due;
    }
}
