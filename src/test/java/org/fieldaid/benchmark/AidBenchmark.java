package org.fieldaid.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.fieldaid.FieldAidApplication;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.DeliveryForm;
import org.fieldaid.aid.DeliveryOutcome;
import org.fieldaid.aid.EntitlementRow;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.aid.ReceiptForm;
import org.fieldaid.aid.RoundForm;
import org.fieldaid.aid.RoundRow;
import org.fieldaid.aid.StockLevel;
import org.fieldaid.aid.WarehouseRow;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberView;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Aid at scale, on H2 and on PostgreSQL: one handover, computing a round for a point that serves 10,000 families, and
 * 50 officers handing out against a stock of 10 at once. Not part of {@code verify}; run
 * {@code ./mvnw test -Pbenchmark -Dtest=AidBenchmark -Dbenchmark.households=250000}. Figures are in milliseconds and
 * as multiples of the database's own primary-key lookup, so that runs on other machines compare.
 *
 * <p>The point: 10,000 registered families of the generated registry are moved to one reception point of their own
 * (a settlement no family lived at), so that the round's size is exactly what the target names.
 */
class AidBenchmark {

    private static final int HOUSEHOLDS = Integer.getInteger("benchmark.households", 250_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 60);
    private static final int POINT_FAMILIES = Integer.getInteger("benchmark.point-families", 10_000);

    @Test
    void aidAtScale() throws Exception {
        List<String> report = ScaleDatabases.measureEach(this::measure);
        System.out.println();
        System.out.println("Aid benchmark, " + HOUSEHOLDS + " households, " + ROUNDS + " handovers timed each");
        report.forEach(System.out::println);
    }

    private String measure(String database, List<String> connection) {
        List<String> args = new ArrayList<>(connection);
        args.add("--server.port=0");
        args.add("--spring.main.banner-mode=off");
        args.add("--logging.level.org.fieldaid=info");
        long loadStart = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FieldAidApplication.class)
                .profiles("demo").run(args.toArray(String[]::new))) {
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Aid aid = app.getBean(Aid.class);
            Approvals approvals = app.getBean(Approvals.class);
            HouseholdRegistry registry = app.getBean(HouseholdRegistry.class);
            long point = jdbc.queryForObject("SELECT MIN(s.id) FROM settlement s WHERE NOT EXISTS (SELECT 1 FROM "
                    + "household h WHERE h.current_settlement_id = s.id)", Long.class);
            // the first POINT_FAMILIES registered households; H2 runs an IN (subquery) of an UPDATE again for each
            // row it checks, which took minutes here, so the last id is read first
            long lastMoved = jdbc.queryForObject("SELECT id FROM household WHERE status = 'REGISTERED' ORDER BY id "
                    + "OFFSET " + (POINT_FAMILIES - 1) + " ROWS FETCH NEXT 1 ROWS ONLY", Long.class);
            int moved = jdbc.update("UPDATE household SET current_settlement_id = ? WHERE status = 'REGISTERED' "
                    + "AND id <= ?", point, lastMoved);
            if ("PostgreSQL".equals(database)) {
                jdbc.execute("VACUUM ANALYZE");
            }
            long households = jdbc.queryForObject("SELECT COUNT(*) FROM household", Long.class);
            long maxId = jdbc.queryForObject("SELECT MAX(id) FROM household", Long.class);
            java.util.SplittableRandom random = new java.util.SplittableRandom(11);
            Stats pk = Stats.of(time(ROUNDS, i -> jdbc.queryForMap("SELECT * FROM household WHERE id = ?",
                    1 + random.nextLong(maxId))));

            List<PackageTypeRow> types = as(app, "mchs.supervisor", aid::packageTypes);
            long warehouse = as(app, "mchs.supervisor", aid::warehouses).stream()
                    .filter(w -> w.code().equals("WH-GOR")).findFirst().map(WarehouseRow::id).orElseThrow();
            LocalDate today = LocalDate.now();

            // computing: food per person with a cap, hygiene per household, and the infant kit, whose rule reads ages
            Set<Long> computed = ids(types, "FOOD", "HYGIENE", "INFANT");
            List<Double> computing = new ArrayList<>();
            RoundRow big = null;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                big = as(app, "mchs.supervisor2", () -> aid.planRound(new RoundForm(point, warehouse, computed, today,
                        today.plusDays(30))));
                computing.add((System.nanoTime() - start) / 1e6);
            }
            RoundRow computedRound = big;

            // one handover: a round of the medical kit at the point, approved, stocked for every family there
            long medical = ids(types, "MEDICAL").iterator().next();
            as(app, "mchs.supervisor", () -> aid.receive(new ReceiptForm(warehouse, medical, POINT_FAMILIES,
                    "Benchmark consignment", "WB-BENCH-" + System.nanoTime())));
            RoundRow round = approved(app, aid, approvals, point, warehouse, Set.of(medical), today);
            List<EntitlementRow> due = as(app, "mchs.officer", () -> aid.entitlementsOfRound(round.id(), ROUNDS + 10));
            List<DeliveryForm> forms = as(app, "mchs.officer", () -> due.stream().map(e -> toHead(registry, e)).toList());
            signIn(app, "mchs.officer");
            // what the screen asks when the officer opens a handover: the registry's duplicate search
            List<Double> opening = time(forms.size(), i -> aid.duplicateDeliveries(forms.get(i).entitlementId()));
            Stats open = Stats.of(opening.subList(Math.min(10, opening.size()), opening.size()));
            List<Double> handovers = time(forms.size(), i -> {
                DeliveryOutcome outcome = aid.deliver(forms.get(i));
                if (!outcome.recorded()) {
                    throw new IllegalStateException("handover " + i + ": " + outcome.result());
                }
            });
            Stats delivery = Stats.of(handovers.subList(Math.min(10, handovers.size()), handovers.size()));

            // 50 officers at once against a stock of 10
            long hygiene = ids(types, "HYGIENE").iterator().next();
            long small = as(app, "mchs.supervisor", () -> aid.warehouses()).stream()
                    .filter(w -> w.code().equals("WH-YER")).findFirst().map(WarehouseRow::id).orElseThrow();
            int before = as(app, "mchs.supervisor", () -> level(aid, small, hygiene));
            if (before != 10) {
                as(app, "mchs.supervisor", () -> aid.correct(new org.fieldaid.aid.CorrectionForm(small, hygiene,
                        10 - before, org.fieldaid.aid.CorrectionReason.COUNT, "Benchmark: a stock of 10")));
            }
            RoundRow contested = approved(app, aid, approvals, point, small, Set.of(hygiene), today);
            List<DeliveryForm> fifty = as(app, "mchs.officer", () -> aid.entitlementsOfRound(contested.id(), 50).stream()
                    .map(e -> toHead(registry, e)).toList());
            long raceStart = System.nanoTime();
            List<DeliveryOutcome> outcomes = all(app, aid, fifty);
            double raceMillis = (System.nanoTime() - raceStart) / 1e6;
            long delivered = outcomes.stream().filter(o -> o.result() == DeliveryOutcome.Result.DELIVERED).count();
            long outOfStock = outcomes.stream().filter(o -> o.result() == DeliveryOutcome.Result.OUT_OF_STOCK).count();
            int after = as(app, "mchs.supervisor", () -> level(aid, small, hygiene));
            int ledger = jdbc.queryForObject("SELECT COALESCE(SUM(quantity), 0) FROM aid_stock_movement WHERE "
                    + "warehouse_id = ? AND package_type_id = ?", Integer.class, small, hygiene);

            Collections.sort(computing);
            return String.format(Locale.ROOT, """
                    %s: %,d households, loaded in %.0f s; %,d families moved to one point
                      primary-key lookup (baseline)             median %7.2f ms   p95 %7.2f ms
                      opening a handover (duplicate check)      %s
                      recording a handover (%d timed)            %s
                      computing a round for %,d families     best %,.0f ms, median %,.0f ms, worst %,.0f ms (%,d entitlements; %.0f× / %.0f× the PK lookup)
                      50 officers against a stock of 10         %d delivered, %d out of stock, %d other; balance %d, ledger %d; %.0f ms in all""",
                    database, households, loadSeconds, moved, pk.median, pk.p95, open.text(pk.median),
                    handovers.size() - 10,
                    delivery.text(pk.median), POINT_FAMILIES, computing.get(0), computing.get(1), computing.get(2),
                    computedRound.entitlements(), computing.get(1) / pk.median, computing.get(2) / pk.median,
                    delivered, outOfStock, outcomes.size() - delivered - outOfStock, after, ledger, raceMillis);
        }
    }

    private static int level(Aid aid, long warehouse, long type) {
        return aid.stock(warehouse).stream().filter(s -> s.packageTypeId() == type).findFirst()
                .map(StockLevel::quantity).orElse(0);
    }

    private static RoundRow approved(ConfigurableApplicationContext app, Aid aid, Approvals approvals, long point,
                                     long warehouse, Set<Long> types, LocalDate today) {
        RoundRow submitted = as(app, "mchs.supervisor2", () -> {
            RoundRow planned = aid.planRound(new RoundForm(point, warehouse, types, today, today.plusDays(30)));
            return aid.submitRound(planned.id(), planned.version());
        });
        as(app, "mchs.supervisor", () -> {
            ApprovalView request = approvals.requestsFor(Aid.ROUND_APPROVAL_KIND, submitted.id()).getFirst();
            return approvals.approve(request.id(), request.version());
        });
        return submitted;
    }

    private static DeliveryForm toHead(HouseholdRegistry registry, EntitlementRow e) {
        MemberView head = registry.get(e.householdId()).members().getFirst();
        // the generated registry plants duplicates: the officer has looked and confirms (the check still runs)
        return new DeliveryForm(e.id(), e.quantity(), head.id(), head.fullName(), null, null, true,
                UUID.randomUUID().toString(), true);
    }

    private static List<DeliveryOutcome> all(ConfigurableApplicationContext app, Aid aid, List<DeliveryForm> forms) {
        ExecutorService pool = Executors.newFixedThreadPool(forms.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<DeliveryOutcome>> futures = new ArrayList<>();
            for (DeliveryForm form : forms) {
                Callable<DeliveryOutcome> call = () -> {
                    signIn(app, "mchs.officer");
                    start.await();
                    return aid.deliver(form);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            for (Future<DeliveryOutcome> f : futures) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<Long> ids(List<PackageTypeRow> types, String... codes) {
        Set<String> wanted = Set.of(codes);
        return types.stream().filter(t -> wanted.contains(t.code())).map(PackageTypeRow::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static <T> T as(ConfigurableApplicationContext app, String username, Supplier<T> work) {
        signIn(app, username);
        return work.get();
    }

    private static void signIn(ConfigurableApplicationContext app, String username) {
        UserDetails user = app.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolderStrategy holder = app.getBean(SecurityContextHolderStrategy.class);
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        holder.setContext(context);
    }

    private static List<Double> time(int count, java.util.function.IntConsumer action) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            action.accept(i);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    record Stats(double median, double p95) {
        static Stats of(List<Double> millis) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return new Stats(sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
        }

        String text(double baseline) {
            return String.format(Locale.ROOT, "median %7.2f ms   p95 %7.2f ms   (%.0f× / %.0f× the PK lookup)",
                    median, p95, median / baseline, p95 / baseline);
        }
    }
}
