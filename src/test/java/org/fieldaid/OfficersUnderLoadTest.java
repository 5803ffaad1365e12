package org.fieldaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.DeliveryForm;
import org.fieldaid.aid.DeliveryOutcome;
import org.fieldaid.aid.DeliveryRow;
import org.fieldaid.aid.EntitlementRow;
import org.fieldaid.aid.EntitlementStatus;
import org.fieldaid.aid.ReceiptForm;
import org.fieldaid.aid.RoundForm;
import org.fieldaid.aid.RoundRow;
import org.fieldaid.approval.AlreadyDecided;
import org.fieldaid.approval.ApprovalStatus;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberView;
import org.fieldaid.journey.ConvoyForm;
import org.fieldaid.journey.ConvoyRow;
import org.fieldaid.journey.JourneyForm;
import org.fieldaid.journey.JourneyRow;
import org.fieldaid.journey.Journeys;
import org.fieldaid.journey.VehicleForm;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestFamilies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fifty officers and supervisors at once, for a minute (issue 14, item 3; decision 030): officers register families
 * and hand out aid, the defence ministry's officers book seats on a convoy for the registered families, supervisors
 * approve registrations, receive stock and void handovers. Each works through the services as a real user on its
 * own thread. Afterwards every acknowledged operation, every expected refusal and the figures they leave behind are
 * held against independent SQL: the stock against the ledger and the test's own sums, the seats against the vehicles,
 * the deliveries, journeys, households and approvals one by one, and the audit log action by action.
 *
 * <p>{@code -Dfieldaid.load.seconds=N} (default 60) and {@code -Dfieldaid.load.officers=N} (default 50) change the
 * run. The machine it runs on is shared: the figures it prints are what this run saw, not a benchmark.
 */
@IntegrationTest
class OfficersUnderLoadTest {

    private static final int SECONDS = Integer.getInteger("fieldaid.load.seconds", 60);
    private static final int OFFICERS = Integer.getInteger("fieldaid.load.officers", 50);
    private static final int INITIAL_STOCK = 150;
    private static final int SEATS_PER_VEHICLE = 15;

    enum Kind { REGISTER, APPROVE, DELIVER, RESEND, RECEIVE, VOID, BOOK }

    @Autowired Aid aid;
    @Autowired Approvals approvals;
    @Autowired HouseholdRegistry registry;
    @Autowired Journeys journeys;
    @Autowired Settlements settlements;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    private TestFamilies families;

    // what the officers were told happened
    private final Map<Kind, AtomicLong> acknowledged = counters();
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    private final Map<Kind, List<Long>> latencies = new EnumMap<>(Kind.class);
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final Set<Long> registered = ConcurrentHashMap.newKeySet();
    private final Set<Long> approved = ConcurrentHashMap.newKeySet();
    private final Set<String> receipts = ConcurrentHashMap.newKeySet();
    private final Set<String> voidedReceipts = ConcurrentHashMap.newKeySet();
    private final Set<Long> journeyIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong travellers = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong voided = new AtomicLong();

    // work waiting to be done
    private final Map<String, ConcurrentLinkedQueue<Long>> pending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ApprovalView> decided = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<DeliveryForm> due = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<DeliveryRow> handedOver = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> bookable = new ConcurrentLinkedQueue<>();

    private long warehouse;
    private long hygiene;
    private ConvoyRow convoy;
    private final List<Long> rounds = new ArrayList<>();

    private static Map<Kind, AtomicLong> counters() {
        Map<Kind, AtomicLong> map = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            map.put(k, new AtomicLong());
        }
        return map;
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void fiftyOfficersForAMinuteLeaveStockSeatsDeliveriesAndAuditEntriesThatAddUpExactly() throws Exception {
        families = new TestFamilies(registry, approvals, settlements, signIn);
        for (Kind k : Kind.values()) {
            latencies.put(k, Collections.synchronizedList(new ArrayList<>()));
        }
        setUp();
        long auditBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_event", Long.class);
        long householdsBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM household", Long.class);
        long movementsBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM aid_stock_movement",
                Long.class);

        long[] elapsed = run();

        report(elapsed[0]);
        assertThat(failures).as("operations that failed for no expected reason").isEmpty();
        assertThat(refused.get(OUT_OF_STOCK)).as("handovers refused once the stock ran out").isNotNull()
                .hasPositiveValue();
        checkStock(movementsBefore);
        checkDeliveries();
        checkSeats();
        checkHouseholdsAndApprovals(householdsBefore);
        checkAudit(auditBefore);
        sendBackWhatIsStillWaiting();
    }

    /** The registrations nobody decided are sent back, so that no other test's inbox holds hundreds of them. */
    private void sendBackWhatIsStillWaiting() {
        Map<String, String> deciders = Map.of("MCHS", "mchs.supervisor", "MOD", "mod.supervisor", "HEALTH",
                "health.supervisor");
        pending.forEach((agency, households) -> signIn.run(deciders.get(agency), () -> {
            for (Long household : households) {
                ApprovalView request = approvals.requestsFor(HouseholdRegistry.APPROVAL_KIND, household).getFirst();
                approvals.reject(request.id(), request.version(), "Load test: not decided in the run");
            }
            return null;
        }));
    }

    // ---- set-up ---------------------------------------------------------------------------------------------------

    private void setUp() {
        hygiene = signIn.run("mchs.officer", () -> aid.packageTypes()).stream().filter(t -> t.code().equals("HYGIENE"))
                .findFirst().orElseThrow().id();
        List<Long> points = jdbc.queryForList("SELECT current_settlement_id FROM household WHERE status = "
                + "'REGISTERED' GROUP BY current_settlement_id ORDER BY COUNT(*) DESC, current_settlement_id", Long.class);
        String code = "WL-" + UUID.randomUUID().toString().substring(0, 8);
        // no RETURNING: the main tests run on H2 as well (decision 032)
        jdbc.update("INSERT INTO aid_warehouse (code, name, agency_code, settlement_id) VALUES (?, ?, 'MCHS', ?)",
                code, "Load test " + code, points.getFirst());
        warehouse = jdbc.queryForObject("SELECT id FROM aid_warehouse WHERE code = ?", Long.class, code);
        signIn.run("mchs.supervisor", () -> aid.receive(new ReceiptForm(warehouse, hygiene, INITIAL_STOCK,
                "Load test consignment", "WB-" + code)));
        LocalDate today = LocalDate.now();
        for (long point : points) {
            if (due.size() >= 400) {
                break;
            }
            RoundRow submitted = signIn.run("mchs.supervisor2", () -> {
                RoundRow planned = aid.planRound(new RoundForm(point, warehouse, Set.of(hygiene), today,
                        today.plusDays(14)));
                return aid.submitRound(planned.id(), planned.version());
            });
            signIn.run("mchs.supervisor", () -> {
                ApprovalView request = approvals.requestsFor(Aid.ROUND_APPROVAL_KIND, submitted.id()).getFirst();
                return approvals.approve(request.id(), request.version());
            });
            rounds.add(submitted.id());
            signIn.as("mchs.officer");
            for (EntitlementRow e : aid.entitlementsOfRound(submitted.id(), 400)) {
                // a family with a possible duplicate is warned about before a handover; these are not the test's
                if (e.status() == EntitlementStatus.DUE && registry.duplicatesOf(e.householdId()).isEmpty()) {
                    MemberView head = registry.get(e.householdId()).members().getFirst();
                    due.add(new DeliveryForm(e.id(), e.quantity(), head.id(), head.fullName(), null, null, true,
                            UUID.randomUUID().toString()));
                }
            }
            signIn.out();
        }
        assertThat(due.stream().mapToInt(DeliveryForm::quantity).sum()).as("packages due, against the stock at start")
                .isGreaterThan(INITIAL_STOCK);
        List<VehicleForm> vehicles = List.of(new VehicleForm("BUS", "LT " + System.nanoTime() % 1_000_000,
                SEATS_PER_VEHICLE), new VehicleForm("BUS", "LT " + (System.nanoTime() + 1) % 1_000_000,
                SEATS_PER_VEHICLE));
        convoy = signIn.run("mod.officer", () -> journeys.createConvoy(new ConvoyForm(today.plusDays(30),
                "Load test route", "Lachin corridor checkpoint", "Load test escort", vehicles)));
        for (String agency : List.of("MCHS", "MOD", "HEALTH")) {
            pending.put(agency, new ConcurrentLinkedQueue<>());
        }
    }

    // ---- the run --------------------------------------------------------------------------------------------------

    /** Who each of the simulated people is, in proportion to the fifty of the default run. */
    private static List<String> people(int count) {
        List<String> fifty = new ArrayList<>();
        fifty.addAll(Collections.nCopies(22, "mchs.officer"));
        fifty.addAll(Collections.nCopies(10, "mod.officer"));
        fifty.addAll(Collections.nCopies(3, "health.officer"));
        fifty.addAll(Collections.nCopies(4, "mchs.supervisor"));
        fifty.addAll(Collections.nCopies(4, "mchs.supervisor2"));
        fifty.addAll(Collections.nCopies(4, "mod.supervisor"));
        fifty.addAll(Collections.nCopies(3, "health.supervisor"));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(fifty.get(i * fifty.size() / count));
        }
        return people;
    }

    /** @return the run's length in nanoseconds */
    private long[] run() throws InterruptedException {
        List<String> people = people(OFFICERS);
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        CountDownLatch start = new CountDownLatch(1);
        long[] window = new long[2];
        for (String person : people) {
            pool.submit(() -> {
                try {
                    start.await();
                    long end = window[1];
                    while (System.nanoTime() < end) {
                        act(person);
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    signIn.out();
                }
            });
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + Duration.ofSeconds(SECONDS).toNanos();
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(SECONDS + 120L, TimeUnit.SECONDS)).as("every officer stopped").isTrue();
        return new long[]{System.nanoTime() - window[0]};
    }

    private void act(String person) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int dice = random.nextInt(100);
        signIn.as(person);
        try {
            switch (person) {
                case "mchs.officer" -> {
                    if (dice < 70 && !due.isEmpty()) {
                        deliver();
                    } else {
                        register("MCHS");
                    }
                }
                case "mod.officer" -> {
                    if (dice < 60 && !bookable.isEmpty()) {
                        book();
                    } else {
                        register("MOD");
                    }
                }
                case "health.officer" -> register("HEALTH");
                case "mchs.supervisor", "mchs.supervisor2" -> {
                    if (dice < 10 && !decided.isEmpty()) {
                        decideAgain();
                    } else if (dice < 20 && !handedOver.isEmpty()) {
                        voidOne();
                    } else if (stockRanOut() && (dice < 45 || pending.get("MCHS").isEmpty())) {
                        receive();
                    } else {
                        approveOrWait("MCHS");
                    }
                }
                case "mod.supervisor" -> approveOrWait("MOD");
                case "health.supervisor" -> approveOrWait("HEALTH");
                default -> throw new IllegalStateException(person);
            }
        } catch (Throwable t) {
            failures.add(new AssertionError(person + ": " + t, t));
        } finally {
            signIn.out();
        }
    }

    private void approveOrWait(String agency) throws InterruptedException {
        if (pending.get(agency).isEmpty()) {
            Thread.sleep(20);
        } else {
            approve(agency);
        }
    }

    private long timed(Kind kind, Runnable op) {
        long t0 = System.nanoTime();
        op.run();
        long took = System.nanoTime() - t0;
        latencies.get(kind).add(took);
        return took;
    }

    /**
     * No consignment arrives before the first handover has been refused for want of stock: the families due outnumber
     * the stock at start, so every run hands over the last package and is then told "out of stock".
     */
    private boolean stockRanOut() {
        return refused.containsKey(OUT_OF_STOCK);
    }

    private static final String OUT_OF_STOCK = Kind.DELIVER + " out of stock";

    private void refuse(Kind kind, String why) {
        refused.computeIfAbsent(kind + " " + why, k -> new AtomicLong()).incrementAndGet();
    }

    private void register(String agency) {
        var form = families.form(1 + ThreadLocalRandom.current().nextInt(3), families.receptionPoint());
        timed(Kind.REGISTER, () -> {
            try {
                HouseholdDetails sent = registry.saveAndSubmit(null, 0, form, null);
                registered.add(sent.id());
                acknowledged.get(Kind.REGISTER).incrementAndGet();
                pending.get(agency).add(sent.id());
            } catch (InvalidInputException e) {
                // two made-up names can fold alike: the duplicate check then asks why it is another family
                assertThat(e.problems()).containsOnlyKeys("justification");
                refuse(Kind.REGISTER, "possible duplicate");
            }
        });
    }

    private void approve(String agency) {
        Long household = pending.get(agency).poll();
        if (household == null) {
            return;
        }
        ApprovalView request = approvals.requestsFor(HouseholdRegistry.APPROVAL_KIND, household).getFirst();
        timed(Kind.APPROVE, () -> {
            ApprovalView done = approvals.approve(request.id(), request.version());
            assertThat(done.status()).isEqualTo(ApprovalStatus.APPROVED);
            approved.add(household);
            acknowledged.get(Kind.APPROVE).incrementAndGet();
            decided.add(request);
            bookable.add(household);
        });
    }

    /** A supervisor opens a request that another has decided meanwhile: told so, nothing written. */
    private void decideAgain() {
        ApprovalView request = decided.poll();
        if (request == null || !request.agencyCode().equals("MCHS")) {
            return;
        }
        timed(Kind.APPROVE, () -> {
            try {
                approvals.approve(request.id(), request.version());
                throw new AssertionError("request " + request.id() + " decided twice");
            } catch (AlreadyDecided told) {
                refuse(Kind.APPROVE, "already decided");
            }
        });
    }

    private void deliver() {
        DeliveryForm form = due.poll();
        if (form == null) {
            return;
        }
        DeliveryOutcome[] outcome = new DeliveryOutcome[1];
        timed(Kind.DELIVER, () -> outcome[0] = aid.deliver(form));
        switch (outcome[0].result()) {
            case DELIVERED -> {
                acknowledged.get(Kind.DELIVER).incrementAndGet();
                delivered.addAndGet(outcome[0].delivery().quantity());
                receipts.add(outcome[0].delivery().receiptNumber());
                handedOver.add(outcome[0].delivery());
                if (ThreadLocalRandom.current().nextInt(10) == 0) {
                    resend(form, outcome[0].delivery());
                }
            }
            case OUT_OF_STOCK -> {
                refuse(Kind.DELIVER, "out of stock");
                due.add(form);
            }
            default -> throw new AssertionError("delivery " + form.entitlementId() + ": " + outcome[0].result());
        }
    }

    /** The same handover sent again (a tablet that did not hear back): recorded once, the same receipt. */
    private void resend(DeliveryForm form, DeliveryRow first) {
        timed(Kind.RESEND, () -> {
            DeliveryOutcome again = aid.deliver(form);
            assertThat(again.result()).isEqualTo(DeliveryOutcome.Result.ALREADY_RECORDED);
            assertThat(again.delivery().receiptNumber()).isEqualTo(first.receiptNumber());
            acknowledged.get(Kind.RESEND).incrementAndGet();
        });
    }

    private void receive() {
        int quantity = 1 + ThreadLocalRandom.current().nextInt(5);
        timed(Kind.RECEIVE, () -> {
            aid.receive(new ReceiptForm(warehouse, hygiene, quantity, "Load test donor", "WB-L"));
            received.addAndGet(quantity);
            acknowledged.get(Kind.RECEIVE).incrementAndGet();
        });
    }

    private void voidOne() {
        DeliveryRow d = handedOver.poll();
        if (d == null) {
            return;
        }
        timed(Kind.VOID, () -> {
            aid.voidDelivery(d.id(), d.version(), "Load test: handed to the wrong family");
            voided.addAndGet(d.quantity());
            voidedReceipts.add(d.receiptNumber());
            acknowledged.get(Kind.VOID).incrementAndGet();
        });
    }

    private void book() {
        Long household = bookable.poll();
        if (household == null) {
            return;
        }
        HouseholdDetails family = registry.get(household);
        Set<Long> who = family.members().stream().map(MemberView::id).collect(Collectors.toSet());
        timed(Kind.BOOK, () -> {
            try {
                JourneyRow journey = journeys.plan(new JourneyForm(household, who, family.originSettlementId(),
                        convoy.date(), convoy.id()));
                journeyIds.add(journey.id());
                travellers.addAndGet(who.size());
                acknowledged.get(Kind.BOOK).incrementAndGet();
            } catch (InvalidInputException e) {
                assertThat(e.problems().get("convoy")).as("%s", e.problems()).containsExactly("journey.error.convoy-full");
                refuse(Kind.BOOK, "convoy full");
            }
        });
    }

    // ---- what it says ---------------------------------------------------------------------------------------------

    private void report(long nanos) {
        double seconds = nanos / 1e9;
        StringBuilder out = new StringBuilder(String.format("%nLoad: %d people for %.1f s (machine shared: figures are "
                + "pessimistic)%n  %-9s %8s %8s %9s %9s%n", OFFICERS, seconds, "kind", "calls", "ops/s", "p50 ms",
                "p95 ms"));
        long total = 0;
        for (Kind k : Kind.values()) {
            List<Long> times;
            synchronized (latencies.get(k)) {
                times = new ArrayList<>(latencies.get(k));
            }
            Collections.sort(times);
            total += times.size();
            out.append(String.format("  %-9s %8d %8.1f %9.1f %9.1f%n", k, times.size(), times.size() / seconds,
                    percentile(times, 50), percentile(times, 95)));
        }
        out.append(String.format("  %-9s %8d %8.1f%n", "all", total, total / seconds));
        out.append("  acknowledged: ").append(acknowledged).append(System.lineSeparator());
        out.append("  refused as expected: ").append(refused).append(System.lineSeparator());
        out.append(String.format("  stock: %d at start, %d received, %d handed over, %d voided%n", INITIAL_STOCK,
                received.get(), delivered.get(), voided.get()));
        out.append(String.format("  seats: %d booked of %d%n", travellers.get(), 2 * SEATS_PER_VEHICLE));
        System.out.println(out);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static String in(Set<?> values) {
        return values.isEmpty() ? "(NULL)" : values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(",",
                "(", ")"));
    }

    private void checkStock(long movementsBefore) {
        long balance = count("SELECT quantity FROM aid_stock_balance WHERE warehouse_id = ? AND package_type_id = ?",
                warehouse, hygiene);
        long ledger = count("SELECT SUM(quantity) FROM aid_stock_movement WHERE warehouse_id = ? AND package_type_id "
                + "= ?", warehouse, hygiene);
        assertThat(balance).as("the balance is what the ledger says").isEqualTo(ledger)
                .as("stock at start + received - handed over + voided")
                .isEqualTo(INITIAL_STOCK + received.get() - delivered.get() + voided.get())
                .isNotNegative();
        // the ledger in the order its rows were written never dips below zero
        assertThat(count("SELECT COALESCE(MIN(running), 0) FROM (SELECT SUM(quantity) OVER (ORDER BY id) AS running "
                + "FROM aid_stock_movement WHERE warehouse_id = ? AND package_type_id = ?) r", warehouse, hygiene))
                .as("lowest balance the ledger ever held").isNotNegative();
        assertThat(count("SELECT COUNT(*) FROM aid_stock_movement WHERE warehouse_id = ? AND kind = 'RECEIPT' AND "
                + "id > ?", warehouse, movementsBefore)).isEqualTo(acknowledged.get(Kind.RECEIVE).get());
        assertThat(count("SELECT COALESCE(SUM(quantity), 0) FROM aid_stock_movement WHERE warehouse_id = ? AND kind = "
                + "'RECEIPT' AND id > ?", warehouse, movementsBefore)).isEqualTo(received.get());
        assertThat(count("SELECT COUNT(*) FROM aid_stock_movement WHERE warehouse_id = ? AND kind = 'DELIVERY'",
                warehouse)).isEqualTo(acknowledged.get(Kind.DELIVER).get());
        assertThat(count("SELECT COUNT(*) FROM aid_stock_movement WHERE warehouse_id = ? AND kind = 'VOID'",
                warehouse)).isEqualTo(acknowledged.get(Kind.VOID).get());
    }

    private void checkDeliveries() {
        String ofRounds = "FROM aid_delivery d JOIN aid_entitlement e ON e.id = d.entitlement_id WHERE e.round_id IN "
                + in(Set.copyOf(rounds));
        assertThat(count("SELECT COUNT(*) " + ofRounds)).as("each handover recorded once")
                .isEqualTo(acknowledged.get(Kind.DELIVER).get()).isEqualTo(receipts.size());
        assertThat(count("SELECT COUNT(DISTINCT d.entitlement_id) " + ofRounds)).as("one handover per entitlement")
                .isEqualTo(receipts.size());
        assertThat(count("SELECT COUNT(*) " + ofRounds + " AND d.receipt_number IN " + in(receipts)))
                .as("every acknowledged receipt number is there").isEqualTo(receipts.size());
        assertThat(count("SELECT COUNT(*) " + ofRounds + " AND d.voided_at IS NOT NULL")).isEqualTo(
                voidedReceipts.size());
        assertThat(count("SELECT COALESCE(SUM(d.quantity), 0) " + ofRounds)).isEqualTo(delivered.get());
    }

    private void checkSeats() {
        List<Map<String, Object>> vehicles = jdbc.queryForList("SELECT seats, seats_taken FROM journey_vehicle WHERE "
                + "convoy_id = ?", convoy.id());
        vehicles.forEach(v -> assertThat(((Number) v.get("seats_taken")).intValue()).as("seats taken of a vehicle")
                .isBetween(0, ((Number) v.get("seats")).intValue()));
        long taken = vehicles.stream().mapToLong(v -> ((Number) v.get("seats_taken")).longValue()).sum();
        assertThat(taken).as("seats taken = travellers booked").isEqualTo(travellers.get())
                .isEqualTo(count("SELECT COUNT(*) FROM journey_traveller t JOIN journey j ON j.id = t.journey_id "
                        + "WHERE j.convoy_id = ?", convoy.id()));
        assertThat(count("SELECT COUNT(*) FROM journey WHERE convoy_id = ?", convoy.id()))
                .isEqualTo(acknowledged.get(Kind.BOOK).get()).isEqualTo(journeyIds.size());
        assertThat(count("SELECT COUNT(*) FROM journey WHERE id IN " + in(journeyIds))).isEqualTo(journeyIds.size());
        if (refused.containsKey(Kind.BOOK + " convoy full")) {
            assertThat(taken).as("a refused booking found the convoy (nearly) full")
                    .isGreaterThan(2L * SEATS_PER_VEHICLE - 3);
        }
    }

    private void checkHouseholdsAndApprovals(long householdsBefore) {
        assertThat(count("SELECT COUNT(*) FROM household WHERE id > ?", householdsBefore))
                .as("no household but the acknowledged ones").isEqualTo(registered.size())
                .isEqualTo(acknowledged.get(Kind.REGISTER).get());
        assertThat(count("SELECT COUNT(*) FROM household WHERE id IN " + in(registered) + " AND status = 'REGISTERED'"))
                .isEqualTo(approved.size()).isEqualTo(acknowledged.get(Kind.APPROVE).get());
        assertThat(count("SELECT COUNT(*) FROM household WHERE id IN " + in(registered) + " AND status = 'SUBMITTED'"))
                .isEqualTo(registered.size() - approved.size());
        assertThat(count("SELECT COUNT(*) FROM person WHERE household_id > ?", householdsBefore))
                .as("members of half-made households").isEqualTo(count("SELECT COALESCE(SUM(member_count), 0) FROM "
                        + "household WHERE id > ?", householdsBefore));
        String requests = "FROM approval_request WHERE kind = 'REGISTRATION' AND subject_id IN " + in(registered);
        assertThat(count("SELECT COUNT(*) " + requests)).as("one request per registration").isEqualTo(registered.size());
        assertThat(count("SELECT COUNT(*) " + requests + " AND status = 'APPROVED'")).isEqualTo(approved.size());
    }

    /** Each acknowledged change wrote exactly its audit entries, and nothing else wrote any. */
    private void checkAudit(long auditBefore) {
        Map<String, Long> expected = new java.util.TreeMap<>();
        long registrations = acknowledged.get(Kind.REGISTER).get();
        long approvalsDone = acknowledged.get(Kind.APPROVE).get();
        expected.put("HOUSEHOLD_CREATED", registrations);
        expected.put("CONSENT_GIVEN", registrations);
        expected.put("APPROVAL_REQUESTED", registrations);
        expected.put("HOUSEHOLD_SUBMITTED", registrations);
        expected.put("APPROVAL_APPROVED", approvalsDone);
        expected.put("HOUSEHOLD_REGISTERED", approvalsDone);
        expected.put("AID_DELIVERED", acknowledged.get(Kind.DELIVER).get());
        expected.put("AID_DELIVERY_VOIDED", acknowledged.get(Kind.VOID).get());
        expected.put("AID_STOCK_RECEIVED", acknowledged.get(Kind.RECEIVE).get());
        expected.put("JOURNEY_PLANNED", acknowledged.get(Kind.BOOK).get());
        expected.values().removeIf(n -> n == 0);
        Map<String, Long> written = new java.util.TreeMap<>();
        jdbc.query("SELECT action, COUNT(*) AS n FROM audit_event WHERE id > ? GROUP BY action", rs -> {
            written.put(rs.getString("action"), rs.getLong("n"));
        }, auditBefore);
        assertThat(written).as("audit entries written during the run, by action").isEqualTo(expected);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE id > ? AND action = 'AID_DELIVERED' AND entity_id IN "
                + in(receipts), auditBefore)).as("one entry per acknowledged handover").isEqualTo(receipts.size());
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE id > ? AND action = 'JOURNEY_PLANNED' AND entity_id "
                + "IN " + in(journeyIds), auditBefore)).isEqualTo(journeyIds.size());
    }
}
