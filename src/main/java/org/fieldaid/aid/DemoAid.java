package org.fieldaid.aid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo aid: a stocked warehouse in Goris and one in Yerevan, an approved round at Goris with a few packages handed
 * over (one of them in part, so a follow-up is due), a round at Yerevan awaiting approval, an exception request in the
 * inbox, and two transfers (one on its way, one received short). A second supervisor plans the rounds, so that
 * {@code mchs.supervisor} decides them. Everything goes through {@link Aid} as the demo users, so the
 * demo's ledger, approvals and audit log are what real use would leave. Only into a database without warehouses.
 */
@Component
@Profile("demo")
@Order(20)
class DemoAid implements ApplicationRunner {

    private final AidStore store;
    private final Aid aid;
    private final Approvals approvals;
    private final HouseholdRegistry registry;
    private final Settlements settlements;
    private final UserDetailsService users;
    private final SecurityContextHolderStrategy holder;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoAid(AidStore store, Aid aid, Approvals approvals, HouseholdRegistry registry, Settlements settlements,
            UserDetailsService users, ObjectProvider<SecurityContextHolderStrategy> holder, JdbcTemplate jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.aid = aid;
        this.approvals = approvals;
        this.registry = registry;
        this.settlements = settlements;
        this.users = users;
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM aid_warehouse", Long.class) > 0) {
            return;
        }
        List<SettlementRow> places = as("mchs.officer", settlements::all);
        long goris = places.stream().filter(s -> s.code().equals("AM-GOR")).findFirst().orElseThrow().id();
        long yerevan = places.stream().filter(s -> s.code().equals("AM-YER")).findFirst().orElseThrow().id();
        long gorisStore = transactions.execute(s -> store.insertWarehouse("WH-GOR", "Goris central warehouse",
                "Центральный склад Гориса", "Գորիսի կենտրոնական պահեստ", "Gorus mərkəzi anbarı", "MCHS", goris));
        long yerevanStore = transactions.execute(s -> store.insertWarehouse("WH-YER", "Yerevan logistics hub",
                "Логистический центр Еревана", "Երևանի լոգիստիկ կենտրոն", "İrəvan logistika mərkəzi", "MCHS",
                yerevan));
        List<PackageTypeRow> types = store.packageTypes();
        as("mchs.supervisor", () -> {
            for (PackageTypeRow type : types) {
                aid.receive(new ReceiptForm(gorisStore, type.id(), 400, "Airlift consignment, Zvartnots",
                        "AWB-2026-" + (1100 + type.id())));
                aid.setMinimumLevel(gorisStore, type.id(), 60);
                aid.receive(new ReceiptForm(yerevanStore, type.id(), type.code().equals("WINTER") ? 25 : 900,
                        "Partner donation, Red Cross delegation", "WB-YER-" + (500 + type.id())));
                aid.setMinimumLevel(yerevanStore, type.id(), 50);
            }
            return null;
        });
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        Set<Long> gorisTypes = ids(types, "FOOD", "HYGIENE", "INFANT");
        RoundRow approved = as("mchs.supervisor2", () -> {
            RoundRow r = aid.planRound(new RoundForm(goris, gorisStore, gorisTypes, today.minusDays(3),
                    today.plusDays(27)));
            return aid.submitRound(r.id(), r.version());
        });
        as("mchs.supervisor", () -> {
            ApprovalView request = approvals.requestsFor(Aid.ROUND_APPROVAL_KIND, approved.id()).getFirst();
            return approvals.approve(request.id(), request.version());
        });
        List<Long> served = as("mchs.officer", () -> {
            List<Long> households = aid.entitlementsOfRound(approved.id(), 1000).stream()
                    .map(EntitlementRow::householdId).distinct().limit(6).toList();
            for (int i = 0; i < households.size() - 1; i++) {
                HouseholdDetails family = registry.get(households.get(i));
                var head = family.members().getFirst();
                for (EntitlementRow due : aid.entitlementsOf(households.get(i))) {
                    if (due.deliverable() && !due.packageCode().equals("INFANT")) {
                        // the first family takes only part of its food: the rest is due as a follow-up
                        int quantity = i == 0 && due.quantity() > 1 ? due.quantity() - 1 : due.quantity();
                        aid.deliver(new DeliveryForm(due.id(), quantity, head.id(), head.fullName(), null, null,
                                true, "demo-" + due.id()).confirmingDuplicate());
                    }
                }
            }
            return households;
        });
        as("mchs.supervisor2", () -> {
            RoundRow waiting = aid.planRound(new RoundForm(yerevan, yerevanStore, ids(types, "FOOD", "HYGIENE",
                    "WINTER"), today.plusDays(7), today.plusDays(37)));
            return aid.submitRound(waiting.id(), waiting.version());
        });
        as("mchs.officer", () -> aid.requestException(new ExceptionForm(served.getLast(), ids(types, "SHELTER")
                .iterator().next(), 1, gorisStore, "The family's shelter burned down on the night of the 28th; "
                + "they sleep at the neighbours'.")));
        as("mchs.supervisor", () -> {
            long food = ids(types, "FOOD").iterator().next();
            long hygiene = ids(types, "HYGIENE").iterator().next();
            TransferRow counted = aid.sendTransfer(new TransferForm(yerevanStore, gorisStore, hygiene, 40,
                    "TR-2026-0101", "Truck 45 AM 123"));
            aid.receiveTransfer(counted.id(), counted.version(), 38);
            return aid.sendTransfer(new TransferForm(yerevanStore, gorisStore, food, 120, "TR-2026-0102",
                    "Convoy via Vayk"));
        });
    }

    private static Set<Long> ids(List<PackageTypeRow> types, String... codes) {
        Set<String> wanted = Set.of(codes);
        return types.stream().filter(t -> wanted.contains(t.code())).map(PackageTypeRow::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    private <T> T as(String username, Supplier<T> work) {
        UserDetails user = users.loadUserByUsername(username);
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        holder.setContext(context);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            holder.clearContext();
            SecurityContextHolder.clearContext();
        }
    }
}
