package org.fieldaid.journey;

import static org.fieldaid.security.Authority.Codes.CHECKPOINT_LOG;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.TextInput;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.household.DocumentType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corridor checkpoint's way in. It reads only the journey tables, which hold a copy of each traveller's
 * identity (name, sex, birth date, document) taken at booking, and every answer is a type made for the barrier:
 * no household record, no needs, phone, address or consent can come out of it, whatever a screen asks for
 * (decision 017).
 */
@Service
public class Checkpoint {

    private static final String OFFICERS = "hasAuthority('" + CHECKPOINT_LOG + "')";

    private final JourneyStore store;
    private final ApplicationEventPublisher events;
    private final Caller caller;
    private final Clock clock;

    Checkpoint(JourneyStore store, ApplicationEventPublisher events, Caller caller, Clock clock) {
        this.store = store;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * The convoys expected today (and yesterday's, in case one crosses after midnight), with the families they
     * carry that have left or crossed.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(OFFICERS)
    public List<CheckpointConvoy> expectedToday() {
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        List<CheckpointConvoy> convoys = new ArrayList<>();
        for (ConvoyRow c : store.convoysBetween(today.minusDays(1), today)) {
            List<CheckpointJourney> journeys = store.journeysOfConvoy(c.id()).stream()
                    .filter(j -> j.status() == JourneyStatus.APPROVED || j.status() == JourneyStatus.DEPARTED
                            || j.status() == JourneyStatus.CROSSED || j.status() == JourneyStatus.ARRIVED)
                    // the families still to check first, those done last
                    .sorted(java.util.Comparator.comparingInt(j -> switch (j.status()) {
                        case DEPARTED -> 0;
                        case APPROVED -> 1;
                        default -> 2;
                    }))
                    .map(j -> new CheckpointJourney(j.id(), j.version(), j.registrationNumber(), j.destinationId(),
                            j.status(), store.checkpointTravellers(j.id())))
                    .toList();
            if (c.date().equals(today) || journeys.stream().anyMatch(j -> j.status() == JourneyStatus.DEPARTED)) {
                convoys.add(new CheckpointConvoy(c.id(), c.date(), c.route(), c.checkpoint(), c.escortUnit(),
                        c.status(), c.vehicles().stream().map(v -> new CheckpointConvoy.Vehicle(v.kind(), v.plate())).toList(), journeys));
            }
        }
        return convoys;
    }

    /** Compares a number typed at the barrier with the traveller's document, after the registry's normalisation. */
    @Transactional(readOnly = true)
    @PreAuthorize(OFFICERS)
    public DocumentCheck check(long travellerId, String typed) {
        JourneyStore.StoredDocument stored = store.document(travellerId)
                .orElseThrow(() -> RecordNotFoundException.missing("TRAVELLER", travellerId));
        return compare(stored.normalised(), typed);
    }

    static DocumentCheck compare(String storedNormalised, String typed) {
        if (storedNormalised == null || storedNormalised.isEmpty()) {
            return DocumentCheck.NONE_ON_FILE;
        }
        return storedNormalised.equals(DocumentType.normalise(typed)) ? DocumentCheck.MATCH : DocumentCheck.MISMATCH;
    }

    /**
     * Records that a family crossed, with the time, each traveller present or missing, documents that did not
     * match and people not on the manifest. One crossing per journey; all of it commits together.
     */
    @Transactional
    @PreAuthorize(OFFICERS)
    public CrossingRow recordCrossing(CrossingForm form) {
        if (form.journeyId() == null) {
            throw InvalidInputException.of("journey", "validation.required");
        }
        JourneyRow journey = store.journey(form.journeyId())
                .orElseThrow(() -> RecordNotFoundException.missing(Journeys.AUDIT_TYPE, form.journeyId()));
        if (journey.status() != JourneyStatus.DEPARTED) {
            throw InvalidInputException.of("status", journey.status() == JourneyStatus.CROSSED
                    ? "checkpoint.error.already-crossed" : "checkpoint.error.not-departed");
        }
        List<CheckpointTraveller> manifest = store.checkpointTravellers(journey.id());
        Map<Long, CrossingForm.TravellerCheck> checks = (form.travellers() == null ? List.<CrossingForm.TravellerCheck>of()
                : form.travellers()).stream().collect(Collectors.toMap(CrossingForm.TravellerCheck::travellerId,
                c -> c, (a, b) -> b, LinkedHashMap::new));
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (CheckpointTraveller t : manifest) {
            CrossingForm.TravellerCheck check = checks.get(t.id());
            if (check == null) {
                problems.put("traveller-" + t.id(), List.of("checkpoint.error.not-checked"));
            } else if (check.present() && t.documentEnd() != null && blank(check.typedDocument())) {
                problems.put("traveller-" + t.id(), List.of("checkpoint.error.document-required"));
            } else {
                TextInput.check(problems, "traveller-" + t.id(), check.typedDocument(), 64);
            }
        }
        if (!checks.keySet().stream().allMatch(id -> manifest.stream().anyMatch(t -> t.id() == id))) {
            problems.put("travellers", List.of("checkpoint.error.not-on-manifest"));
        }
        List<CrossingForm.ExtraPerson> extra = form.extra() == null ? List.of() : form.extra();
        for (int i = 0; i < extra.size(); i++) {
            if (blank(extra.get(i).name())) {
                problems.put("extra" + i + ".name", List.of("validation.required"));
            }
            TextInput.check(problems, "extra" + i + ".name", extra.get(i).name(), 200);
            TextInput.check(problems, "extra" + i + ".document", extra.get(i).document(), 64);
        }
        TextInput.checkNote(problems, "note", form.note(), 500);
        if (problems.isEmpty() && checks.values().stream().noneMatch(CrossingForm.TravellerCheck::present)) {
            problems.put("travellers", List.of("checkpoint.error.nobody-crossed"));
        }
        Journeys.refuseIfAny(problems);

        Instant now = clock.instant();
        if (!store.move(journey.id(), form.expectedVersion(), JourneyStatus.DEPARTED, JourneyStatus.CROSSED,
                "crossed_at = ?", now.atOffset(java.time.ZoneOffset.UTC))) {
            throw new ConcurrentEditException(Journeys.AUDIT_TYPE, journey.id(), journey.toString());
        }
        ConvoyRow convoy = store.convoy(journey.convoyId()).orElseThrow();
        String note = blank(form.note()) ? null : clip(form.note().strip(), 500);
        long crossing = store.insertCrossing(journey.id(), convoy.checkpoint(), now, me(), caller.agencyCode()
                .orElseThrow(), note);
        int missing = 0;
        int mismatched = 0;
        for (CheckpointTraveller t : manifest) {
            CrossingForm.TravellerCheck check = checks.get(t.id());
            if (!check.present()) {
                store.setTravellerStatus(t.id(), TravellerStatus.MISSING, null);
                store.insertDiscrepancy(crossing, DiscrepancyKind.MISSING, t.id(), null, null);
                missing++;
                continue;
            }
            store.setTravellerStatus(t.id(), TravellerStatus.CROSSED, null);
            if (t.documentEnd() != null && check(t.id(), check.typedDocument()) == DocumentCheck.MISMATCH) {
                store.insertDiscrepancy(crossing, DiscrepancyKind.DOCUMENT_MISMATCH, t.id(), null,
                        clip(check.typedDocument().strip(), 64));
                mismatched++;
            }
        }
        for (CrossingForm.ExtraPerson person : extra) {
            store.insertDiscrepancy(crossing, DiscrepancyKind.EXTRA, null, clip(person.name().strip(), 200),
                    blank(person.document()) ? null : clip(person.document().strip(), 64));
        }
        events.publishEvent(AuditRecord.of("JOURNEY_CROSSED", Journeys.AUDIT_TYPE, journey.id(), "Crossed at "
                + convoy.checkpoint() + ": " + (manifest.size() - missing) + " of " + manifest.size() + " crossed, "
                + missing + " missing, " + mismatched + " document mismatch(es), " + extra.size() + " extra",
                JourneyStatus.DEPARTED.name(), JourneyStatus.CROSSED.name()).saying("crossed", convoy.checkpoint(),
                manifest.size() - missing, manifest.size(), missing, mismatched, extra.size()));
        return store.crossingOf(journey.id()).orElseThrow();
    }

    private String me() {
        return caller.name().orElseThrow();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
