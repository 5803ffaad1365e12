package org.fieldaid.journey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberView;
import org.fieldaid.settlement.ReturnStatus;
import org.fieldaid.settlement.ReturnStatusForm;
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

/**
 * Demo journeys: a convoy today whose families are at every step past departure (one crossed with a traveller
 * missing and a person extra), two convoys in the coming days with journeys planned, awaiting approval, approved,
 * rejected and aborted, and one settlement closed by the coordinator with the journey there flagged. Everything
 * goes through the services as the demo users, so the audit log and approvals are what real use would leave. Only
 * into a database without convoys.
 */
@Component
@Profile("demo")
@Order(30)
class DemoJourneys implements ApplicationRunner {

    private final Journeys journeys;
    private final Checkpoint checkpoint;
    private final Approvals approvals;
    private final HouseholdRegistry registry;
    private final Settlements settlements;
    private final UserDetailsService users;
    private final SecurityContextHolderStrategy holder;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoJourneys(Journeys journeys, Checkpoint checkpoint, Approvals approvals, HouseholdRegistry registry,
                 Settlements settlements, UserDetailsService users,
                 ObjectProvider<SecurityContextHolderStrategy> holder, JdbcTemplate jdbc, Clock clock) {
        this.journeys = journeys;
        this.checkpoint = checkpoint;
        this.approvals = approvals;
        this.registry = registry;
        this.settlements = settlements;
        this.users = users;
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM journey_convoy", Long.class) > 0) {
            return;
        }
        List<SettlementRow> places = as("mod.officer", settlements::all);
        SettlementRow chartar = places.stream().filter(s -> s.code().equals("NK-CHR")).findFirst().orElseThrow();
        // families of several members from open settlements other than the one the demo closes (Chartar)
        List<Long> families = jdbc.queryForList("SELECT h.id FROM household h JOIN settlement s ON "
                + "s.id = h.origin_settlement_id WHERE h.status = 'REGISTERED' AND s.return_status = 'OPEN' "
                + "AND s.code <> 'NK-CHR' AND h.member_count BETWEEN 2 AND 5 ORDER BY h.id DESC", Long.class);
        if (families.size() < 10) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        ConvoyRow now = convoy(today, "Escort company 3, 15th peacekeeping battalion",
                new VehicleForm("BUS", "45 XA 101", 30), new VehicleForm("MINIBUS", "45 XA 117", 14));
        ConvoyRow soon = convoy(today.plusDays(2), "Escort company 1, 15th peacekeeping battalion",
                new VehicleForm("BUS", "45 XA 102", 30), new VehicleForm("TRUCK", "45 XA 230", 2));
        ConvoyRow later = convoy(today.plusDays(5), "Escort company 2, 15th peacekeeping battalion",
                new VehicleForm("BUS", "45 XA 103", 30));

        JourneyRow arrived = approved(plan(families.get(0), null, now));
        JourneyRow partly = approved(plan(families.get(1), null, now));
        JourneyRow crossed = approved(plan(families.get(2), null, now));
        JourneyRow departed = approved(plan(families.get(3), null, now));
        as("mod.officer", () -> journeys.depart(now.id(), journeys.convoy(now.id()).version()));
        cross(arrived, false, null);
        cross(partly, true, "Armen Petrosyan, passport AN 0977312 (cousin, not on the manifest)");
        cross(crossed, false, null);
        arrive(arrived);
        arrive(partly);

        plan(families.get(4), null, soon);
        submit(plan(families.get(5), null, soon));
        approved(plan(families.get(6), null, soon));
        JourneyRow rejected = submit(plan(families.get(7), null, later));
        as("mod.supervisor", () -> {
            ApprovalView request = approvals.requestsFor(Journeys.APPROVAL_KIND, rejected.id()).getFirst();
            return approvals.reject(request.id(), request.version(),
                    "The grandmother needs a medical escort; plan her with the ambulance convoy");
        });
        JourneyRow aborting = plan(families.get(8), null, later);
        as("mod.officer", () -> journeys.abort(aborting.id(), aborting.version(),
                "The family asked to wait until the school term ends"));
        approved(plan(families.get(9), chartar.id(), soon));
        as("mfa.coordinator", () -> settlements.setReturnStatus(chartar.id(), chartar.version(),
                new ReturnStatusForm(ReturnStatus.CLOSED, "Shelling reported near the town; the road is unsafe",
                        today)));
    }

    private ConvoyRow convoy(LocalDate date, String escort, VehicleForm... vehicles) {
        return as("mod.officer", () -> journeys.createConvoy(new ConvoyForm(date,
                "Goris – Kornidzor – Lachin corridor – Stepanakert", "Lachin corridor checkpoint", escort,
                List.of(vehicles))));
    }

    private JourneyRow plan(long householdId, Long destination, ConvoyRow convoy) {
        return as("mod.officer", () -> {
            HouseholdDetails household = registry.get(householdId);
            Set<Long> members = household.members().stream().map(MemberView::id).collect(Collectors.toSet());
            return journeys.plan(new JourneyForm(householdId, members,
                    destination == null ? household.originSettlementId() : destination, convoy.date(), convoy.id()));
        });
    }

    private JourneyRow submit(JourneyRow planned) {
        return as("mod.officer", () -> journeys.submit(planned.id(), planned.version()));
    }

    private JourneyRow approved(JourneyRow planned) {
        JourneyRow submitted = submit(planned);
        as("mod.supervisor", () -> {
            ApprovalView request = approvals.requestsFor(Journeys.APPROVAL_KIND, submitted.id()).getFirst();
            return approvals.approve(request.id(), request.version());
        });
        return as("mod.officer", () -> journeys.journey(planned.id()));
    }

    /** Everybody present with the right document, or the last traveller missing and an extra person. */
    private void cross(JourneyRow journey, boolean lastMissing, String extra) {
        as("border.officer", () -> {
            CheckpointJourney expected = checkpoint.expectedToday().stream().flatMap(c -> c.journeys().stream())
                    .filter(j -> j.id() == journey.id()).findFirst().orElseThrow();
            List<CrossingForm.TravellerCheck> checks = new ArrayList<>();
            List<TravellerRow> travellers = journeys.travellers(journey.id());
            for (int i = 0; i < expected.travellers().size(); i++) {
                CheckpointTraveller t = expected.travellers().get(i);
                boolean present = !(lastMissing && i == expected.travellers().size() - 1);
                String document = jdbc.queryForObject("SELECT document_normalised FROM journey_traveller WHERE id = ?",
                        String.class, t.id());
                checks.add(new CrossingForm.TravellerCheck(t.id(), present, present ? document : null));
            }
            return checkpoint.recordCrossing(new CrossingForm(journey.id(), expected.version(), checks,
                    extra == null ? List.of() : List.of(new CrossingForm.ExtraPerson(extra, null)), null));
        });
    }

    private void arrive(JourneyRow journey) {
        as("mod.officer", () -> {
            JourneyRow now = journeys.journey(journey.id());
            Set<Long> crossed = journeys.travellers(journey.id()).stream()
                    .filter(t -> t.status() == TravellerStatus.CROSSED).map(TravellerRow::id).collect(Collectors.toSet());
            return journeys.confirmArrival(journey.id(), now.version(), crossed);
        });
    }

    private <T> T as(String username, Supplier<T> action) {
        UserDetails user = users.loadUserByUsername(username);
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        holder.setContext(context);
        try {
            return action.get();
        } finally {
            holder.clearContext();
        }
    }
}
