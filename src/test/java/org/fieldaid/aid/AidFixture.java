package org.fieldaid.aid;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberView;
import org.fieldaid.support.SignIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Warehouses, rounds and handovers of a test's own, made through the service as the demo users would. */
final class AidFixture {

    final Aid aid;
    final AidStore store;
    final Approvals approvals;
    final HouseholdRegistry registry;
    final TransactionTemplate transactions;
    final SignIn signIn;
    final JdbcTemplate jdbc;

    AidFixture(Aid aid, AidStore store, Approvals approvals, HouseholdRegistry registry,
               TransactionTemplate transactions, SignIn signIn, JdbcTemplate jdbc) {
        this.aid = aid;
        this.store = store;
        this.approvals = approvals;
        this.registry = registry;
        this.transactions = transactions;
        this.signIn = signIn;
        this.jdbc = jdbc;
    }

    long type(String code) {
        return store.packageTypes().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
    }

    /** A warehouse of the test's own, so that no other test's deliveries change its stock. */
    long warehouse(String code, int quantity) {
        long point = receptionPoints().getFirst();
        String name = "WT-" + UUID.randomUUID().toString().substring(0, 8);
        long id = transactions.execute(s -> store.insertWarehouse(name, "Test warehouse " + name, "MCHS", point));
        if (quantity > 0) {
            signIn.run("mchs.supervisor", () -> aid.receive(new ReceiptForm(id, type(code), quantity, "Test consignment",
                    "WB-" + name)));
        }
        return id;
    }

    /** Reception points ordered by how many registered households live there, most first. */
    List<Long> receptionPoints() {
        return transactions.execute(s -> jdbc.queryForList("SELECT current_settlement_id FROM household "
                + "WHERE status = 'REGISTERED' GROUP BY current_settlement_id ORDER BY COUNT(*) DESC, "
                + "current_settlement_id", Long.class));
    }

    /** Planned by the second supervisor, approved by the first. */
    RoundRow approvedRound(long point, long warehouse, String... codes) {
        LocalDate today = LocalDate.now();
        Set<Long> types = java.util.Arrays.stream(codes).map(this::type).collect(java.util.stream.Collectors.toSet());
        RoundRow submitted = signIn.run("mchs.supervisor2", () -> {
            RoundRow planned = aid.planRound(new RoundForm(point, warehouse, types, today, today.plusDays(14)));
            return aid.submitRound(planned.id(), planned.version());
        });
        signIn.run("mchs.supervisor", () -> {
            ApprovalView request = approvals.requestsFor(Aid.ROUND_APPROVAL_KIND, submitted.id()).getFirst();
            return approvals.approve(request.id(), request.version());
        });
        return signIn.run("mchs.officer", () -> aid.round(submitted.id()));
    }

    /** A handover to the household's head; leaves the officer signed in, so it can sit inside a signed-in call. */
    DeliveryForm toHead(EntitlementRow due, int quantity) {
        signIn.as("mchs.officer");
        MemberView head = registry.get(due.householdId()).members().getFirst();
        return new DeliveryForm(due.id(), quantity, head.id(), head.fullName(), null, null, true,
                UUID.randomUUID().toString());
    }

    DeliveryOutcome deliver(EntitlementRow due, int quantity) {
        DeliveryForm form = toHead(due, quantity);
        return signIn.run("mchs.officer", () -> aid.deliver(form.confirmingDuplicate()));
    }

    EntitlementRow reread(EntitlementRow e) {
        return signIn.run("mchs.officer", () -> aid.entitlementsOf(e.householdId())).stream()
                .filter(x -> x.id() == e.id()).findFirst().orElseThrow();
    }

    /** The live follow-up that carries the rest of a partial handover of this entitlement. */
    EntitlementRow followUpOf(EntitlementRow e) {
        return signIn.run("mchs.officer", () -> aid.entitlementsOf(e.householdId())).stream()
                .filter(x -> x.parentId() != null && x.parentId() == e.id() && x.status() != EntitlementStatus.CANCELLED)
                .findFirst().orElseThrow();
    }

    long audited(String action, Object entityId) {
        return transactions.execute(s -> jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? "
                + "AND entity_id = ?", Long.class, action, entityId.toString()));
    }
}
