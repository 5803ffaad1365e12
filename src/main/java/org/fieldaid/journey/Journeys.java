package org.fieldaid.journey;

import static org.fieldaid.security.Authority.Codes.CONVOY_MANAGE;
import static org.fieldaid.security.Authority.Codes.JOURNEY_APPROVE;
import static org.fieldaid.security.Authority.Codes.JOURNEY_PLAN;
import static org.fieldaid.security.Authority.Codes.JOURNEY_READ;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fieldaid.approval.ApprovalDecided;
import org.fieldaid.approval.ApprovalRequested;
import org.fieldaid.approval.ApprovalWithdrawn;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.TextInput;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.household.DocumentType;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.MemberView;
import org.fieldaid.household.MembersReturned;
import org.fieldaid.household.Relation;
import org.fieldaid.settlement.ReturnStatus;
import org.fieldaid.settlement.ReturnStatusChanged;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Convoys, return journeys from planning to arrival, and the flags raised when a destination closes. The way into
 * the journey feature for planners, convoy officers and supervisors; the checkpoint has its own ({@link Checkpoint}).
 */
@Service
public class Journeys {

    /** The approval kind of a return journey. */
    public static final String APPROVAL_KIND = "JOURNEY";
    static final String AUDIT_TYPE = "JOURNEY";

    private static final String READERS = "hasAuthority('" + JOURNEY_READ + "')";
    private static final String PLANNERS = "hasAuthority('" + JOURNEY_PLAN + "')";
    private static final String CONVOY_OFFICERS = "hasAuthority('" + CONVOY_MANAGE + "')";
    /** Whoever carries or plans the journey may end it, or confirm who reached home. */
    private static final String ESCORTS = "hasAnyAuthority('" + CONVOY_MANAGE + "', '" + JOURNEY_PLAN + "')";
    private static final int MAX_SEATS = 80;

    private final JourneyStore store;
    private final HouseholdRegistry registry;
    private final Settlements settlements;
    private final ApplicationEventPublisher events;
    private final Caller caller;
    private final Clock clock;

    Journeys(JourneyStore store, HouseholdRegistry registry, Settlements settlements, ApplicationEventPublisher events,
             Caller caller, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.settlements = settlements;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    // ---- convoys ----------------------------------------------------------------------------------------------

    /** Convoys from today on, the earliest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ConvoyRow> upcomingConvoys() {
        return store.convoysFrom(today(), 200);
    }

    /** Convoys of one day that can still take travellers, for the planning form. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ConvoyRow> bookableConvoys(LocalDate date) {
        if (date == null) {
            return List.of();
        }
        return store.convoysOn(date).stream().filter(c -> c.status() == ConvoyStatus.SCHEDULED).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public ConvoyRow convoy(long id) {
        return store.convoy(id).orElseThrow(() -> RecordNotFoundException.missing("CONVOY", id));
    }

    @Transactional
    @PreAuthorize(CONVOY_OFFICERS)
    public ConvoyRow createConvoy(ConvoyForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (form.date() == null) {
            problems.put("date", List.of("validation.required"));
        } else if (form.date().isBefore(today())) {
            problems.put("date", List.of("journey.error.date-past"));
        } else {
            TextInput.checkDate(problems, "date", form.date(), today());
        }
        requireText(form.route(), "route", 200, problems);
        requireText(form.checkpoint(), "checkpoint", 100, problems);
        requireText(form.escortUnit(), "escortUnit", 120, problems);
        List<VehicleForm> vehicles = form.vehicles() == null ? List.of() : form.vehicles();
        if (vehicles.isEmpty()) {
            problems.put("vehicles", List.of("journey.error.no-vehicles"));
        }
        Set<String> plates = new HashSet<>();
        for (int i = 0; i < vehicles.size(); i++) {
            vehicleProblems(vehicles.get(i), "vehicle" + i + ".", plates, problems);
        }
        refuseIfAny(problems);
        long id = store.insertConvoy(form, agency(), me(), clock.instant());
        for (int i = 0; i < vehicles.size(); i++) {
            store.insertVehicle(id, i + 1, vehicles.get(i));
        }
        ConvoyRow convoy = convoy(id);
        audit("CONVOY_CREATED", "CONVOY", id, "Convoy " + convoy.date() + " via " + convoy.checkpoint() + ", escort "
                + convoy.escortUnit() + ", " + convoy.vehicles().size() + " vehicle(s), " + convoy.seats() + " seat(s)",
                "convoy-created", convoy.date(), convoy.checkpoint(), convoy.escortUnit(), convoy.vehicles().size(),
                convoy.seats());
        return convoy;
    }

    @Transactional
    @PreAuthorize(CONVOY_OFFICERS)
    public ConvoyRow addVehicle(long convoyId, VehicleForm vehicle) {
        ConvoyRow convoy = convoy(convoyId);
        if (convoy.status() != ConvoyStatus.SCHEDULED) {
            throw InvalidInputException.of("status", "journey.error.convoy-departed");
        }
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Set<String> plates = new HashSet<>(convoy.vehicles().stream().map(VehicleRow::plate).toList());
        vehicleProblems(vehicle, "", plates, problems);
        refuseIfAny(problems);
        store.insertVehicle(convoyId, convoy.vehicles().size() + 1, vehicle);
        audit("CONVOY_VEHICLE_ADDED", "CONVOY", convoyId, "Vehicle " + JourneyStore.plate(vehicle.plate()) + " ("
                + vehicle.kind().strip() + ", " + vehicle.seats() + " seats) added", "vehicle-added",
                JourneyStore.plate(vehicle.plate()), AuditRecord.term("journey.vehicle.kind.", vehicle.kind().strip()),
                vehicle.seats());
        return convoy(convoyId);
    }

    private static void vehicleProblems(VehicleForm v, String prefix, Set<String> plates,
                                        Map<String, List<String>> problems) {
        if (v.kind() == null || v.kind().isBlank()) {
            problems.put(prefix + "kind", List.of("validation.required"));
        }
        TextInput.check(problems, prefix + "kind", v.kind(), 24);
        TextInput.check(problems, prefix + "plate", v.plate(), 20);
        String plate = JourneyStore.plate(v.plate());
        if (plate.isEmpty()) {
            problems.put(prefix + "plate", List.of("validation.required"));
        } else if (!problems.containsKey(prefix + "plate") && !plates.add(plate)) {
            problems.put(prefix + "plate", List.of("journey.error.plate-twice"));
        }
        if (v.seats() == null || v.seats() <= 0 || v.seats() > MAX_SEATS) {
            problems.put(prefix + "seats", List.of("journey.error.seats-range"));
        }
    }

    /** Every traveller of a convoy per vehicle, with their documents, for the printed manifest. */
    @Transactional(readOnly = true)
    @PreAuthorize(CONVOY_OFFICERS)
    public List<ManifestLine> manifest(long convoyId) {
        convoy(convoyId);
        return store.manifest(convoyId);
    }

    /**
     * Logs the convoy's departure: its approved journeys leave with it. Those not yet approved, or flagged because
     * their destination closed, stay behind and are counted in the answer.
     */
    @Transactional
    @PreAuthorize(CONVOY_OFFICERS)
    public DepartureSummary depart(long convoyId, int expectedVersion) {
        ConvoyRow convoy = convoy(convoyId);
        if (convoy.status() != ConvoyStatus.SCHEDULED) {
            throw InvalidInputException.of("status", "journey.error.convoy-departed");
        }
        List<JourneyRow> journeys = store.journeysOfConvoy(convoyId).stream().filter(j -> !j.status().ended()).toList();
        List<JourneyRow> leaving = journeys.stream()
                .filter(j -> j.status() == JourneyStatus.APPROVED && !j.flagged()).toList();
        if (leaving.isEmpty()) {
            throw InvalidInputException.of("status", "journey.error.nobody-to-depart");
        }
        Instant now = clock.instant();
        if (!store.markConvoyDeparted(convoyId, expectedVersion, now, me())) {
            throw new ConcurrentEditException("CONVOY", convoyId, convoy.toString());
        }
        for (JourneyRow j : leaving) {
            if (!store.move(j.id(), null, JourneyStatus.APPROVED, JourneyStatus.DEPARTED, "departed_at = ?",
                    utc(now))) {
                throw new ConcurrentEditException(AUDIT_TYPE, j.id(), j.toString());
            }
            events.publishEvent(AuditRecord.of("JOURNEY_DEPARTED", AUDIT_TYPE, j.id(), "Departed with convoy "
                    + convoyId, JourneyStatus.APPROVED.name(), JourneyStatus.DEPARTED.name())
                    .saying("journey-departed", convoyId));
        }
        int behind = journeys.size() - leaving.size();
        audit("CONVOY_DEPARTED", "CONVOY", convoyId, leaving.size() + " journey(s) departed, " + behind
                + " left behind", "convoy-departed", leaving.size(), behind);
        return new DepartureSummary(leaving.size(), behind);
    }

    // ---- journeys ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<JourneyRow> board(JourneyFilter filter, int offset, int limit) {
        return store.board(filter, caller.name().orElse(""), Math.max(0, offset), Math.clamp(limit, 1, 500));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public long count(JourneyFilter filter) {
        return store.count(filter, caller.name().orElse(""));
    }

    /** Every journey of the board's filter, in the board's order, handed to the sink one at a time, for an export. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public void forEachJourney(JourneyFilter filter, java.util.function.Consumer<JourneyRow> sink) {
        store.forEachJourney(filter, caller.name().orElse(""), sink);
    }

    /** The checkpoint crossings of the board's journeys, in the board's order, for an export. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public void forEachCrossing(JourneyFilter filter, java.util.function.Consumer<CrossingExportRow> sink) {
        store.forEachCrossing(filter, caller.name().orElse(""), sink);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public JourneyRow journey(long id) {
        return store.journey(id).orElseThrow(() -> RecordNotFoundException.missing(AUDIT_TYPE, id));
    }

    /** Whether the journey is there, for the approval module: every reader of journeys may see every journey. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public boolean maySee(long id) {
        return store.journey(id).isPresent();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<TravellerRow> travellers(long journeyId) {
        journey(journeyId);
        return store.travellers(journeyId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<JourneyRow> journeysOf(long householdId) {
        return store.journeysOfHousehold(householdId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public java.util.Optional<CrossingRow> crossing(long journeyId) {
        journey(journeyId);
        return store.crossingOf(journeyId);
    }

    /** How many journeys the caller approved are now flagged for review, for the supervisor's reminder. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + JOURNEY_APPROVE + "')")
    public long flaggedApprovedByMe() {
        return store.count(new JourneyFilter(null, null, null, null, true, true), me());
    }

    /**
     * Plans a journey and holds its seats at once: the journey, its travellers and the seats commit together or
     * not at all. A full convoy, a person already on a journey under way, or a destination that is not open are
     * refused with the field concerned.
     */
    @Transactional
    @PreAuthorize(PLANNERS)
    public JourneyRow plan(JourneyForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        HouseholdDetails household = null;
        if (form.householdId() == null) {
            problems.put("household", List.of("validation.required"));
        } else {
            household = registry.get(form.householdId());
            if (household.status() != HouseholdStatus.REGISTERED) {
                problems.put("household", List.of("journey.error.household-not-registered"));
            }
        }
        List<MemberView> travelling = new ArrayList<>();
        if (form.personIds() == null || form.personIds().isEmpty()) {
            problems.put("members", List.of("journey.error.no-travellers"));
        } else if (household != null) {
            for (MemberView m : household.members()) {
                if (form.personIds().contains(m.id())) {
                    travelling.add(m);
                }
            }
            if (travelling.size() != form.personIds().size()) {
                problems.put("members", List.of("journey.error.not-members"));
            } else if (travelling.stream().anyMatch(MemberView::returned)) {
                problems.put("members", List.of("journey.error.already-returned"));
            } else if (!store.travelling(form.personIds()).isEmpty()) {
                problems.put("members", List.of("journey.error.already-travelling"));
            }
        }
        SettlementRow destination = null;
        if (form.destinationId() == null) {
            problems.put("destination", List.of("validation.required"));
        } else {
            destination = settlement(form.destinationId());
            if (destination == null) {
                problems.put("destination", List.of("error.not-found"));
            } else if (destination.returnStatus() != ReturnStatus.OPEN) {
                problems.put("destination", List.of("journey.error.destination-" + destination.returnStatus().name()
                        .toLowerCase(Locale.ROOT)));
            }
        }
        if (form.date() == null) {
            problems.put("date", List.of("validation.required"));
        } else if (form.date().isBefore(today())) {
            problems.put("date", List.of("journey.error.date-past"));
        }
        ConvoyRow convoy = null;
        if (form.convoyId() == null) {
            problems.put("convoy", List.of("validation.required"));
        } else {
            convoy = store.convoy(form.convoyId()).orElse(null);
            if (convoy == null) {
                problems.put("convoy", List.of("error.not-found"));
            } else if (convoy.status() != ConvoyStatus.SCHEDULED) {
                problems.put("convoy", List.of("journey.error.convoy-departed"));
            } else if (form.date() != null && !convoy.date().equals(form.date())) {
                problems.put("convoy", List.of("journey.error.convoy-other-day"));
            } else if (form.personIds() != null && convoy.free() < form.personIds().size()) {
                problems.put("convoy", List.of("journey.error.convoy-full"));
            }
        }
        refuseIfAny(problems);
        String head = household.members().stream().filter(m -> m.relation() == Relation.HEAD).findFirst()
                .orElse(household.members().getFirst()).fullName();
        Instant now = clock.instant();
        long id = store.insertJourney(new JourneyStore.NewJourney(household.id(), household.registrationNumber(), head,
                convoy.id(), form.date(), household.currentSettlementId(), form.destinationId(), travelling.size(),
                agency(), me(), now));
        List<Long> seats = seatsFor(convoy, travelling.size());
        try {
            for (int i = 0; i < travelling.size(); i++) {
                MemberView m = travelling.get(i);
                store.insertTraveller(id, new JourneyStore.NewTraveller(m.id(), seats.get(i), m.fullName(),
                        m.sex() == null ? null : m.sex().name(), m.birthDate(),
                        m.documentType() == null ? null : m.documentType().name(),
                        m.documentNumber() == null ? null : DocumentType.normalise(m.documentNumber())));
            }
        } catch (DuplicateKeyException raced) {
            // another officer booked one of them between our check and our insert; this transaction rolls back
            throw InvalidInputException.of("members", "journey.error.already-travelling");
        }
        events.publishEvent(AuditRecord.of("JOURNEY_PLANNED", AUDIT_TYPE, id, "Journey planned for "
                + household.registrationNumber() + ": " + travelling.size() + " traveller(s) to "
                + destination.code() + " on " + form.date() + " with convoy " + convoy.id(), null,
                JourneyStatus.PLANNED.name()).saying("journey-planned", household.registrationNumber(),
                travelling.size(), destination.code(), form.date(), convoy.id()));
        return journey(id);
    }

    /**
     * One seat per traveller, the family in one vehicle where one has room for it, else seat by seat. Every seat is
     * a conditional update, so a convoy that filled up meanwhile refuses here, and the transaction rolls back.
     */
    private List<Long> seatsFor(ConvoyRow convoy, int travellers) {
        for (VehicleRow v : convoy.vehicles()) {
            if (v.free() >= travellers && store.takeSeats(v.id(), travellers)) {
                return java.util.Collections.nCopies(travellers, v.id());
            }
        }
        List<Long> seats = new ArrayList<>();
        for (VehicleRow v : convoy.vehicles()) {
            while (seats.size() < travellers && store.takeSeats(v.id(), 1)) {
                seats.add(v.id());
            }
        }
        if (seats.size() < travellers) {
            throw InvalidInputException.of("convoy", "journey.error.convoy-full");
        }
        return seats;
    }

    /** Sends a planned journey to a supervisor of any agency that decides journeys. */
    @Transactional
    @PreAuthorize(PLANNERS)
    public JourneyRow submit(long id, int expectedVersion) {
        JourneyRow j = journey(id);
        SettlementRow destination = settlement(j.destinationId());
        if (j.status() == JourneyStatus.PLANNED && (j.flagged() || destination == null
                || destination.returnStatus() != ReturnStatus.OPEN)) {
            throw InvalidInputException.of("destination", "journey.error.destination-not-open");
        }
        move(j, expectedVersion, JourneyStatus.SUBMITTED, "submitted_at = ?", utc(clock.instant()));
        events.publishEvent(new ApprovalRequested(APPROVAL_KIND, id, j.registrationNumber() + " · " + j.headName()
                + " → " + label(j.destinationId()) + " · " + j.plannedOn(), j.agencyCode(), me(),
                j.travellers() + " traveller(s), convoy " + j.convoyId(), null, new HashSet<>(List.of(j.plannedBy(), me()))));
        return journey(id);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ApprovalDecided decision) {
        if (!APPROVAL_KIND.equals(decision.kind())) {
            return;
        }
        JourneyRow j = store.journey(decision.subjectId()).orElseThrow();
        Instant now = clock.instant();
        JourneyStatus to = decision.approved() ? JourneyStatus.APPROVED : JourneyStatus.REJECTED;
        if (!store.move(j.id(), null, JourneyStatus.SUBMITTED, to, "decided_by = ?, decided_at = ?, rejection_reason = ?",
                decision.decidedBy(), utc(now), decision.reason())) {
            throw new IllegalStateException("Journey " + j.id() + " was not awaiting a decision but " + j.status());
        }
        if (!decision.approved()) {
            store.freeSeats(j.id());
            store.endJourney(j.id(), true);
        }
        events.publishEvent(AuditRecord.of(decision.approved() ? "JOURNEY_APPROVED" : "JOURNEY_REJECTED", AUDIT_TYPE,
                j.id(), decision.approved() ? "Journey approved" : "Journey rejected, seats freed: " + decision.reason(),
                JourneyStatus.SUBMITTED.name(), to.name()).saying(decision.approved() ? "journey-approved"
                : "journey-rejected", decision.approved() ? "" : decision.reason()));
    }

    /** Ends a journey that will not go on, with the reason; seats not yet used go back to the convoy. */
    @Transactional
    @PreAuthorize(ESCORTS)
    public JourneyRow abort(long id, int expectedVersion, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "journey.error.abort-reason");
        }
        TextInput.require("reason", reason, 500, true);
        JourneyRow j = journey(id);
        String why = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        move(j, expectedVersion, JourneyStatus.ABORTED, "aborted_at = ?, aborted_by = ?, abort_reason = ?",
                utc(clock.instant()), me(), why);
        if (j.status().holdsSeats()) {
            store.freeSeats(id);
        }
        store.endJourney(id, j.status().holdsSeats() || j.status() == JourneyStatus.DEPARTED);
        if (j.status() == JourneyStatus.SUBMITTED) {
            events.publishEvent(new ApprovalWithdrawn(APPROVAL_KIND, id, "journey aborted"));
        }
        events.publishEvent(AuditRecord.of("JOURNEY_ABORTED", AUDIT_TYPE, id, "Journey aborted: " + why,
                j.status().name(), JourneyStatus.ABORTED.name()).saying("journey-aborted", why));
        return journey(id);
    }

    /**
     * Confirms at the destination who arrived, person by person. They are marked returned in the registry (the
     * household becomes RETURNED when every member has); the others are recorded as not arrived.
     */
    @Transactional
    @PreAuthorize(ESCORTS)
    public JourneyRow confirmArrival(long id, int expectedVersion, Set<Long> arrivedTravellerIds) {
        JourneyRow j = journey(id);
        List<TravellerRow> travellers = store.travellers(id);
        Set<Long> arrived = arrivedTravellerIds == null ? Set.of() : arrivedTravellerIds;
        Set<Long> crossed = new HashSet<>();
        travellers.stream().filter(t -> t.status() == TravellerStatus.CROSSED).forEach(t -> crossed.add(t.id()));
        if (arrived.isEmpty()) {
            throw InvalidInputException.of("arrived", "journey.error.nobody-arrived");
        }
        if (!crossed.containsAll(arrived)) {
            throw InvalidInputException.of("arrived", "journey.error.arrived-not-crossed");
        }
        Instant now = clock.instant();
        move(j, expectedVersion, JourneyStatus.ARRIVED, "arrived_at = ?, arrival_confirmed_by = ?", utc(now),
                me());
        Set<Long> persons = new HashSet<>();
        for (TravellerRow t : travellers) {
            if (arrived.contains(t.id())) {
                store.setTravellerStatus(t.id(), TravellerStatus.ARRIVED, now);
                persons.add(t.personId());
            } else if (t.status() == TravellerStatus.CROSSED) {
                store.setTravellerStatus(t.id(), TravellerStatus.NOT_ARRIVED, null);
            }
        }
        store.endJourney(id, false);
        events.publishEvent(AuditRecord.of("JOURNEY_ARRIVED", AUDIT_TYPE, id, persons.size() + " of " + j.travellers()
                + " traveller(s) arrived at " + label(j.destinationId()), JourneyStatus.CROSSED.name(),
                JourneyStatus.ARRIVED.name()).saying("journey-arrived", persons.size(), j.travellers(),
                label(j.destinationId())));
        events.publishEvent(new MembersReturned(j.householdId(), persons, "journey " + id));
        return journey(id);
    }

    /** A supervisor has reviewed a flagged journey and its destination is open again. */
    @Transactional
    @PreAuthorize("hasAuthority('" + JOURNEY_APPROVE + "')")
    public JourneyRow clearFlag(long id, int expectedVersion) {
        JourneyRow j = journey(id);
        SettlementRow destination = settlement(j.destinationId());
        if (destination == null || destination.returnStatus() != ReturnStatus.OPEN) {
            throw InvalidInputException.of("destination", "journey.error.destination-not-open");
        }
        if (!j.flagged()) {
            throw InvalidInputException.of("status", "journey.error.not-flagged");
        }
        if (!store.clearFlag(id, expectedVersion)) {
            throw new ConcurrentEditException(AUDIT_TYPE, id, j.toString());
        }
        events.publishEvent(AuditRecord.of("JOURNEY_FLAG_CLEARED", AUDIT_TYPE, id, "Reviewed: destination open again",
                "flagged: " + j.flagReason(), "not flagged").saying("journey-flag-cleared"));
        return journey(id);
    }

    /** A destination stopped being open: what is planned there and has not left is flagged for review. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ReturnStatusChanged change) {
        if (!change.closesReturn()) {
            return;
        }
        String reason = change.code() + " " + change.to() + " from " + change.effectiveOn() + ": " + change.reason();
        for (long id : store.flagFor(change.settlementId(), reason)) {
            events.publishEvent(AuditRecord.of("JOURNEY_FLAGGED", AUDIT_TYPE, id, "Flagged for review: " + reason,
                    "not flagged", "flagged").saying("journey-flagged", change.code(),
                    AuditRecord.term("return-status.", change.to()), change.effectiveOn(), change.reason()));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Moves the journey or says why not: a refused transition, or somebody else moved it first. */
    void move(JourneyRow j, Integer expectedVersion, JourneyStatus to, String set, Object... args) {
        if (!j.status().canMoveTo(to)) {
            throw InvalidInputException.of("status", "journey.error.cannot-" + to.name().toLowerCase(Locale.ROOT));
        }
        if (!store.move(j.id(), expectedVersion, j.status(), to, set, args)) {
            throw new ConcurrentEditException(AUDIT_TYPE, j.id(), store.journey(j.id()).map(Object::toString).orElse(""));
        }
    }

    private SettlementRow settlement(long id) {
        return settlements.get(id).orElse(null);
    }

    private String label(long settlementId) {
        SettlementRow s = settlement(settlementId);
        return s == null ? Long.toString(settlementId) : s.code();
    }

    private static void requireText(String value, String field, int max, Map<String, List<String>> problems) {
        if (value == null || value.isBlank()) {
            problems.put(field, List.of("validation.required"));
        } else {
            TextInput.check(problems, field, value, max);
        }
    }

    private void audit(String action, String type, Object id, String summary, String summaryKey, Object... args) {
        events.publishEvent(AuditRecord.of(action, type, id, summary, null, null).saying(summaryKey, args));
    }

    static void refuseIfAny(Map<String, List<String>> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at.atOffset(java.time.ZoneOffset.UTC);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    private String me() {
        return caller.name().orElseThrow();
    }

    private String agency() {
        return caller.agencyCode().orElseThrow();
    }
}
