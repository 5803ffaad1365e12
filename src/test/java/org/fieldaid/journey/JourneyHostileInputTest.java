package org.fieldaid.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.household.DocumentType;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.MemberView;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.HostileForms;
import org.fieldaid.support.HostileInput;
import org.fieldaid.support.HostileInput.Text;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestFamilies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hostile corpus (issue 14, item 5) through the journey forms by the services: the convoy and its vehicles, a
 * journey's plan and abort, and the crossing at the checkpoint with the document numbers typed there.
 */
@IntegrationTest
class JourneyHostileInputTest {

    @Autowired Journeys journeys;
    @Autowired Checkpoint checkpoint;
    @Autowired HouseholdRegistry registry;
    @Autowired Approvals approvals;
    @Autowired Settlements settlements;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    private TestFamilies families;
    private final LocalDate day = LocalDate.now().plusDays(200);

    @BeforeEach
    void families() {
        families = new TestFamilies(registry, approvals, settlements, signIn);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @AfterAll
    static void report() {
        System.out.println(HostileInput.report("journey forms so far"));
    }

    private final LongSupplier rows = () -> jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM journey_convoy) "
            + "+ (SELECT COUNT(*) FROM journey_vehicle) + (SELECT COUNT(*) FROM journey) + (SELECT COUNT(*) FROM "
            + "journey_crossing) + (SELECT COUNT(*) FROM journey_discrepancy) + (SELECT COUNT(*) FROM audit_event)",
            Long.class);

    private ConvoyRow convoy(String route, String checkpointName, String escort, int seats) {
        return journeys.createConvoy(new ConvoyForm(day, route, checkpointName, escort,
                List.of(new VehicleForm("BUS", "HX " + System.nanoTime() % 1_000_000, seats))));
    }

    private String convoyColumn(long id, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM journey_convoy WHERE id = ?", String.class, id);
    }

    @Test
    void convoysAndVehiclesKeepEveryHostileTextExactlyOrRefuseItAtItsField() {
        signIn.as("mod.officer");
        HostileForms.text("convoy", "route", 200, false,
                v -> convoyColumn(convoy(v, "Lachin corridor checkpoint", "Escort", 10).id(), "route"), rows);
        HostileForms.text("convoy", "checkpoint", 100, false,
                v -> convoyColumn(convoy("Route", v, "Escort", 10).id(), "checkpoint"), rows);
        HostileForms.text("convoy", "escortUnit", 120, false,
                v -> convoyColumn(convoy("Route", "Lachin corridor checkpoint", v, 10).id(), "escort_unit"), rows);
        ConvoyRow convoy = convoy("Route", "Lachin corridor checkpoint", "Escort", 10);
        int[] plate = {0};
        HostileForms.text("convoy vehicle", "kind", 24, false, v -> {
            journeys.addVehicle(convoy.id(), new VehicleForm(v, "HX-" + plate[0]++, 10));
            return lastVehicle(convoy.id(), "kind");
        }, rows);
        HostileForms.formatted("convoy vehicle", "plate", v -> {
            journeys.addVehicle(convoy.id(), new VehicleForm("BUS", v, 10));
            return lastVehicle(convoy.id(), "plate");
        }, rows, v -> v.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " "));
        for (int seats : HostileInput.NUMBERS) {
            long before = rows.getAsLong();
            assertThatThrownBy(() -> journeys.addVehicle(convoy.id(), new VehicleForm("BUS", "HX-S" + seats, seats)))
                    .as("seats %d", seats).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsKey("seats"));
            assertThat(rows.getAsLong()).isEqualTo(before);
            HostileInput.counted("convoy vehicle");
        }
        for (LocalDate date : HostileInput.EXTREME_DATES) {
            long before = rows.getAsLong();
            assertThatThrownBy(() -> journeys.createConvoy(new ConvoyForm(date, "Route", "Checkpoint", "Escort",
                    List.of(new VehicleForm("BUS", "HX-D" + date.getYear(), 5))))).as("%s", date)
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsKey("date"));
            assertThat(rows.getAsLong()).isEqualTo(before);
            HostileInput.counted("convoy");
        }
    }

    private String lastVehicle(long convoy, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM journey_vehicle WHERE convoy_id = ? ORDER BY seq DESC "
                + "LIMIT 1", String.class, convoy);
    }

    @Test
    void anAbortReasonIsKeptExactlyOrRefusedAtItsField() {
        HouseholdDetails family = families.registered("mod.officer", "mod.supervisor",
                families.form(2, families.receptionPoint()));
        ConvoyRow convoy = signIn.run("mod.officer", () -> convoy("Route", "Lachin corridor checkpoint", "Escort", 40));
        Set<Long> who = family.members().stream().map(MemberView::id).collect(Collectors.toSet());
        JourneyForm form = new JourneyForm(family.id(), who, family.originSettlementId(), day, convoy.id());
        JourneyRow[] planned = {signIn.run("mod.officer", () -> journeys.plan(form))};
        HostileForms.text("journey", "reason", 500, true, v -> {
            signIn.as("mod.officer");
            journeys.abort(planned[0].id(), planned[0].version(), v);
            String kept = jdbc.queryForObject("SELECT abort_reason FROM journey WHERE id = ?", String.class,
                    planned[0].id());
            // the family is free again: the next case plans it anew
            planned[0] = journeys.plan(form);
            return kept;
        }, rows);
    }

    /**
     * One crossing per case, with the case typed into every text of the checkpoint's form at once: the document
     * number of a traveller, the name and document of a person not on the manifest, and the note. Each field keeps
     * it or refuses it by its own rule; the crossing is recorded only when all four keep it.
     */
    @Test
    void theCheckpointKeepsEveryHostileTextExactlyOrRefusesItAtItsField() {
        List<Text> cases = HostileForms.cases(64);
        int needed = (int) cases.stream().filter(t -> expected(t).isEmpty()).count();
        // one more than the crossings kept: the cases refused after the last kept one still need a journey
        Deque<JourneyRow> departed = new ArrayDeque<>(departedJourneys(needed + 1));
        for (Text t : cases) {
            JourneyRow journey = departed.peek();
            long traveller = travellerOf(journey);
            signIn.as("border.officer");
            Map<String, String> expected = expected(t);
            String typedField = "traveller-" + traveller;
            CrossingForm form = new CrossingForm(journey.id(), journey.version(),
                    List.of(new CrossingForm.TravellerCheck(traveller, true, t.value())),
                    List.of(new CrossingForm.ExtraPerson(t.value(), t.value())), t.value());
            long before = rows.getAsLong();
            try {
                checkpoint.recordCrossing(form);
            } catch (InvalidInputException refused) {
                assertThat(expected).as(t.name()).isNotEmpty();
                Map<String, String> problems = new LinkedHashMap<>();
                refused.problems().forEach((field, keys) -> problems.put(field.equals(typedField) ? "document" : field,
                        keys.getFirst()));
                assertThat(problems).as(t.name()).isEqualTo(expected);
                assertThat(rows.getAsLong()).as(t.name() + ": nothing written").isEqualTo(before);
                HostileInput.counted("checkpoint crossing");
                continue;
            } catch (RuntimeException unexpected) {
                throw new AssertionError("checkpoint crossing: " + t + " failed with " + unexpected, unexpected);
            }
            if (!expected.isEmpty()) {
                fail("checkpoint crossing: %s was recorded instead of refused with %s", t, expected);
            }
            departed.pop();
            String value = t.value().strip();
            long crossing = jdbc.queryForObject("SELECT id FROM journey_crossing WHERE journey_id = ?", Long.class,
                    journey.id());
            assertThat(jdbc.queryForObject("SELECT note FROM journey_crossing WHERE id = ?", String.class, crossing))
                    .as(t.name()).isEqualTo(value);
            assertThat(jdbc.queryForObject("SELECT document_typed FROM journey_discrepancy WHERE crossing_id = ? AND "
                    + "kind = 'DOCUMENT_MISMATCH'", String.class, crossing)).as(t.name()).isEqualTo(value);
            assertThat(jdbc.queryForMap("SELECT person_name, document_typed FROM journey_discrepancy WHERE "
                    + "crossing_id = ? AND kind = 'EXTRA'", crossing)).as(t.name())
                    .containsEntry("person_name", value).containsEntry("document_typed", value);
            HostileInput.counted("checkpoint crossing");
        }
    }

    /** The message each field of the crossing must give for the case; empty when all four keep it. */
    private static Map<String, String> expected(Text t) {
        Map<String, String> problems = new LinkedHashMap<>();
        put(problems, "document", HostileForms.expectedKey(t, 64, false));
        put(problems, "extra0.name", HostileForms.expectedKey(t, 200, false));
        put(problems, "extra0.document", HostileForms.expectedKey(t, 64, false));
        put(problems, "note", HostileForms.expectedKey(t, 500, true));
        return problems;
    }

    private static void put(Map<String, String> problems, String field, String key) {
        if (key != null) {
            problems.put(field, key);
        }
    }

    private long travellerOf(JourneyRow journey) {
        return signIn.run("mod.officer", () -> journeys.travellers(journey.id())).getFirst().id();
    }

    /** Journeys that have left with one convoy, each of a family of its own whose head carries a document. */
    private List<JourneyRow> departedJourneys(int count) {
        ConvoyRow convoy = signIn.run("mod.officer", () -> journeys.createConvoy(new ConvoyForm(day, "Route",
                "Lachin corridor checkpoint", "Escort", List.of(new VehicleForm("BUS", "HX-C" + System.nanoTime()
                        % 1_000_000, 80)))));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RegistrationForm f = families.form(1, families.receptionPoint());
            MemberForm head = f.members().getFirst();
            RegistrationForm withDocument = new RegistrationForm(f.originSettlementId(), f.currentSettlementId(),
                    f.currentAddress(), f.displacedOn(), f.phone(), false, true, f.vulnerabilities(),
                    List.of(new MemberForm(null, head.familyName(), head.givenName(), null, head.sex(),
                            head.birthDate(), false, head.relation(), DocumentType.OTHER,
                            "HX" + (System.nanoTime() % 100_000_000), Set.of())));
            HouseholdDetails family = families.registered("mod.officer", "mod.supervisor", withDocument);
            JourneyRow planned = signIn.run("mod.officer", () -> journeys.plan(new JourneyForm(family.id(),
                    Set.of(family.members().getFirst().id()), family.originSettlementId(), day, convoy.id())));
            JourneyRow submitted = signIn.run("mod.officer", () -> journeys.submit(planned.id(), planned.version()));
            signIn.run("mod.supervisor", () -> {
                ApprovalView request = approvals.requestsFor(Journeys.APPROVAL_KIND, submitted.id()).getFirst();
                return approvals.approve(request.id(), request.version());
            });
            ids.add(planned.id());
        }
        ConvoyRow current = signIn.run("mod.officer", () -> journeys.convoy(convoy.id()));
        signIn.run("mod.officer", () -> journeys.depart(current.id(), current.version()));
        return ids.stream().map(id -> signIn.run("mod.officer", () -> journeys.journey(id))).toList();
    }
}
