package org.fieldaid.settlement;

import static org.fieldaid.security.Authority.Codes.SETTLEMENT_STATUS;
import static org.fieldaid.security.Authority.Codes.SETTLEMENT_MANAGE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The settlements of the region and the reception locations, with their names and return status. */
@Service
public class Settlements {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}-[A-Z0-9]{2,12}");

    private static final String STATUS_SETTERS = "hasAnyAuthority('" + SETTLEMENT_STATUS + "', '" + SETTLEMENT_MANAGE
            + "')";

    private final SettlementRepository settlements;
    private final ReturnStatusHistory history;
    private final ApplicationEventPublisher events;
    private final Caller caller;
    private final Clock clock;

    Settlements(SettlementRepository settlements, ReturnStatusHistory history, ApplicationEventPublisher events,
                Caller caller, Clock clock) {
        this.settlements = settlements;
        this.history = history;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    /** A short catalogue (tens of rows), read by every screen that picks a place. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<SettlementRow> all() {
        return settlements.findAllByOrderByCodeAsc().stream().map(Settlement::toRow).toList();
    }

    /** One settlement, for a check on the hot path (a booking) that must not read the whole catalogue. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<SettlementRow> get(long id) {
        return settlements.findById(id).map(Settlement::toRow);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + SETTLEMENT_MANAGE + "')")
    public SettlementRow create(SettlementForm form) {
        Map<String, List<String>> problems = check(form);
        if (form.code() == null || !CODE.matcher(form.code()).matches()) {
            problems.put("code", new ArrayList<>(List.of("settlement.error.code-format")));
        } else if (settlements.findByCode(form.code()).isPresent()) {
            problems.put("code", new ArrayList<>(List.of("settlement.error.code-taken")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Settlement settlement = new Settlement(form.code());
        settlement.apply(form);
        settlement = settlements.saveAndFlush(settlement);
        history.add(settlement.getId(), form.returnStatus(), null, "Settlement created", today(),
                caller.name().orElseThrow(), caller.agencyCode().orElse(null), clock.instant());
        events.publishEvent(AuditRecord.of("SETTLEMENT_CREATED", "SETTLEMENT", form.code(), "Settlement created",
                null, settlement.describe()).saying("settlement-created"));
        return settlement.toRow();
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + SETTLEMENT_MANAGE + "')")
    public SettlementRow update(long id, int expectedVersion, SettlementForm form) {
        Settlement settlement = settlements.findById(id)
                .orElseThrow(() -> InvalidInputException.of("id", "error.not-found"));
        if (settlement.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Settlement", settlement.getCode(), settlement.describe());
        }
        Map<String, List<String>> problems = check(form);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String before = settlement.describe();
        settlement.apply(form);
        settlements.flush();
        events.publishEvent(AuditRecord.of("SETTLEMENT_UPDATED", "SETTLEMENT", settlement.getCode(),
                "Settlement changed", before, settlement.describe()).saying("settlement-changed"));
        return settlement.toRow();
    }

    /**
     * Sets whether families may return to a settlement, with the reason and the date. The change is audited and
     * kept in the history; a settlement that stops being open is announced ({@link ReturnStatusChanged}) in this
     * transaction, so that what was planned for it is flagged together with the change.
     */
    @Transactional
    @PreAuthorize(STATUS_SETTERS)
    public SettlementRow setReturnStatus(long id, int expectedVersion, ReturnStatusForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (form.status() == null) {
            problems.put("status", List.of("validation.required"));
        }
        if (form.reason() == null || form.reason().isBlank()) {
            problems.put("reason", List.of("settlement.error.status-reason"));
        } else {
            org.fieldaid.base.TextInput.checkNote(problems, "reason", form.reason(), 500);
        }
        if (form.effectiveOn() == null) {
            problems.put("effectiveOn", List.of("validation.required"));
        } else if (form.effectiveOn().isAfter(today())) {
            problems.put("effectiveOn", List.of("settlement.error.status-date-future"));
        } else {
            org.fieldaid.base.TextInput.checkDate(problems, "effectiveOn", form.effectiveOn(), today());
        }
        Settlement settlement = settlements.findById(id)
                .orElseThrow(() -> RecordNotFoundException.missing("SETTLEMENT", id));
        if (problems.isEmpty() && form.status() == settlement.getReturnStatus()) {
            problems.put("status", List.of("settlement.error.status-unchanged"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (settlement.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Settlement", settlement.getCode(), settlement.describe());
        }
        String reason = form.reason().strip();
        ReturnStatus before = settlement.changeReturnStatus(form.status(), reason, form.effectiveOn());
        settlements.flush();
        history.add(id, form.status(), before, reason, form.effectiveOn(), caller.name().orElseThrow(),
                caller.agencyCode().orElse(null), clock.instant());
        events.publishEvent(AuditRecord.of("SETTLEMENT_SETTLEMENT_STATUS", "SETTLEMENT", settlement.getCode(),
                "Return status " + before + " → " + form.status() + " from " + form.effectiveOn() + ": " + reason,
                "returnStatus=" + before, "returnStatus=" + form.status()).saying("return-status-changed",
                AuditRecord.term("return-status.", before), AuditRecord.term("return-status.", form.status()),
                form.effectiveOn(), reason));
        events.publishEvent(new ReturnStatusChanged(id, settlement.getCode(), before, form.status(), reason,
                form.effectiveOn()));
        return settlement.toRow();
    }

    /** Every return status the settlement has had, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ReturnStatusChange> returnStatusHistory(long id) {
        return history.of(id);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    private static Map<String, List<String>> check(SettlementForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (form.district() == null || form.district().isBlank()) {
            problems.put("district", new ArrayList<>(List.of("validation.required")));
        }
        if (!within(form.latitude(), 90)) {
            problems.put("latitude", new ArrayList<>(List.of("settlement.error.latitude")));
        }
        if (!within(form.longitude(), 180)) {
            problems.put("longitude", new ArrayList<>(List.of("settlement.error.longitude")));
        }
        if (form.kind() == null) {
            problems.put("kind", new ArrayList<>(List.of("validation.required")));
        }
        if (form.returnStatus() == null) {
            problems.put("returnStatus", new ArrayList<>(List.of("validation.required")));
        }
        boolean named = form.names() != null && form.names().entrySet().stream()
                .anyMatch(e -> "en".equals(e.getKey().lang()) && e.getValue() != null && !e.getValue().isBlank());
        if (!named) {
            problems.put("names", new ArrayList<>(List.of("settlement.error.name-required")));
        }
        org.fieldaid.base.TextInput.check(problems, "district", form.district(), 100);
        if (form.names() != null) {
            form.names().values().forEach(name -> org.fieldaid.base.TextInput.check(problems, "names", name, 120));
        }
        return problems;
    }

    private static boolean within(BigDecimal value, int limit) {
        return value != null && value.abs().compareTo(BigDecimal.valueOf(limit)) <= 0;
    }
}
