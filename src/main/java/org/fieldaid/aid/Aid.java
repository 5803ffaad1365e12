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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fieldaid.approval.ApprovalDecided;
import org.fieldaid.approval.ApprovalRequested;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdRow;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.MemberView;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
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

    private static final String READERS = "hasAuthority('" + AID_READ + "')";
    private static final int HOUSEHOLD_PAGE = 500;

    private final AidStore store;
    private final HouseholdRegistry registry;
    private final Settlements settlements;
    private final ApplicationEventPublisher events;
    private final Caller caller;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;

    Aid(AidStore store, HouseholdRegistry registry, Settlements settlements, ApplicationEventPublisher events,
        Caller caller, Clock clock, PlatformTransactionManager transactionManager) {
        this.store = store;
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
        }
        if (blank(form.source())) {
            problems.put("source", List.of("validation.required"));
        }
        if (blank(form.waybill())) {
            problems.put("waybill", List.of("validation.required"));
        }
        refuseIfAny(problems);
        store.addStock(form.warehouseId(), form.packageTypeId(), form.quantity());
        long movement = store.insertMovement(form.warehouseId(), form.packageTypeId(), MovementKind.RECEIPT,
                form.quantity(), form.source().strip(), form.waybill().strip(), null, null, null, clock.instant(),
                me());
        audit("AID_STOCK_RECEIVED", "STOCK_MOVEMENT", movement, "Received " + form.quantity() + " of "
                + code(form.packageTypeId()) + " at " + warehouseCode(form.warehouseId()) + ", waybill "
                + form.waybill().strip());
        return level(form.warehouseId(), form.packageTypeId());
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + STOCK_MANAGE + "')")
    public StockLevel correct(CorrectionForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        checkStockTarget(form.warehouseId(), form.packageTypeId(), problems);
        if (form.change() == null || form.change() == 0) {
            problems.put("change", List.of("aid.error.change-nonzero"));
        }
        if (form.reason() == null) {
            problems.put("reason", List.of("validation.required"));
        } else if (form.change() != null && form.change() != 0 && !direction(form.reason(), form.change())) {
            problems.put("change", List.of("aid.error.change-direction"));
        }
        if (blank(form.note())) {
            problems.put("note", List.of("validation.required"));
        }
        refuseIfAny(problems);
        if (form.change() > 0) {
            store.addStock(form.warehouseId(), form.packageTypeId(), form.change());
        } else if (!store.takeStock(form.warehouseId(), form.packageTypeId(), -form.change())) {
            throw InvalidInputException.of("change", "aid.error.correction-below-zero");
        }
        long movement = store.insertMovement(form.warehouseId(), form.packageTypeId(), MovementKind.CORRECTION,
                form.change(), null, null, form.reason(), form.note().strip(), null, clock.instant(), me());
        audit("AID_STOCK_CORRECTED", "STOCK_MOVEMENT", movement, "Corrected " + code(form.packageTypeId()) + " at "
                + warehouseCode(form.warehouseId()) + " by " + form.change() + " (" + form.reason() + ")");
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
                + code(packageTypeId), "Minimum stock level set", Integer.toString(before), Integer.toString(level)));
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
        RoundRow round = round(roundId);
        return store.needs(roundId, round.warehouseId());
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
        audit("AID_ROUND_PLANNED", "AID_ROUND", id, "Round planned: " + label(store.round(id).orElseThrow()));
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
        boolean needMembers = types.stream().anyMatch(t -> t.rule().condition() != Condition.NONE);
        LocalDate seasonFrom = EntitlementRules.seasonStart(round.periodStart());
        LocalDate seasonTo = EntitlementRules.seasonEnd(round.periodStart());
        int added = 0;
        HouseholdFilter living = new HouseholdFilter(null, null, round.pointSettlementId(), HouseholdStatus.REGISTERED,
                null, null);
        Slice<HouseholdRow> page = registry.find(living, PageRequest.of(0, HOUSEHOLD_PAGE));
        while (true) {
            for (HouseholdRow household : page) {
                List<LocalDate> births = needMembers
                        ? registry.get(household.id()).members().stream().map(MemberView::birthDate).toList()
                        : java.util.Collections.nCopies(household.memberCount(), round.periodStart());
                for (PackageTypeRow type : types) {
                    boolean already = type.rule().frequency() == Frequency.ONCE_PER_SEASON
                            && store.entitledInSeason(household.id(), type.id(), roundId, seasonFrom, seasonTo);
                    int quantity = EntitlementRules.quantity(type.rule(), births, round.periodStart(), already);
                    if (quantity > 0 && store.addEntitlement(roundId, household.id(),
                            household.registrationNumber(), type.id(), quantity)) {
                        added++;
                    }
                }
            }
            if (!page.hasNext()) {
                break;
            }
            page = registry.find(living, page.nextPageable());
        }
        audit("AID_ROUND_COMPUTED", "AID_ROUND", roundId, added + " entitlement(s) added");
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
        audit("AID_ROUND_SUBMITTED", "AID_ROUND", roundId, "Round submitted for approval");
        return round(roundId);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ApprovalDecided decision) {
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
                        + decision.reason(), RoundStatus.SUBMITTED.name(), to.name()));
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
                if (!outcome.recorded() || outcome.result() == DeliveryOutcome.Result.ALREADY_RECORDED) {
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
        // the conditional update waits for a twin request's lock, then sees its change: one of the two goes on
        if (!store.markDelivered(entitlement.id(), form.quantity())) {
            return store.deliveryByKey(form.requestKey())
                    .map(d -> new DeliveryOutcome(DeliveryOutcome.Result.ALREADY_RECORDED, d))
                    .orElse(new DeliveryOutcome(DeliveryOutcome.Result.ALREADY_DELIVERED, null));
        }
        RoundRow round = store.round(entitlement.roundId()).orElseThrow();
        if (!store.takeStock(round.warehouseId(), entitlement.packageTypeId(), form.quantity())) {
            return new DeliveryOutcome(DeliveryOutcome.Result.OUT_OF_STOCK, null);
        }
        Instant now = clock.instant();
        String receipt = store.nextReceiptNumber(now.atZone(Formats.ZONE).getYear());
        boolean proxy = form.memberId() == null;
        long id = store.insertDelivery(entitlement.id(), form.quantity(), form.memberId(),
                proxy ? form.proxyName().strip() : form.memberName(), proxy ? form.proxyDocument().strip() : null,
                form.identityChecked(), now, round.pointSettlementId(), round.warehouseId(), me(), agency(), receipt,
                form.requestKey());
        store.insertMovement(round.warehouseId(), entitlement.packageTypeId(), MovementKind.DELIVERY, -form.quantity(),
                null, null, null, receipt, id, now, me());
        String partly = form.quantity() < entitlement.quantity()
                ? " (partial: " + (entitlement.quantity() - form.quantity()) + " still due)" : "";
        audit("AID_DELIVERED", "AID_DELIVERY", receipt, "Delivered " + form.quantity() + " " + entitlement.packageCode()
                + " to " + entitlement.registrationNumber() + partly + (proxy ? " via proxy" : ""));
        return new DeliveryOutcome(DeliveryOutcome.Result.DELIVERED, store.delivery(id).orElseThrow());
    }

    /** A supervisor takes a delivery back: the stock returns through the ledger, and both rows stay visible. */
    @Transactional
    @PreAuthorize("hasAuthority('" + AID_APPROVE + "')")
    public DeliveryRow voidDelivery(long deliveryId, int expectedVersion, String reason) {
        if (blank(reason)) {
            throw InvalidInputException.of("reason", "aid.error.void-reason");
        }
        DeliveryRow delivery = store.delivery(deliveryId)
                .orElseThrow(() -> RecordNotFoundException.missing("AID_DELIVERY", deliveryId));
        if (delivery.voided()) {
            throw InvalidInputException.of("status", "aid.error.already-voided");
        }
        Instant now = clock.instant();
        if (!store.markVoided(deliveryId, expectedVersion, now, me(), reason.strip())) {
            throw new ConcurrentEditException("AID_DELIVERY", delivery.receiptNumber(), delivery.toString());
        }
        EntitlementRow entitlement = store.entitlement(delivery.entitlementId()).orElseThrow();
        long warehouse = store.warehouseOfDelivery(deliveryId);
        store.addStock(warehouse, entitlement.packageTypeId(), delivery.quantity());
        store.insertMovement(warehouse, entitlement.packageTypeId(), MovementKind.VOID, delivery.quantity(), null,
                null, null, reason.strip(), deliveryId, now, me());
        store.markDue(entitlement.id());
        events.publishEvent(AuditRecord.of("AID_DELIVERY_VOIDED", "AID_DELIVERY", delivery.receiptNumber(),
                "Delivery voided: " + reason.strip(), "delivered", "voided"));
        return store.delivery(deliveryId).orElseThrow();
    }

    // ---- checks and helpers -------------------------------------------------------------------------------

    private Map<String, List<String>> roundProblems(RoundForm form) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
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
        }
        if (form.periodStart() == null) {
            problems.put("periodStart", List.of("validation.required"));
        }
        if (form.periodEnd() == null) {
            problems.put("periodEnd", List.of("validation.required"));
        } else if (form.periodStart() != null && form.periodEnd().isBefore(form.periodStart())) {
            problems.put("periodEnd", List.of("aid.error.period-order"));
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

    private void audit(String action, String entityType, Object id, String summary) {
        events.publishEvent(AuditRecord.of(action, entityType, id, summary, null, null));
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
