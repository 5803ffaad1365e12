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
 * over, and a round at Yerevan awaiting approval. Everything goes through {@link Aid} as the demo users, so the
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
        long gorisStore = transactions.execute(s -> store.insertWarehouse("WH-GOR", "Goris central warehouse", "MCHS",
                goris));
        long yerevanStore = transactions.execute(s -> store.insertWarehouse("WH-YER", "Yerevan logistics hub", "MCHS",
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
        RoundRow approved = as("mchs.officer", () -> {
            RoundRow r = aid.planRound(new RoundForm(goris, gorisStore, gorisTypes, today.minusDays(3),
                    today.plusDays(27)));
            return aid.submitRound(r.id(), r.version());
        });
        as("mchs.supervisor", () -> {
            ApprovalView request = approvals.requestsFor(Aid.ROUND_APPROVAL_KIND, approved.id()).getFirst();
            return approvals.approve(request.id(), request.version());
        });
        as("mchs.officer", () -> {
            List<Long> households = aid.entitlementsOfRound(approved.id(), 1000).stream()
                    .map(EntitlementRow::householdId).distinct().limit(5).toList();
            for (long household : households) {
                HouseholdDetails family = registry.get(household);
                var head = family.members().getFirst();
                for (EntitlementRow due : aid.entitlementsOf(household)) {
                    if (due.deliverable() && !due.packageCode().equals("INFANT")) {
                        aid.deliver(new DeliveryForm(due.id(), due.quantity(), head.id(), head.fullName(), null, null,
                                true, "demo-" + due.id()));
                    }
                }
            }
            RoundRow waiting = aid.planRound(new RoundForm(yerevan, yerevanStore, ids(types, "FOOD", "HYGIENE",
                    "WINTER"), today.plusDays(7), today.plusDays(37)));
            return aid.submitRound(waiting.id(), waiting.version());
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
