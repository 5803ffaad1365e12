package org.fieldaid.aid;

import static org.fieldaid.security.Authority.Codes.AID_APPROVE;
import static org.fieldaid.security.Authority.Codes.AID_DISTRIBUTE;
import static org.fieldaid.security.Authority.Codes.AID_PLAN;
import static org.fieldaid.security.Authority.Codes.AID_READ;
import static org.fieldaid.security.Authority.Codes.CATALOGUE_MANAGE;
import static org.fieldaid.security.Authority.Codes.STOCK_MANAGE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fieldaid.approval.ApprovalDecided;
import org.fieldaid.approval.ApprovalRequested;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.TextInput;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The catalogue, stock, distribution rounds and deliveries of aid. The only way into the aid feature. */
@Service
public class Aid {

    /** The approval kind of a distribution round, decided as a whole. */
    public static final String ROUND_APPROVAL_KIND = "AID_ROUND";
    /** The approval kind of a package asked for outside the entitlement. */
    public static final String EXCEPTION_APPROVAL_KIND = "AID_EXCEPTION";
    /** More than this many of one package outside the entitlement is a round's work, not an exception's. */
    static final int EXCEPTION_MAX_QUANTITY = 20;

    /**
     * The most one movement of stock may carry: a typing slip of a few more digits would push a balance past what
     * its column holds (decision 030).
     */
    static final int MAX_MOVEMENT = 1_000_000;
    /** The most of a package a household may be entitled to per member or in all; a round multiplies it. */
    static final int MAX_ENTITLEMENT = 1_000;
    private static final String TOO_LARGE = "validation.number-too-large";

    private static final String READERS = "hasAuthority('" + AID_READ + "')";

    private final AidStore store;
    private final DuplicateCandidates duplicates;
    private final HouseholdRegistry registry;
    private final Settlements settlements;
    private final ApplicationEventPublisher events;
    private final Caller caller;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;

    Aid(AidStore store, DuplicateCandidates duplicates, HouseholdRegistry registry, Settlements settlements, ApplicationEventPublisher events,
        Caller caller, Clock clock, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.duplicates = duplicates;
        this.registry = registry;
        this.settlements = settlements;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
    }

    // ---- catalogue ----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('" + AID_READ + "', '" + CATALOGUE_MANAGE + "')")
    public List<PackageTypeRow> packageTypes() {
        return store.packageTypes();
    }

    // ---- warehouses and stock -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<WarehouseRow> warehouses() {
        return store.warehouses();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<StockLevel> stock(long warehouseId) {
        requireWarehouse(warehouseId);
        return store.stock(warehouseId);
    }

    /** The newest movements of one package type in one warehouse, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<MovementRow> ledger(long warehouseId, long packageTypeId, int limit) {
        requireWarehouse(warehouseId);
        return store.ledger(warehouseId, packageTypeId, limit);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + STOCK_MANAGE + "')")
    public StockLevel receive(ReceiptForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        checkStockTarget(form.warehouseId(), form.packageTypeId(), problems);
        if (form.quantity() == null || form.quantity() <= 0) {
            problems.put("quantity", List.of("aid.error.quantity-positive"));
        } else if (form.quantity() > MAX_MOVEMENT) {
            problems.put("quantity", List.of(TOO_LARGE));
        }
        if (blank(form.source())) {
            problems.put("source", List.of("validation.required"));
        }
        if (blank(form.waybill())) {
            problems.put("waybill", List.of("validation.required"));
        }
        // a consignment's source may name the donor on one line and its address on the next
        TextInput.checkNote(problems, "source", form.source(), 200);
        TextInput.check(problems, "waybill", form.waybill(), 64);
        refuseIfAny(problems);
        store.addStock(form.warehouseId(), form.packageTypeId(), form.quantity());
        long movement = store.insertMovement(form.warehouseId(), form.packageTypeId(), MovementKind.RECEIPT,
                form.quantity(), form.source().strip(), form.waybill().strip(), null, null, null, clock.instant(),
                me());
        audit("AID_STOCK_RECEIVED", "STOCK_MOVEMENT", movement, "Received " + form.quantity() + " of "
                + code(form.packageTypeId()) + " at " + warehouseCode(form.warehouseId()) + ", waybill "
                + form.waybill().strip(), "stock-received", form.quantity(), code(form.packageTypeId()),
                warehouseCode(form.warehouseId()), form.waybill().strip());
        return level(form.warehouseId(), form.packageTypeId());
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + STOCK_MANAGE + "')")
    public StockLevel correct(CorrectionForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        checkStockTarget(form.warehouseId(), form.packageTypeId(), problems);
        if (form.change() == null || form.change() == 0) {
            problems.put("change", List.of("aid.error.change-nonzero"));
        } else if (Math.abs((long) form.change()) > MAX_MOVEMENT) {
            problems.put("change", List.of(TOO_LARGE));
        }
        if (form.reason() == null) {
            problems.put("reason", List.of("validation.required"));
        } else if (form.change() != null && form.change() != 0 && !direction(form.reason(), form.change())) {
            problems.put("change", List.of("aid.error.change-direction"));
        }
        if (blank(form.note())) {
            problems.put("note", List.of("validation.required"));
        }
        TextInput.checkNote(problems, "note", form.note(), 500);
        refuseIfAny(problems);
        if (form.change() > 0) {
            store.addStock(form.warehouseId(), form.packageTypeId(), form.change());
        } else if (!store.takeStock(form.warehouseId(), form.packageTypeId(), -form.change())) {
            throw InvalidInputException.of("change", "aid.error.correction-below-zero");
        }
        long movement = store.insertMovement(form.warehouseId(), form.packageTypeId(), MovementKind.CORRECTION,
                form.change(), null, null, form.reason(), form.note().strip(), null, clock.instant(), me());
        audit("AID_STOCK_CORRECTED", "STOCK_MOVEMENT", movement, "Corrected " + code(form.packageTypeId()) + " at "
                + warehouseCode(form.warehouseId()) + " by " + form.change() + " (" + form.reason() + ")",
                "stock-corrected", code(form.packageTypeId()), warehouseCode(form.warehouseId()), form.change(),
                AuditRecord.term("aid.correction.reason.", form.reason()));
        return level(form.warehouseId(), form.packageTypeId());
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + STOCK_MANAGE + "')")
    public StockLevel setMinimumLevel(long warehouseId, long packageTypeId, int level) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        checkStockTarget(warehouseId, packageTypeId, problems);
        if (level < 0) {
            problems.put("minimumLevel", List.of("aid.error.minimum-negative"));
        }
        refuseIfAny(problems);
        int before = level(warehouseId, packageTypeId).minimumLevel();
        store.setMinimumLevel(warehouseId, packageTypeId, level);
        events.publishEvent(AuditRecord.of("AID_MINIMUM_LEVEL_SET", "STOCK", warehouseCode(warehouseId) + "/"
                + code(packageTypeId), "Minimum stock level set", Integer.toString(before), Integer.toString(level))
                .saying("minimum-level-set"));
        return level(warehouseId, packageTypeId);
    }

    // ---- rounds -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<RoundRow> rounds() {
        return store.rounds();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public RoundRow round(long id) {
        return store.round(id).orElseThrow(() -> RecordNotFoundException.missing("AID_ROUND", id));
    }

    /** Whether the round is there, for the approval module: every reader of aid may see every round. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public boolean maySeeRound(long id) {
        return store.round(id).isPresent();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<RoundNeed> needs(long roundId) {
        return store.reconciliation(round(roundId)).stream().map(r -> new RoundNeed(r.packageTypeId(),
                r.packageCode(), r.entitled(), r.delivered(), r.stillDue(), r.inStock())).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<EntitlementRow> entitlementsOfRound(long roundId, int limit) {
        round(roundId);
        return store.entitlementsOfRound(roundId, limit);
    }

    /** Plans a round and computes its entitlements at once, so the planner sees what it needs before sending it. */
    @Transactional
    @PreAuthorize("hasAuthority('" + AID_PLAN + "')")
    public RoundRow planRound(RoundForm form) {
        refuseIfAny(roundProblems(form));
        long id = store.insertRound(form, agency(), me(), clock.instant());
        audit("AID_ROUND_PLANNED", "AID_ROUND", id, "Round planned: " + label(store.round(id).orElseThrow()),
                "round-planned", label(store.round(id).orElseThrow()));
        return compute(id);
    }

    /**
     * Gives every eligible registered household living at the round's point its entitlements. Run again, it adds
     * only what is missing (a family registered since), never a second entitlement.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + AID_PLAN + "')")
    public RoundRow compute(long roundId) {
        RoundRow round = round(roundId);
        if (round.status() != RoundStatus.PLANNED && round.status() != RoundStatus.REJECTED) {
            throw InvalidInputException.of("status", "aid.error.round-not-editable");
        }
        List<PackageTypeRow> types = store.packageTypes().stream()
                .filter(t -> round.packageTypeIds().contains(t.id())).toList();
        LocalDate seasonFrom = EntitlementRules.seasonStart(round.periodStart());
        LocalDate seasonTo = EntitlementRules.seasonEnd(round.periodStart());
        Map<Long, java.util.Set<Long>> heldThisSeason = new java.util.HashMap<>();
        for (PackageTypeRow type : types) {
            if (type.rule().frequency() == Frequency.ONCE_PER_SEASON) {
                heldThisSeason.put(type.id(), store.entitledInSeason(type.id(), roundId, seasonFrom, seasonTo,
                        round.pointSettlementId()));
            }
        }
        java.util.Set<String> existing = store.entitlementKeys(roundId);
        List<Object[]> missing = new ArrayList<>();
        // one query reads every family at the point with its members' birth dates (decision 014)
        store.forEachResident(round.pointSettlementId(), family -> {
            for (PackageTypeRow type : types) {
                if (existing.contains(family.householdId() + "/" + type.id())) {
                    continue;
                }
                boolean already = heldThisSeason.getOrDefault(type.id(), java.util.Set.of())
                        .contains(family.householdId());
                int quantity = EntitlementRules.quantity(type.rule(), family.birthDates(), round.periodStart(),
                        already);
                if (quantity > 0) {
                    missing.add(new Object[] {family.householdId(), family.registrationNumber(), type.id(), quantity});
                }
            }
        });
        int added = store.addEntitlements(roundId, missing);
        audit("AID_ROUND_COMPUTED", "AID_ROUND", roundId, added + " entitlement(s) added", "entitlements-added", added);
        return round(roundId);
    }

    /** Sends a computed round to a supervisor, who approves it as a whole. */
    @Transactional
    @PreAuthorize("hasAuthority('" + AID_PLAN + "')")
    public RoundRow submitRound(long roundId, int expectedVersion) {
        RoundRow round = round(roundId);
        if (round.entitlements() == 0) {
            throw InvalidInputException.of("status", "aid.error.round-empty");
        }
        RoundStatus from = round.status() == RoundStatus.REJECTED ? RoundStatus.REJECTED : RoundStatus.PLANNED;
        if (round.status() != from) {
            throw InvalidInputException.of("status", "aid.error.round-not-editable");
        }
        if (!store.setRoundStatus(roundId, expectedVersion, from, RoundStatus.SUBMITTED, clock.instant(), null, null)) {
            throw new ConcurrentEditException("AID_ROUND", roundId, round.toString());
        }
        events.publishEvent(new ApprovalRequested(ROUND_APPROVAL_KIND, roundId, label(round), round.agencyCode(), me(),
                round.households() + " household(s), " + round.entitlements() + " entitlement(s)"));
        audit("AID_ROUND_SUBMITTED", "AID_ROUND", roundId, "Round submitted for approval", "round-submitted");
        return round(roundId);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ApprovalDecided decision) {
        if (EXCEPTION_APPROVAL_KIND.equals(decision.kind())) {
            decided(decision);
            return;
        }
        if (!ROUND_APPROVAL_KIND.equals(decision.kind())) {
            return;
        }
        RoundStatus to = decision.approved() ? RoundStatus.APPROVED : RoundStatus.REJECTED;
        if (!store.setRoundStatus(decision.subjectId(), null, RoundStatus.SUBMITTED, to, clock.instant(),
                decision.decidedBy(), decision.reason())) {
            throw new IllegalStateException("Round " + decision.subjectId() + " was not awaiting a decision");
        }
        events.publishEvent(AuditRecord.of(decision.approved() ? "AID_ROUND_APPROVED" : "AID_ROUND_REJECTED",
                "AID_ROUND", decision.subjectId(), decision.approved() ? "Round approved" : "Round rejected: "
                        + decision.reason(), RoundStatus.SUBMITTED.name(), to.name())
                .saying(decision.approved() ? "round-approved" : "round-rejected",
                        decision.approved() ? "" : decision.reason()));
    }

    // ---- exceptions ---------------------------------------------------------------------------------------

    /**
     * Asks for a package outside the household's entitlement (a fire, a newborn). The request goes to a supervisor's
     * inbox; its entitlement is there at once, so the household view shows it, but it can be handed over only once
     * approved. Asking adds to what a family gets, as planning a round does, so it needs {@code AID:PLAN}.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + AID_PLAN + "')")
    public ExceptionRow requestException(ExceptionForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        HouseholdDetails household = null;
        if (form.householdId() == null) {
            problems.put("household", List.of("validation.required"));
        } else {
            household = registry.get(form.householdId());
            if (household.status() != HouseholdStatus.REGISTERED) {
                problems.put("household", List.of("aid.error.household-not-registered"));
            }
        }
        if (form.packageTypeId() == null
                || store.packageType(form.packageTypeId()).filter(PackageTypeRow::active).isEmpty()) {
            problems.put("packageType", List.of("aid.error.unknown-package-type"));
        } else if (form.householdId() != null && store.exceptionPending(form.householdId(), form.packageTypeId())) {
            problems.put("packageType", List.of("aid.error.exception-pending"));
        }
        if (form.quantity() == null || form.quantity() <= 0) {
            problems.put("quantity", List.of("aid.error.quantity-positive"));
        } else if (form.quantity() > EXCEPTION_MAX_QUANTITY) {
            problems.put("quantity", List.of("aid.error.exception-quantity-too-large"));
        }
        if (form.warehouseId() == null) {
            problems.put("warehouse", List.of("validation.required"));
        } else if (store.warehouse(form.warehouseId()).isEmpty()) {
            problems.put("warehouse", List.of("aid.error.unknown-warehouse"));
        }
        if (blank(form.reason())) {
            problems.put("reason", List.of("aid.error.exception-reason"));
        } else {
            TextInput.checkNote(problems, "reason", form.reason(), 500);
        }
        refuseIfAny(problems);
        Instant now = clock.instant();
        long point = household.currentSettlementId() != null ? household.currentSettlementId()
                : store.warehouse(form.warehouseId()).orElseThrow().settlementId();
        long id = store.insertException(form, household.registrationNumber(), point, agency(), me(), now,
                now.atZone(Formats.ZONE).toLocalDate());
        store.addExceptionEntitlement(id, household.id(), household.registrationNumber(), form.packageTypeId(),
                form.quantity());
        String label = household.registrationNumber() + " · " + store.packageType(form.packageTypeId()).orElseThrow()
                .nameEn() + " × " + form.quantity();
        events.publishEvent(new ApprovalRequested(EXCEPTION_APPROVAL_KIND, id, label, agency(), me(),
                form.reason().strip()));
        audit("AID_EXCEPTION_REQUESTED", "AID_EXCEPTION", id, "Exception requested: " + label + ", reason: "
                + form.reason().strip(), "exception-requested", label, form.reason().strip());
        return store.exception(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public ExceptionRow exception(long id) {
        return store.exception(id).orElseThrow(() -> RecordNotFoundException.missing("AID_EXCEPTION", id));
    }

    /** Whether the exception is there, for the approval module: every reader of aid may see every exception. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public boolean maySeeException(long id) {
        return store.exception(id).isPresent();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ExceptionRow> exceptionsOf(long householdId) {
        return store.exceptionsOfHousehold(householdId);
    }

    private void decided(ApprovalDecided decision) {
        ExceptionStatus to = decision.approved() ? ExceptionStatus.APPROVED : ExceptionStatus.REJECTED;
        if (!store.decideException(decision.subjectId(), to, clock.instant(), decision.decidedBy(),
                decision.reason())) {
            throw new IllegalStateException("Exception " + decision.subjectId() + " was not awaiting a decision");
        }
        if (!decision.approved()) {
            store.cancelDueEntitlementsOfException(decision.subjectId());
        }
        events.publishEvent(AuditRecord.of(decision.approved() ? "AID_EXCEPTION_APPROVED" : "AID_EXCEPTION_REJECTED",
                "AID_EXCEPTION", decision.subjectId(), decision.approved() ? "Exception approved"
                        : "Exception rejected: " + decision.reason(), ExceptionStatus.SUBMITTED.name(), to.name())
                .saying(decision.approved() ? "exception-approved" : "exception-rejected",
                        decision.approved() ? "" : decision.reason()));
    }

    // ---- transfers ----------------------------------------------------------------------------------------

    /** Sends stock to another warehouse: it leaves the sender now and is in transit until counted on arrival. */
    @Transactional
    @PreAuthorize("hasAuthority('" + STOCK_MANAGE + "')")
    public TransferRow sendTransfer(TransferForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        checkStockTarget(form.fromWarehouseId(), form.packageTypeId(), problems);
        if (problems.containsKey("warehouse")) {
            problems.put("fromWarehouse", problems.remove("warehouse"));
        }
        if (form.toWarehouseId() == null) {
            problems.put("toWarehouse", List.of("validation.required"));
        } else if (store.warehouse(form.toWarehouseId()).isEmpty()) {
            problems.put("toWarehouse", List.of("aid.error.unknown-warehouse"));
        } else if (form.toWarehouseId().equals(form.fromWarehouseId())) {
            problems.put("toWarehouse", List.of("aid.error.transfer-same-warehouse"));
        }
        if (form.quantity() == null || form.quantity() <= 0) {
            problems.put("quantity", List.of("aid.error.quantity-positive"));
        } else if (form.quantity() > MAX_MOVEMENT) {
            problems.put("quantity", List.of(TOO_LARGE));
        }
        if (blank(form.waybill())) {
            problems.put("waybill", List.of("validation.required"));
        }
        TextInput.check(problems, "waybill", form.waybill(), 64);
        TextInput.checkNote(problems, "note", form.note(), 500);
        refuseIfAny(problems);
        if (!store.takeStock(form.fromWarehouseId(), form.packageTypeId(), form.quantity())) {
            throw InvalidInputException.of("quantity", "aid.error.transfer-above-stock");
        }
        Instant now = clock.instant();
        long id = store.insertTransfer(form, now, me());
        store.insertMovement(form.fromWarehouseId(), form.packageTypeId(), MovementKind.TRANSFER_SENT,
                -form.quantity(), null, form.waybill().strip(), null, "→ " + warehouseCode(form.toWarehouseId()), null,
                id, now, me());
        audit("AID_TRANSFER_SENT", "AID_TRANSFER", id, "Sent " + form.quantity() + " " + code(form.packageTypeId())
                + " from " + warehouseCode(form.fromWarehouseId()) + " to " + warehouseCode(form.toWarehouseId())
                + ", waybill " + form.waybill().strip(), "transfer-sent", form.quantity(), code(form.packageTypeId()),
                warehouseCode(form.fromWarehouseId()), warehouseCode(form.toWarehouseId()), form.waybill().strip());
        return store.transfer(id).orElseThrow();
    }

    /** Counts a transfer in at its warehouse; what is missing stays on the transfer as lost in transit. */
    @Transactional
    @PreAuthorize("hasAuthority('" + STOCK_MANAGE + "')")
    public TransferRow receiveTransfer(long transferId, int expectedVersion, Integer received) {
        TransferRow transfer = store.transfer(transferId)
                .orElseThrow(() -> RecordNotFoundException.missing("AID_TRANSFER", transferId));
        if (transfer.status() != TransferStatus.IN_TRANSIT) {
            throw InvalidInputException.of("status", "aid.error.transfer-already-received");
        }
        if (received == null || received < 0) {
            throw InvalidInputException.of("received", "aid.error.received-not-negative");
        }
        if (received > transfer.quantitySent()) {
            throw InvalidInputException.of("received", "aid.error.received-above-sent");
        }
        Instant now = clock.instant();
        if (!store.markTransferReceived(transferId, expectedVersion, received, now, me())) {
            throw new ConcurrentEditException("AID_TRANSFER", transferId, transfer.toString());
        }
        if (received > 0) {
            store.addStock(transfer.toWarehouseId(), transfer.packageTypeId(), received);
            store.insertMovement(transfer.toWarehouseId(), transfer.packageTypeId(), MovementKind.TRANSFER_RECEIVED,
                    received, null, transfer.waybill(), null, "← " + warehouseCode(transfer.fromWarehouseId()), null,
                    transferId, now, me());
        }
        int lost = transfer.quantitySent() - received;
        events.publishEvent(AuditRecord.of("AID_TRANSFER_RECEIVED", "AID_TRANSFER", transferId, "Received " + received
                + " of " + transfer.quantitySent() + " " + transfer.packageCode() + " at "
                + warehouseCode(transfer.toWarehouseId()) + (lost > 0 ? ", " + lost + " lost in transit" : ""),
                TransferStatus.IN_TRANSIT.name(), TransferStatus.RECEIVED.name() + " " + received)
                .saying(lost > 0 ? "transfer-received-lost" : "transfer-received", received, transfer.quantitySent(),
                        transfer.packageCode(), warehouseCode(transfer.toWarehouseId()), lost));
        return store.transfer(transferId).orElseThrow();
    }

    /** The transfers from or to a warehouse, those still on their way first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<TransferRow> transfers(long warehouseId, int limit) {
        requireWarehouse(warehouseId);
        return store.transfersOf(warehouseId, limit);
    }

    /** What is on its way to a warehouse, per package type id. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Map<Long, Integer> inTransitTo(long warehouseId) {
        requireWarehouse(warehouseId);
        return store.inTransitTo(warehouseId);
    }

    // ---- reconciliation and printing ----------------------------------------------------------------------

    /** Entitled, delivered, voided, still due and stock issued, per package type of a round (at its one point). */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ReconciliationRow> reconciliation(long roundId) {
        return store.reconciliation(round(roundId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public DeliveryRecord receipt(String receiptNumber) {
        if (TextInput.problem(receiptNumber, 24) != null) {
            // no receipt number holds it: the database is not asked
            throw RecordNotFoundException.missing("AID_DELIVERY", TextInput.forSearch(receiptNumber));
        }
        return store.deliveryRecord(receiptNumber == null ? "" : receiptNumber.strip())
                .orElseThrow(() -> RecordNotFoundException.missing("AID_DELIVERY", receiptNumber));
    }

    /** Every delivery recorded at a distribution point on a day (in the region's time zone), voided ones too. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<DeliveryRecord> deliveriesAt(long pointSettlementId, LocalDate day) {
        Instant from = day.atStartOfDay(Formats.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
        return store.deliveriesAt(pointSettlementId, from, to);
    }

    // ---- exports ------------------------------------------------------------------------------------------

    /**
     * The entitlements of a round, or of every round and exception when null, in the order they were computed,
     * handed to the sink one at a time, for an export. Every reader of aid sees every round.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public void forEachEntitlement(Long roundId, Consumer<EntitlementRow> sink) {
        if (roundId != null) {
            round(roundId);
        }
        store.forEachEntitlement(roundId, sink);
    }

    /** The deliveries of a round, or every delivery when null, voided ones too, in the order they were made. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public void forEachDelivery(Long roundId, Consumer<DeliveryRecord> sink) {
        if (roundId != null) {
            round(roundId);
        }
        store.forEachDelivery(roundId, sink);
    }

    /** The stock ledger of a warehouse, of one package type or of all when null, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public void forEachMovement(long warehouseId, Long packageTypeId, Consumer<MovementRow> sink) {
        requireWarehouse(warehouseId);
        store.forEachMovement(warehouseId, packageTypeId, sink);
    }

    // ---- catalogue editing --------------------------------------------------------------------------------

    /** Every problem of a package type form at once, without writing anything. */
    @PreAuthorize("hasAuthority('" + CATALOGUE_MANAGE + "')")
    public Map<String, List<String>> packageTypeProblems(Long id, PackageTypeForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (id == null) {
            if (blank(form.code())) {
                problems.put("code", List.of("validation.required"));
            } else if (!form.code().strip().matches("[A-Z][A-Z0-9_]{1,31}")) {
                problems.put("code", List.of("aid.error.code-format"));
            } else if (store.packageTypeByCode(form.code().strip()).isPresent()) {
                problems.put("code", List.of("aid.error.code-taken"));
            }
        }
        requireText(problems, "nameEn", form.nameEn(), 120, false);
        requireText(problems, "nameRu", form.nameRu(), 120, false);
        requireText(problems, "nameHy", form.nameHy(), 120, false);
        requireText(problems, "nameAz", form.nameAz(), 120, false);
        requireText(problems, "contents", form.contents(), 1000, true);
        if (form.unit() == null) {
            problems.put("unit", List.of("validation.required"));
        } else if (!PackageTypeForm.UNITS.contains(form.unit())) {
            problems.put("unit", List.of("aid.error.unknown-unit"));
        }
        if (form.basis() == null) {
            problems.put("basis", List.of("validation.required"));
        }
        if (form.quantity() == null || form.quantity() <= 0) {
            problems.put("quantity", List.of("aid.error.quantity-positive"));
        } else if (form.quantity() > MAX_ENTITLEMENT) {
            problems.put("quantity", List.of(TOO_LARGE));
        }
        if (form.cap() != null && form.cap() > MAX_ENTITLEMENT) {
            problems.put("cap", List.of(TOO_LARGE));
        } else if (form.cap() != null && form.cap() <= 0) {
            problems.put("cap", List.of("aid.error.cap-positive"));
        } else if (form.cap() != null && form.quantity() != null && form.cap() < form.quantity()) {
            problems.put("cap", List.of("aid.error.cap-below-quantity"));
        }
        if (form.frequency() == null) {
            problems.put("frequency", List.of("validation.required"));
        }
        if (form.condition() == null) {
            problems.put("condition", List.of("validation.required"));
        }
        return problems;
    }

    /** Adds a package type ({@code id} null) or changes one; the code of an existing type never changes. */
    @Transactional
    @PreAuthorize("hasAuthority('" + CATALOGUE_MANAGE + "')")
    public PackageTypeRow savePackageType(Long id, int expectedVersion, PackageTypeForm form) {
        refuseIfAny(packageTypeProblems(id, form));
        if (id == null) {
            long created = store.insertPackageType(form);
            PackageTypeRow row = store.packageType(created).orElseThrow();
            events.publishEvent(AuditRecord.of("AID_PACKAGE_TYPE_CREATED", "AID_PACKAGE_TYPE", row.code(),
                    "Package type created", null, describe(row)).saying("package-type-created"));
            return row;
        }
        PackageTypeRow before = store.packageType(id)
                .orElseThrow(() -> RecordNotFoundException.missing("AID_PACKAGE_TYPE", id));
        if (!store.updatePackageType(id, expectedVersion, form)) {
            throw new ConcurrentEditException("AID_PACKAGE_TYPE", before.code(), describe(before));
        }
        PackageTypeRow after = store.packageType(id).orElseThrow();
        events.publishEvent(AuditRecord.of("AID_PACKAGE_TYPE_CHANGED", "AID_PACKAGE_TYPE", after.code(),
                "Package type changed", describe(before), describe(after))
                .saying("package-type-changed"));
        return after;
    }

    private static String describe(PackageTypeRow t) {
        EntitlementRule r = t.rule();
        return "names=" + t.nameEn() + " | " + t.nameRu() + " | " + t.nameHy() + " | " + t.nameAz() + "; contents="
                + t.contents() + "; unit=" + t.unit() + "; rule=" + r.basis() + " " + r.quantity() + " cap=" + r.cap()
                + " " + r.frequency() + " " + r.condition() + "; active=" + t.active();
    }

    private static void requireText(Map<String, List<String>> problems, String field, String value, int max,
                                    boolean lines) {
        if (blank(value)) {
            problems.put(field, List.of("validation.required"));
        } else if (lines) {
            TextInput.checkNote(problems, field, value, max);
        } else {
            TextInput.check(problems, field, value, max);
        }
    }

    // ---- entitlements and deliveries ----------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<EntitlementRow> entitlementsOf(long householdId) {
        return store.entitlementsOfHousehold(householdId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<DeliveryRow> deliveriesOf(long householdId) {
        return store.deliveriesOfHousehold(householdId);
    }

    /**
     * Hands a package over in one step: the delivery, its receipt number, the stock movement and the entitlement
     * change commit together or not at all. Out of stock and already handed over are outcomes, not exceptions; a
     * request sent again with the same key answers with the delivery it recorded the first time.
     */
    @PreAuthorize("hasAuthority('" + AID_DISTRIBUTE + "')")
    public DeliveryOutcome deliver(DeliveryForm form) {
        refuseIfAny(deliveryProblems(form));
        try {
            return transactions.execute(status -> {
                DeliveryOutcome outcome = deliverInTransaction(form);
                // a warning wrote nothing but its audit entry, which must stay
                if (outcome.result() != DeliveryOutcome.Result.DUPLICATE_WARNING && (!outcome.recorded()
                        || outcome.result() == DeliveryOutcome.Result.ALREADY_RECORDED)) {
                    status.setRollbackOnly();
                }
                return outcome;
            });
        } catch (DataIntegrityViolationException raced) {
            // a twin request or another officer committed first between our checks and our insert
            return reads.execute(status -> store.deliveryByKey(form.requestKey())
                    .map(d -> new DeliveryOutcome(DeliveryOutcome.Result.ALREADY_RECORDED, d))
                    .orElse(new DeliveryOutcome(DeliveryOutcome.Result.ALREADY_DELIVERED, null)));
        }
    }

    private DeliveryOutcome deliverInTransaction(DeliveryForm form) {
        Optional<DeliveryRow> resent = store.deliveryByKey(form.requestKey());
        if (resent.isPresent()) {
            return new DeliveryOutcome(DeliveryOutcome.Result.ALREADY_RECORDED, resent.get());
        }
        EntitlementRow entitlement = store.entitlement(form.entitlementId())
                .orElseThrow(() -> RecordNotFoundException.missing("AID_ENTITLEMENT", form.entitlementId()));
        if (entitlement.roundStatus() != RoundStatus.APPROVED) {
            throw InvalidInputException.of("entitlement", "aid.error.not-approved");
        }
        if (entitlement.status() == EntitlementStatus.CANCELLED) {
            throw InvalidInputException.of("entitlement", "aid.error.cancelled");
        }
        if (form.quantity() > entitlement.quantity()) {
            throw InvalidInputException.of("quantity", "aid.error.quantity-above-entitlement");
        }
        if (form.memberId() != null && !memberOf(entitlement.householdId(), form.memberId())) {
            throw InvalidInputException.of("recipient", "aid.error.recipient-not-member");
        }
        List<DuplicateDelivery> duplicates = duplicateDeliveries(entitlement);
        if (!duplicates.isEmpty() && !form.duplicateConfirmed()) {
            audit("AID_DUPLICATE_WARNED", "AID_ENTITLEMENT", entitlement.id(), "Warned before handing "
                    + entitlement.packageCode() + " to " + entitlement.registrationNumber() + ": "
                    + describe(duplicates), "duplicate-warned", entitlement.packageCode(),
                    entitlement.registrationNumber(), describe(duplicates));
            return new DeliveryOutcome(DeliveryOutcome.Result.DUPLICATE_WARNING, null, duplicates);
        }
        // the conditional update waits for a twin request's lock, then sees its change: one of the two goes on
        if (!store.markDelivered(entitlement.id(), form.quantity())) {
            return store.deliveryByKey(form.requestKey())
                    .map(d -> new DeliveryOutcome(DeliveryOutcome.Result.ALREADY_RECORDED, d))
                    .orElse(new DeliveryOutcome(DeliveryOutcome.Result.ALREADY_DELIVERED, null));
        }
        if (!store.takeStock(entitlement.warehouseId(), entitlement.packageTypeId(), form.quantity())) {
            return new DeliveryOutcome(DeliveryOutcome.Result.OUT_OF_STOCK, null);
        }
        int rest = entitlement.quantity() - form.quantity();
        if (rest > 0) {
            store.addFollowUp(store.entitlement(entitlement.id()).orElseThrow(), rest);
        }
        Instant now = clock.instant();
        String receipt = store.nextReceiptNumber(now.atZone(Formats.ZONE).getYear());
        boolean proxy = form.memberId() == null;
        long id = store.insertDelivery(entitlement.id(), form.quantity(), form.memberId(),
                proxy ? form.proxyName().strip() : form.memberName(), proxy ? form.proxyDocument().strip() : null,
                form.identityChecked(), now, entitlement.pointSettlementId(), entitlement.warehouseId(), me(),
                agency(), receipt, form.requestKey());
        store.insertMovement(entitlement.warehouseId(), entitlement.packageTypeId(), MovementKind.DELIVERY,
                -form.quantity(), null, null, null, receipt, id, now, me());
        String partly = rest > 0 ? " (partial: " + rest + " still due as a follow-up)" : "";
        audit("AID_DELIVERED", "AID_DELIVERY", receipt, "Delivered " + form.quantity() + " " + entitlement.packageCode()
                + " to " + entitlement.registrationNumber() + partly + (proxy ? " via proxy" : ""),
                rest > 0 ? (proxy ? "delivered-partly-proxy" : "delivered-partly") : proxy ? "delivered-proxy"
                        : "delivered", form.quantity(), entitlement.packageCode(), entitlement.registrationNumber(),
                rest);
        if (!duplicates.isEmpty()) {
            audit("AID_DUPLICATE_CONFIRMED", "AID_DELIVERY", receipt, "Handed over despite the warning: "
                    + describe(duplicates), "duplicate-confirmed", describe(duplicates));
        }
        return new DeliveryOutcome(DeliveryOutcome.Result.DELIVERED, store.delivery(id).orElseThrow());
    }

    /**
     * What possible duplicates of the family (the registry's own check) already received of this package in this
     * round. Exceptions are decided one family at a time by a supervisor, so only round entitlements are checked.
     */
    private List<DuplicateDelivery> duplicateDeliveries(EntitlementRow entitlement) {
        if (entitlement.roundId() == null) {
            return List.of();
        }
        return store.liveDeliveriesInRound(entitlement.roundId(), entitlement.packageTypeId(),
                duplicates.of(entitlement.householdId()));
    }

    /**
     * What possible duplicates of the family already received of this entitlement's package in its round, asked when
     * the officer opens the handover: the registry's search runs while the officer checks the documents, and the
     * handover then checks the same answer. Nothing is written; the handover audits a warning it gives.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + AID_DISTRIBUTE + "')")
    public List<DuplicateDelivery> duplicateDeliveries(long entitlementId) {
        return duplicateDeliveries(store.entitlement(entitlementId)
                .orElseThrow(() -> RecordNotFoundException.missing("AID_ENTITLEMENT", entitlementId)));
    }

    private static String describe(List<DuplicateDelivery> duplicates) {
        return duplicates.stream().map(d -> d.registrationNumber() + " (" + d.matchReason() + ", receipt "
                + d.receiptNumber() + ")").collect(java.util.stream.Collectors.joining(", "));
    }

    /** A supervisor takes a delivery back: the stock returns through the ledger, and both rows stay visible. */
    @Transactional
    @PreAuthorize("hasAuthority('" + AID_APPROVE + "')")
    public DeliveryRow voidDelivery(long deliveryId, int expectedVersion, String reason) {
        if (blank(reason)) {
            throw InvalidInputException.of("reason", "aid.error.void-reason");
        }
        TextInput.require("reason", reason, 500, true);
        DeliveryRow delivery = store.delivery(deliveryId)
                .orElseThrow(() -> RecordNotFoundException.missing("AID_DELIVERY", deliveryId));
        if (delivery.voided()) {
            throw InvalidInputException.of("status", "aid.error.already-voided");
        }
        EntitlementRow entitlement = store.entitlement(delivery.entitlementId()).orElseThrow();
        // the rest of a partial delivery is due as a follow-up: it goes away with the void, unless it was handed over
        Optional<EntitlementRow> followUp = store.liveFollowUp(entitlement.id());
        if (followUp.isPresent() && !store.cancelFollowUp(followUp.get().id())) {
            throw InvalidInputException.of("status", "aid.error.void-follow-up-first");
        }
        Instant now = clock.instant();
        if (!store.markVoided(deliveryId, expectedVersion, now, me(), reason.strip())) {
            throw new ConcurrentEditException("AID_DELIVERY", delivery.receiptNumber(), delivery.toString());
        }
        long warehouse = store.warehouseOfDelivery(deliveryId);
        store.addStock(warehouse, entitlement.packageTypeId(), delivery.quantity());
        store.insertMovement(warehouse, entitlement.packageTypeId(), MovementKind.VOID, delivery.quantity(), null,
                null, null, reason.strip(), deliveryId, now, me());
        store.markDue(entitlement.id());
        events.publishEvent(AuditRecord.of("AID_DELIVERY_VOIDED", "AID_DELIVERY", delivery.receiptNumber(),
                "Delivery voided: " + reason.strip(), "delivered", "voided")
                .saying("delivery-voided", reason.strip()));
        return store.delivery(deliveryId).orElseThrow();
    }

    // ---- checks and helpers -------------------------------------------------------------------------------

    private Map<String, List<String>> roundProblems(RoundForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        LocalDate today = clock.instant().atZone(Formats.ZONE).toLocalDate();
        if (form.pointSettlementId() == null) {
            problems.put("point", List.of("validation.required"));
        }
        if (form.warehouseId() == null) {
            problems.put("warehouse", List.of("validation.required"));
        } else if (store.warehouse(form.warehouseId()).isEmpty()) {
            problems.put("warehouse", List.of("aid.error.unknown-warehouse"));
        }
        if (form.packageTypeIds() == null || form.packageTypeIds().isEmpty()) {
            problems.put("packageTypes", List.of("aid.error.no-package-types"));
        } else if (form.packageTypeIds().stream().anyMatch(t -> store.packageType(t).filter(PackageTypeRow::active)
                .isEmpty())) {
            problems.put("packageTypes", List.of("aid.error.unknown-package-type"));
        }
        if (form.periodStart() == null) {
            problems.put("periodStart", List.of("validation.required"));
        } else {
            TextInput.checkDate(problems, "periodStart", form.periodStart(), today);
        }
        if (form.periodEnd() == null) {
            problems.put("periodEnd", List.of("validation.required"));
        } else if (form.periodStart() != null && form.periodEnd().isBefore(form.periodStart())) {
            problems.put("periodEnd", List.of("aid.error.period-order"));
        } else {
            TextInput.checkDate(problems, "periodEnd", form.periodEnd(), today);
        }
        return problems;
    }

    private Map<String, List<String>> deliveryProblems(DeliveryForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (form.entitlementId() == null) {
            problems.put("entitlement", List.of("validation.required"));
        }
        if (form.quantity() == null || form.quantity() <= 0) {
            problems.put("quantity", List.of("aid.error.quantity-positive"));
        }
        if (form.memberId() == null) {
            if (blank(form.proxyName())) {
                problems.put("proxyName", List.of("aid.error.recipient-required"));
            }
            if (blank(form.proxyDocument())) {
                problems.put("proxyDocument", List.of("aid.error.proxy-document-required"));
            }
        } else if (blank(form.memberName())) {
            problems.put("recipient", List.of("validation.required"));
        }
        if (!form.identityChecked()) {
            problems.put("identityChecked", List.of("aid.error.identity-not-checked"));
        }
        if (blank(form.requestKey())) {
            problems.put("requestKey", List.of("validation.required"));
        }
        if (form.memberId() == null) {
            TextInput.check(problems, "proxyName", form.proxyName(), 200);
            TextInput.check(problems, "proxyDocument", form.proxyDocument(), 64);
        } else {
            TextInput.check(problems, "recipient", form.memberName(), 200);
        }
        TextInput.check(problems, "requestKey", form.requestKey(), 64);
        return problems;
    }

    private boolean memberOf(long householdId, long memberId) {
        HouseholdDetails household = registry.get(householdId);
        return household.members().stream().anyMatch(m -> m.id() == memberId);
    }

    private void checkStockTarget(Long warehouseId, Long packageTypeId, Map<String, List<String>> problems) {
        if (warehouseId == null) {
            problems.put("warehouse", List.of("validation.required"));
        } else if (store.warehouse(warehouseId).isEmpty()) {
            problems.put("warehouse", List.of("aid.error.unknown-warehouse"));
        }
        if (packageTypeId == null) {
            problems.put("packageType", List.of("validation.required"));
        } else if (store.packageType(packageTypeId).isEmpty()) {
            problems.put("packageType", List.of("aid.error.unknown-package-type"));
        }
    }

    /** Whether a correction's sign fits its reason: what is lost, damaged or expired leaves, what is found comes. */
    private static boolean direction(CorrectionReason reason, int change) {
        return switch (reason) {
            case DAMAGED, EXPIRED, LOST -> change < 0;
            case FOUND -> change > 0;
            case COUNT -> true;
        };
    }

    private StockLevel level(long warehouseId, long packageTypeId) {
        return store.stock(warehouseId).stream().filter(s -> s.packageTypeId() == packageTypeId).findFirst()
                .orElseThrow();
    }

    private void requireWarehouse(long warehouseId) {
        if (store.warehouse(warehouseId).isEmpty()) {
            throw RecordNotFoundException.missing("AID_WAREHOUSE", warehouseId);
        }
    }

    private String label(RoundRow round) {
        String point = settlements.all().stream().filter(s -> s.id() == round.pointSettlementId()).findFirst()
                .map(s -> s.label(Locale.ENGLISH)).orElse(Long.toString(round.pointSettlementId()));
        return point + " · " + round.periodStart() + " – " + round.periodEnd();
    }

    private String code(long packageTypeId) {
        return store.packageType(packageTypeId).map(PackageTypeRow::code).orElse("?");
    }

    private String warehouseCode(long warehouseId) {
        return store.warehouse(warehouseId).map(WarehouseRow::code).orElse("?");
    }

    private void audit(String action, String entityType, Object id, String summary, String summaryKey,
                       Object... args) {
        events.publishEvent(AuditRecord.of(action, entityType, id, summary, null, null).saying(summaryKey, args));
    }

    private static void refuseIfAny(Map<String, List<String>> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String me() {
        return caller.name().orElseThrow();
    }

    private String agency() {
        return caller.agencyCode().orElseThrow();
    }
}
