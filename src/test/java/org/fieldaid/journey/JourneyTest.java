package org.fieldaid.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fieldaid.approval.ApprovalStatus;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.approval.FourEyesViolation;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.MemberView;
import org.fieldaid.settlement.ReturnStatus;
import org.fieldaid.settlement.ReturnStatusForm;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Journeys on embedded PostgreSQL: seats and one live journey per person under concurrency, flags, the flow. */
@IntegrationTest
class JourneyTest {

    /** Households a test of this JVM has booked, so that no two tests compete for the same family. */
    private static final Set<Long> TAKEN = ConcurrentHashMap.newKeySet();

    @Autowired Journeys journeys;
    @Autowired Checkpoint checkpoint;
    @Autowired Approvals approvals;
    @Autowired HouseholdRegistry registry;
    @Autowired Settlements settlements;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    /** Registered families from an open settlement, with members and no journey so far. */
    private List<Long> freeFamilies(int count, int minMembers) {
        List<Long> found = jdbc.queryForList("SELECT h.id FROM household h JOIN settlement s ON "
                + "s.id = h.origin_settlement_id WHERE h.status = 'REGISTERED' AND s.return_status = 'OPEN' "
                + "AND h.member_count >= ? AND NOT EXISTS (SELECT 1 FROM journey j WHERE j.household_id = h.id) "
                + "ORDER BY h.id", Long.class, minMembers).stream().filter(TAKEN::add).limit(count).toList();
        assertThat(found).hasSize(count);
        return found;
    }

    private ConvoyRow convoy(LocalDate date, int... seats) {
        List<VehicleForm> vehicles = new ArrayList<>();
        for (int i = 0; i < seats.length; i++) {
            vehicles.add(new VehicleForm("BUS", "T " + System.nanoTime() % 1_000_000 + "-" + i, seats[i]));
        }
        return signIn.run("mod.officer", () -> journeys.createConvoy(new ConvoyForm(date, "Test route",
                "Lachin corridor checkpoint", "Test escort", vehicles)));
    }

    private JourneyForm formFor(long householdId, boolean everybody, ConvoyRow convoy) {
        return signIn.run("mod.officer", () -> {
            HouseholdDetails household = registry.get(householdId);
            Set<Long> who = household.members().stream().limit(everybody ? Long.MAX_VALUE : 1)
                    .map(MemberView::id).collect(Collectors.toSet());
            return new JourneyForm(householdId, who, household.originSettlementId(), convoy.date(), convoy.id());
        });
    }

    private JourneyRow plan(JourneyForm form) {
        return signIn.run("mod.officer", () -> journeys.plan(form));
    }

    private JourneyRow approve(JourneyRow planned) {
        JourneyRow submitted = signIn.run("mod.officer", () -> journeys.submit(planned.id(), planned.version()));
        signIn.run("mod.supervisor", () -> {
            ApprovalView request = approvals.requestsFor(Journeys.APPROVAL_KIND, submitted.id()).getFirst();
            return approvals.approve(request.id(), request.version());
        });
        return signIn.run("mod.officer", () -> journeys.journey(planned.id()));
    }

    private static String problem(Throwable e, String field) {
        return ((InvalidInputException) e).problems().get(field).getFirst();
    }

    @Test
    void twentyParallelBookingsForEightFreeSeatsBookExactlyEight() throws Exception {
        ConvoyRow convoy = convoy(LocalDate.now().plusDays(3), 8);
        List<JourneyForm> forms = freeFamilies(20, 1).stream().map(h -> formFor(h, false, convoy)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (JourneyForm form : forms) {
            results.add(pool.submit((Callable<String>) () -> {
                start.await();
                signIn.as("mod.officer");
                try {
                    journeys.plan(form);
                    return "booked";
                } catch (InvalidInputException refused) {
                    return problem(refused, "convoy");
                } finally {
                    signIn.out();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes.stream().filter("booked"::equals).count()).isEqualTo(8);
        assertThat(outcomes.stream().filter(o -> !o.equals("booked"))).hasSize(12)
                .allMatch("journey.error.convoy-full"::equals);
        assertThat(jdbc.queryForObject("SELECT seats_taken FROM journey_vehicle WHERE convoy_id = ?", Integer.class,
                convoy.id())).isEqualTo(8);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_traveller t JOIN journey j ON j.id = t.journey_id "
                + "WHERE j.convoy_id = ?", Integer.class, convoy.id())).isEqualTo(8);
    }

    @Test
    void onePersonCannotBeBookedOntoTwoConvoysAtOnce() throws Exception {
        long family = freeFamilies(1, 1).getFirst();
        ConvoyRow first = convoy(LocalDate.now().plusDays(2), 10);
        ConvoyRow second = convoy(LocalDate.now().plusDays(4), 10);
        List<JourneyForm> forms = List.of(formFor(family, false, first), formFor(family, false, second));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (JourneyForm form : forms) {
            results.add(pool.submit((Callable<String>) () -> {
                start.await();
                signIn.as("mod.officer");
                try {
                    journeys.plan(form);
                    return "booked";
                } catch (InvalidInputException refused) {
                    return problem(refused, "members");
                } finally {
                    signIn.out();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("booked", "journey.error.already-travelling");
        int seats = jdbc.queryForObject("SELECT SUM(seats_taken) FROM journey_vehicle WHERE convoy_id IN (?, ?)",
                Integer.class, first.id(), second.id());
        assertThat(seats).as("the refused booking left no seat taken").isEqualTo(1);
    }

    @Test
    void aFullConvoyTakesNoMoreTravellersAndARejectionFreesTheSeats() {
        ConvoyRow convoy = convoy(LocalDate.now().plusDays(1), 2);
        List<Long> families = freeFamilies(2, 2);
        JourneyRow first = plan(formFor(families.get(0), false, convoy));
        JourneyRow second = plan(formFor(families.get(1), false, convoy));
        JourneyForm third = formFor(families.get(1), true, convoy);
        signIn.as("mod.officer");
        assertThatThrownBy(() -> journeys.plan(third)).satisfies(e ->
                assertThat(((InvalidInputException) e).problems()).containsKey("convoy"));
        signIn.out();
        JourneyRow submitted = signIn.run("mod.officer", () -> journeys.submit(first.id(), first.version()));
        signIn.run("mod.supervisor", () -> {
            ApprovalView request = approvals.requestsFor(Journeys.APPROVAL_KIND, submitted.id()).getFirst();
            return approvals.reject(request.id(), request.version(), "Not this week");
        });
        assertThat(signIn.run("mod.officer", () -> journeys.convoy(convoy.id())).free()).isEqualTo(1);
        JourneyRow aborted = signIn.run("mod.officer", () -> journeys.abort(second.id(), second.version(),
                "Family changed its mind"));
        assertThat(aborted.status()).isEqualTo(JourneyStatus.ABORTED);
        assertThat(aborted.abortReason()).isEqualTo("Family changed its mind");
        assertThat(signIn.run("mod.officer", () -> journeys.convoy(convoy.id())).free()).isEqualTo(2);
        // ended journeys let their travellers be booked again
        assertThat(plan(formFor(families.get(0), false, convoy)).status()).isEqualTo(JourneyStatus.PLANNED);
    }

    @Test
    void aJourneyToAClosedSettlementIsRefusedAtTheDestinationField() {
        ConvoyRow convoy = convoy(LocalDate.now().plusDays(1), 5);
        long closed = signIn.run("mod.officer", () -> settlements.all()).stream()
                .filter(s -> s.returnStatus() == ReturnStatus.CLOSED && !s.reception()).findFirst().orElseThrow().id();
        JourneyForm base = formFor(freeFamilies(1, 1).getFirst(), false, convoy);
        JourneyForm form = new JourneyForm(base.householdId(), base.personIds(), closed, base.date(), base.convoyId());
        signIn.as("mod.officer");
        assertThatThrownBy(() -> journeys.plan(form)).satisfies(e ->
                assertThat(problem(e, "destination")).isEqualTo("journey.error.destination-closed"));
        assertThat(jdbc.queryForObject("SELECT seats_taken FROM journey_vehicle WHERE convoy_id = ?", Integer.class,
                convoy.id())).isZero();
    }

    @Test
    void closingASettlementFlagsItsJourneysNotYetDepartedForTheSupervisorWhoApprovedThem() {
        SettlementRow town = signIn.run("mod.officer", () -> settlements.all()).stream()
                .filter(s -> s.code().equals("NK-MKT")).findFirst().orElseThrow();
        ConvoyRow convoy = convoy(LocalDate.now().plusDays(6), 10);
        List<Long> families = freeFamilies(2, 1);
        List<JourneyForm> forms = families.stream().map(h -> {
            JourneyForm f = formFor(h, false, convoy);
            return new JourneyForm(f.householdId(), f.personIds(), town.id(), f.date(), f.convoyId());
        }).toList();
        JourneyRow planned = plan(forms.get(0));
        JourneyRow approved = approve(plan(forms.get(1)));
        try {
            signIn.run("mfa.coordinator", () -> settlements.setReturnStatus(town.id(), town.version(),
                    new ReturnStatusForm(ReturnStatus.CLOSED, "Road cut by a landslide", LocalDate.now())));
            signIn.as("mod.officer");
            assertThat(journeys.journey(planned.id()).flagged()).isTrue();
            assertThat(journeys.journey(approved.id()).flagged()).isTrue();
            assertThat(journeys.journey(approved.id()).flagReason()).contains("Road cut by a landslide");
            assertThatThrownBy(() -> journeys.submit(planned.id(), journeys.journey(planned.id()).version()))
                    .isInstanceOf(InvalidInputException.class);
            signIn.as("mod.supervisor");
            assertThat(journeys.flaggedApprovedByMe()).isPositive();
            assertThat(journeys.board(new JourneyFilter(null, null, convoy.id(), null, false, true), 0, 50))
                    .extracting(JourneyRow::id).containsExactly(approved.id());
            assertThat(settlements.returnStatusHistory(town.id()).getFirst().reason())
                    .isEqualTo("Road cut by a landslide");
        } finally {
            SettlementRow now = signIn.run("mod.officer", () -> settlements.all()).stream()
                    .filter(s -> s.id() == town.id()).findFirst().orElseThrow();
            signIn.run("admin", () -> settlements.setReturnStatus(town.id(), now.version(),
                    new ReturnStatusForm(ReturnStatus.OPEN, "Road repaired", LocalDate.now())));
        }
    }

    @Test
    void planApproveDepartCrossAndArriveMarksTheArrivedReturnedAndTheHouseholdPartlyReturned() {
        ConvoyRow convoy = convoy(LocalDate.now(), 10);
        long family = freeFamilies(1, 3).getFirst();
        JourneyRow planned = plan(formFor(family, true, convoy));
        assertThat(planned.status()).isEqualTo(JourneyStatus.PLANNED);
        signIn.as("mod.officer");
        assertThatThrownBy(() -> journeys.depart(convoy.id(), convoy.version()))
                .satisfies(e -> assertThat(problem(e, "status")).isEqualTo("journey.error.nobody-to-depart"));
        signIn.out();
        JourneyRow submitted = signIn.run("mod.officer", () -> journeys.submit(planned.id(), planned.version()));
        signIn.as("mod.officer");
        ApprovalView own = approvals.requestsFor(Journeys.APPROVAL_KIND, submitted.id()).getFirst();
        signIn.out();
        // the planner's own supervisor role would not help: four eyes holds for the requester
        signIn.as("mod.supervisor");
        approvals.approve(own.id(), own.version());
        signIn.out();
        DepartureSummary departure = signIn.run("mod.officer", () -> journeys.depart(convoy.id(),
                journeys.convoy(convoy.id()).version()));
        assertThat(departure.departed()).isEqualTo(1);

        CheckpointJourney expected = signIn.run("border.officer", () -> checkpoint.expectedToday()).stream()
                .flatMap(c -> c.journeys().stream()).filter(j -> j.id() == planned.id()).findFirst().orElseThrow();
        List<CheckpointTraveller> travellers = expected.travellers();
        List<CrossingForm.TravellerCheck> checks = new ArrayList<>();
        for (int i = 0; i < travellers.size(); i++) {
            CheckpointTraveller t = travellers.get(i);
            String stored = jdbc.queryForObject("SELECT document_normalised FROM journey_traveller WHERE id = ?",
                    String.class, t.id());
            boolean missing = i == travellers.size() - 1;
            String typed = stored == null ? null : i == 0 ? stored.substring(0, 2) + " " + stored.substring(2)
                    : i == 1 ? "X" + stored : stored;
            checks.add(new CrossingForm.TravellerCheck(t.id(), !missing, missing ? null : typed));
        }
        CrossingRow crossing = signIn.run("border.officer", () -> checkpoint.recordCrossing(new CrossingForm(
                planned.id(), expected.version(), checks, List.of(new CrossingForm.ExtraPerson("Unknown boy", null)),
                "Rain")));
        assertThat(crossing.crossed()).isEqualTo(travellers.size() - 1);
        assertThat(crossing.discrepancies()).extracting(DiscrepancyRow::kind)
                .contains(DiscrepancyKind.MISSING, DiscrepancyKind.EXTRA);
        signIn.as("border.officer");
        assertThatThrownBy(() -> checkpoint.recordCrossing(new CrossingForm(planned.id(), expected.version() + 1,
                checks, List.of(), null))).satisfies(e ->
                assertThat(problem(e, "status")).isEqualTo("checkpoint.error.already-crossed"));
        signIn.out();

        signIn.as("mod.officer");
        Set<Long> crossed = journeys.travellers(planned.id()).stream()
                .filter(t -> t.status() == TravellerStatus.CROSSED).map(TravellerRow::id).collect(Collectors.toSet());
        JourneyRow before = journeys.journey(planned.id());
        long missingTraveller = travellers.getLast().id();
        assertThatThrownBy(() -> journeys.confirmArrival(planned.id(), before.version(), Set.of(missingTraveller)))
                .satisfies(e -> assertThat(problem(e, "arrived")).isEqualTo("journey.error.arrived-not-crossed"));
        JourneyRow arrived = journeys.confirmArrival(planned.id(), before.version(), crossed);
        assertThat(arrived.status()).isEqualTo(JourneyStatus.ARRIVED);
        HouseholdDetails household = registry.get(family);
        assertThat(household.members().stream().filter(MemberView::returned).count()).isEqualTo(crossed.size());
        assertThat(household.status()).isEqualTo(HouseholdStatus.REGISTERED);
        assertThatThrownBy(() -> journeys.abort(planned.id(), arrived.version(), "late"))
                .satisfies(e -> assertThat(problem(e, "status")).isEqualTo("journey.error.cannot-aborted"));

        // the one who stayed behind travels later: now the whole household has returned
        long stayedBehind = journeys.travellers(planned.id()).getLast().personId();
        signIn.out();
        ConvoyRow next = convoy(LocalDate.now(), 4);
        JourneyForm rest = new JourneyForm(family, Set.of(stayedBehind), household.originSettlementId(), next.date(),
                next.id());
        JourneyRow second = approve(plan(rest));
        signIn.run("mod.officer", () -> journeys.depart(next.id(), journeys.convoy(next.id()).version()));
        CheckpointJourney expectedAgain = signIn.run("border.officer", () -> checkpoint.expectedToday()).stream()
                .flatMap(c -> c.journeys().stream()).filter(j -> j.id() == second.id()).findFirst().orElseThrow();
        CheckpointTraveller last = expectedAgain.travellers().getFirst();
        String stored = jdbc.queryForObject("SELECT document_normalised FROM journey_traveller WHERE id = ?",
                String.class, last.id());
        signIn.run("border.officer", () -> checkpoint.recordCrossing(new CrossingForm(second.id(),
                expectedAgain.version(), List.of(new CrossingForm.TravellerCheck(last.id(), true, stored)), List.of(),
                null)));
        signIn.as("mod.officer");
        journeys.confirmArrival(second.id(), journeys.journey(second.id()).version(), Set.of(last.id()));
        assertThat(registry.get(family).status()).isEqualTo(HouseholdStatus.RETURNED);
    }

    @Test
    void refusedTransitionsAreRefusedByTheServiceAndChangeNothing() {
        ConvoyRow convoy = convoy(LocalDate.now().plusDays(1), 5);
        JourneyRow planned = plan(formFor(freeFamilies(1, 1).getFirst(), false, convoy));
        signIn.as("mod.officer");
        Set<Long> anyone = Set.of(journeys.travellers(planned.id()).getFirst().id());
        assertThatThrownBy(() -> journeys.confirmArrival(planned.id(), planned.version(), anyone))
                .satisfies(e -> assertThat(problem(e, "arrived")).isEqualTo("journey.error.arrived-not-crossed"));
        assertThatThrownBy(() -> journeys.abort(planned.id(), planned.version(), " "))
                .satisfies(e -> assertThat(problem(e, "reason")).isEqualTo("journey.error.abort-reason"));
        signIn.as("border.officer");
        assertThatThrownBy(() -> checkpoint.recordCrossing(new CrossingForm(planned.id(), planned.version(), List.of(),
                List.of(), null))).satisfies(e ->
                assertThat(problem(e, "status")).isEqualTo("checkpoint.error.not-departed"));
        signIn.as("mod.officer");
        JourneyRow submitted = journeys.submit(planned.id(), planned.version());
        assertThatThrownBy(() -> journeys.submit(submitted.id(), submitted.version()))
                .satisfies(e -> assertThat(problem(e, "status")).isEqualTo("journey.error.cannot-submitted"));
        ApprovalView request = approvals.requestsFor(Journeys.APPROVAL_KIND, submitted.id()).getFirst();
        JourneyRow aborted = journeys.abort(submitted.id(), submitted.version(), "Convoy cancelled");
        assertThat(approvals.requestsFor(Journeys.APPROVAL_KIND, submitted.id()).getFirst().status())
                .isEqualTo(ApprovalStatus.WITHDRAWN);
        assertThatThrownBy(() -> journeys.abort(aborted.id(), aborted.version(), "again"))
                .satisfies(e -> assertThat(problem(e, "status")).isEqualTo("journey.error.cannot-aborted"));
        assertThat(journeys.journey(planned.id()).status()).isEqualTo(JourneyStatus.ABORTED);
        assertThat(request.id()).isPositive();
    }

    @Test
    void theSupervisorWhoPlannedAJourneyCannotApproveIt() {
        ConvoyRow convoy = convoy(LocalDate.now().plusDays(1), 5);
        JourneyForm form = formFor(freeFamilies(1, 1).getFirst(), false, convoy);
        JourneyRow own = signIn.run("mod.supervisor", () -> {
            JourneyRow planned = journeys.plan(form);
            return journeys.submit(planned.id(), planned.version());
        });
        signIn.as("mod.supervisor");
        ApprovalView request = approvals.requestsFor(Journeys.APPROVAL_KIND, own.id()).getFirst();
        assertThatThrownBy(() -> approvals.approve(request.id(), request.version()))
                .isInstanceOf(FourEyesViolation.class);
        assertThat(journeys.journey(own.id()).status()).isEqualTo(JourneyStatus.SUBMITTED);
    }

    // ---- the checkpoint's data scope ------------------------------------------------------------------------

    private static final List<String> FORBIDDEN = List.of("phone", "address", "need", "vulnerab", "consent",
            "sensitive");

    /** Every type that a service method border.officer may call can return, record components followed. */
    @Test
    void noServiceCallOfTheCheckpointOfficerCanReturnNeedsPhoneAddressOrConsent() {
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> service : List.of(Checkpoint.class, Journeys.class)) {
            for (Method method : service.getDeclaredMethods()) {
                if (java.lang.reflect.Modifier.isPublic(method.getModifiers())) {
                    collect(method.getGenericReturnType(), seen);
                }
            }
        }
        assertThat(seen).doesNotContain(HouseholdDetails.class, MemberView.class);
        for (Class<?> type : seen) {
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    assertThat(FORBIDDEN).as(type.getSimpleName() + "." + c.getName())
                            .noneMatch(word -> c.getName().toLowerCase().contains(word));
                }
            }
            assertThat(type.getPackageName()).as(type.getName()).doesNotStartWith("org.fieldaid.household");
        }
    }

    private static void collect(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), seen);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, seen);
            }
        } else if (type instanceof Class<?> c && c.getName().startsWith("org.fieldaid") && seen.add(c)) {
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    collect(component.getGenericType(), seen);
                }
            }
        }
    }

    @Test
    void whatTheCheckpointOfficerReadsHoldsNoPhoneAddressOrNeedsOfTheTravellers() {
        List<CheckpointConvoy> today = signIn.run("border.officer", () -> checkpoint.expectedToday());
        assertThat(today).isNotEmpty();
        String seen = today.toString() + signIn.run("border.officer",
                () -> journeys.board(JourneyFilter.none(), 0, 100)).toString();
        for (CheckpointJourney j : today.stream().flatMap(c -> c.journeys().stream()).toList()) {
            long householdId = jdbc.queryForObject("SELECT household_id FROM journey WHERE id = ?", Long.class, j.id());
            HouseholdDetails household = signIn.run("mod.officer", () -> registry.get(householdId));
            if (household.phone() != null) {
                assertThat(seen).doesNotContain(household.phone());
            }
            if (household.currentAddress() != null) {
                assertThat(seen).doesNotContain(household.currentAddress());
            }
        }
        signIn.as("border.officer");
        assertThatThrownBy(() -> registry.get(1)).isInstanceOf(
                org.springframework.security.access.AccessDeniedException.class);
    }
}
