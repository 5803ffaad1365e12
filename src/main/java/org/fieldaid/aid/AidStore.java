package org.fieldaid.aid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The aid tables, in plain SQL: the hot path of a delivery is three conditional updates and two inserts, and the
 * conditions in those updates (not a read followed by a write) are what keep stock and entitlements true when many
 * officers hand out at the same moment.
 */
@Repository
class AidStore {

    /** An entitlement with its basis: a round or an exception, whose decision, warehouse and point it takes. */
    private static final String ENTITLEMENT_SELECT = "SELECT e.id, e.round_id, e.exception_id, "
            + "COALESCE(r.status, x.status) AS basis_status, COALESCE(r.period_start, x.requested_on), r.period_end, "
            + "e.household_id, e.registration_number, e.package_type_id, p.code, e.quantity, e.delivered_quantity, "
            + "e.status, e.parent_id, COALESCE(r.warehouse_id, x.warehouse_id), "
            + "COALESCE(r.point_settlement_id, x.point_settlement_id) FROM aid_entitlement e "
            + "LEFT JOIN aid_round r ON r.id = e.round_id LEFT JOIN aid_exception x ON x.id = e.exception_id "
            + "JOIN aid_package_type p ON p.id = e.package_type_id ";
    private static final String DELIVERY_SELECT = "SELECT id, version, entitlement_id, quantity, recipient_name, "
            + "proxy_document, identity_checked, delivered_at, point_settlement_id, officer, receipt_number, "
            + "voided_at, voided_by, void_reason FROM aid_delivery ";

    /** How many rows an export reads from the database at once; PostgreSQL then hands them over by cursor. */
    static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final String nextReceiptSql;

    AidStore(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        try (var connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            this.nextReceiptSql = postgres ? "SELECT nextval('aid_receipt_seq')" : "SELECT NEXT VALUE FOR aid_receipt_seq";
        }
    }

    // ---- catalogue -------------------------------------------------------------------------------------------

    private static final RowMapper<PackageTypeRow> PACKAGE_TYPE = (rs, n) -> new PackageTypeRow(rs.getLong("id"),
            rs.getInt("version"), rs.getString("code"), rs.getString("name_en"), rs.getString("name_ru"),
            rs.getString("name_hy"), rs.getString("name_az"), rs.getString("contents"), rs.getString("unit"),
            new EntitlementRule(Basis.valueOf(rs.getString("basis")), rs.getInt("quantity"),
                    (Integer) rs.getObject("cap", Integer.class), Frequency.valueOf(rs.getString("frequency")),
                    Condition.valueOf(rs.getString("condition_code"))), rs.getBoolean("active"));

    List<PackageTypeRow> packageTypes() {
        return jdbc.query("SELECT * FROM aid_package_type ORDER BY id", PACKAGE_TYPE);
    }

    Optional<PackageTypeRow> packageType(long id) {
        return jdbc.query("SELECT * FROM aid_package_type WHERE id = ?", PACKAGE_TYPE, id).stream().findFirst();
    }

    // ---- warehouses and stock ---------------------------------------------------------------------------------

    List<WarehouseRow> warehouses() {
        return jdbc.query("SELECT id, code, name, name_ru, name_hy, name_az, agency_code, settlement_id "
                        + "FROM aid_warehouse ORDER BY code",
                (rs, n) -> new WarehouseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8)));
    }

    Optional<WarehouseRow> warehouse(long id) {
        return warehouses().stream().filter(w -> w.id() == id).findFirst();
    }

    long insertWarehouse(String code, String name, String agencyCode, long settlementId) {
        return insertWarehouse(code, name, null, null, null, agencyCode, settlementId);
    }

    long insertWarehouse(String code, String nameEn, String nameRu, String nameHy, String nameAz, String agencyCode,
                         long settlementId) {
        return insert("INSERT INTO aid_warehouse (code, name, name_ru, name_hy, name_az, agency_code, settlement_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", code, nameEn, nameRu, nameHy, nameAz, agencyCode, settlementId);
    }

    List<StockLevel> stock(long warehouseId) {
        return jdbc.query("SELECT p.id, p.code, COALESCE(b.quantity, 0), COALESCE(b.minimum_level, 0) "
                        + "FROM aid_package_type p LEFT JOIN aid_stock_balance b ON b.package_type_id = p.id "
                        + "AND b.warehouse_id = ? ORDER BY p.id",
                (rs, n) -> new StockLevel(warehouseId, rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
                warehouseId);
    }

    int balance(long warehouseId, long packageTypeId) {
        List<Integer> found = jdbc.queryForList("SELECT quantity FROM aid_stock_balance WHERE warehouse_id = ? "
                + "AND package_type_id = ?", Integer.class, warehouseId, packageTypeId);
        return found.isEmpty() ? 0 : found.getFirst();
    }

    /** Adds to a balance, creating its row at the first receipt. */
    void addStock(long warehouseId, long packageTypeId, int quantity) {
        int updated = jdbc.update("UPDATE aid_stock_balance SET quantity = quantity + ? WHERE warehouse_id = ? "
                + "AND package_type_id = ?", quantity, warehouseId, packageTypeId);
        if (updated == 0) {
            jdbc.update("INSERT INTO aid_stock_balance (warehouse_id, package_type_id, quantity) VALUES (?, ?, ?)",
                    warehouseId, packageTypeId, quantity);
        }
    }

    /** Takes stock out only when there is enough of it; false means there is not, and nothing changed. */
    boolean takeStock(long warehouseId, long packageTypeId, int quantity) {
        return jdbc.update("UPDATE aid_stock_balance SET quantity = quantity - ? WHERE warehouse_id = ? "
                + "AND package_type_id = ? AND quantity >= ?", quantity, warehouseId, packageTypeId, quantity) == 1;
    }

    void setMinimumLevel(long warehouseId, long packageTypeId, int level) {
        int updated = jdbc.update("UPDATE aid_stock_balance SET minimum_level = ? WHERE warehouse_id = ? "
                + "AND package_type_id = ?", level, warehouseId, packageTypeId);
        if (updated == 0) {
            jdbc.update("INSERT INTO aid_stock_balance (warehouse_id, package_type_id, quantity, minimum_level) "
                    + "VALUES (?, ?, 0, ?)", warehouseId, packageTypeId, level);
        }
    }

    long insertMovement(long warehouseId, long packageTypeId, MovementKind kind, int quantity, String source,
                        String waybill, CorrectionReason reason, String note, Long deliveryId, Instant at,
                        String by) {
        return insertMovement(warehouseId, packageTypeId, kind, quantity, source, waybill, reason, note, deliveryId,
                null, at, by);
    }

    long insertMovement(long warehouseId, long packageTypeId, MovementKind kind, int quantity, String source,
                        String waybill, CorrectionReason reason, String note, Long deliveryId, Long transferId,
                        Instant at, String by) {
        return insert("INSERT INTO aid_stock_movement (warehouse_id, package_type_id, kind, quantity, source, "
                        + "waybill, reason_code, note, delivery_id, transfer_id, recorded_at, recorded_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", warehouseId, packageTypeId, kind.name(),
                quantity, source, waybill, reason == null ? null : reason.name(), note, deliveryId, transferId,
                utc(at), by);
    }

    private static final RowMapper<MovementRow> MOVEMENT = (rs, n) -> new MovementRow(rs.getLong("id"),
            rs.getLong("warehouse_id"), rs.getLong("package_type_id"), MovementKind.valueOf(rs.getString("kind")),
            rs.getInt("quantity"), rs.getString("source"), rs.getString("waybill"),
            rs.getString("reason_code") == null ? null : CorrectionReason.valueOf(rs.getString("reason_code")),
            rs.getString("note"), (Long) rs.getObject("delivery_id", Long.class), instant(rs, "recorded_at"),
            rs.getString("recorded_by"));

    List<MovementRow> ledger(long warehouseId, long packageTypeId, int limit) {
        return jdbc.query("SELECT * FROM aid_stock_movement WHERE warehouse_id = ? AND package_type_id = ? "
                + "ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", MOVEMENT, warehouseId,
                packageTypeId).stream().limit(limit).toList();
    }

    /** The balance as the ledger says it: the sum of its signed changes. */
    int ledgerSum(long warehouseId, long packageTypeId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(quantity), 0) FROM aid_stock_movement WHERE warehouse_id = ? "
                + "AND package_type_id = ?", Integer.class, warehouseId, packageTypeId);
    }

    // ---- rounds -----------------------------------------------------------------------------------------------

    long insertRound(RoundForm form, String agencyCode, String plannedBy, Instant at) {
        long id = insert("INSERT INTO aid_round (point_settlement_id, warehouse_id, period_start, period_end, status, "
                        + "agency_code, planned_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                form.pointSettlementId(), form.warehouseId(), form.periodStart(), form.periodEnd(),
                RoundStatus.PLANNED.name(), agencyCode, plannedBy, utc(at));
        for (Long type : form.packageTypeIds()) {
            jdbc.update("INSERT INTO aid_round_package (round_id, package_type_id) VALUES (?, ?)", id, type);
        }
        return id;
    }

    Optional<RoundRow> round(long id) {
        return rounds("WHERE r.id = ?", id).stream().findFirst();
    }

    List<RoundRow> rounds() {
        return rounds("");
    }

    private List<RoundRow> rounds(String where, Object... args) {
        return jdbc.query("SELECT r.*, (SELECT COUNT(DISTINCT e.household_id) FROM aid_entitlement e "
                + "WHERE e.round_id = r.id) AS households, (SELECT COUNT(*) FROM aid_entitlement e "
                + "WHERE e.round_id = r.id) AS entitlements FROM aid_round r " + where + " ORDER BY r.id DESC",
                (rs, n) -> new RoundRow(rs.getLong("id"), rs.getInt("version"), rs.getLong("point_settlement_id"),
                        rs.getLong("warehouse_id"), rs.getObject("period_start", LocalDate.class),
                        rs.getObject("period_end", LocalDate.class), RoundStatus.valueOf(rs.getString("status")),
                        rs.getString("agency_code"), rs.getString("planned_by"), instant(rs, "created_at"),
                        rs.getString("decided_by"), rs.getString("rejection_reason"),
                        jdbc.queryForList("SELECT package_type_id FROM aid_round_package WHERE round_id = ? "
                                + "ORDER BY package_type_id", Long.class, rs.getLong("id")),
                        rs.getInt("households"), rs.getInt("entitlements")), args);
    }

    /** Moves a round on when it is still at the expected version and in the expected status. */
    boolean setRoundStatus(long id, Integer expectedVersion, RoundStatus from, RoundStatus to, Instant at,
                           String by, String reason) {
        String timeColumn = to == RoundStatus.SUBMITTED ? "submitted_at" : "decided_at";
        String sql = "UPDATE aid_round SET status = ?, " + timeColumn + " = ?, "
                + (to == RoundStatus.SUBMITTED ? "" : "decided_by = ?, rejection_reason = ?, ")
                + "version = version + 1 WHERE id = ? AND status = ?" + (expectedVersion == null ? "" : " AND version = ?");
        List<Object> args = new java.util.ArrayList<>(List.of(to.name(), utc(at)));
        if (to != RoundStatus.SUBMITTED) {
            args.add(by);
            args.add(reason);
        }
        args.add(id);
        args.add(from.name());
        if (expectedVersion != null) {
            args.add(expectedVersion);
        }
        return jdbc.update(sql, args.toArray()) == 1;
    }

    /** Adds the entitlement unless the round already has one for the household and type; true when added. */
    boolean addEntitlement(long roundId, long householdId, String registrationNumber, long packageTypeId,
                           int quantity) {
        return jdbc.update("INSERT INTO aid_entitlement (round_id, household_id, registration_number, "
                        + "package_type_id, quantity, delivered_quantity, status) SELECT ?, ?, ?, ?, ?, 0, 'DUE' "
                        + "FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS (SELECT 1 FROM aid_entitlement WHERE "
                        + "round_id = ? AND household_id = ? AND package_type_id = ?)",
                roundId, householdId, registrationNumber, packageTypeId, quantity, roundId, householdId,
                packageTypeId) == 1;
    }

    // ---- entitlements and deliveries --------------------------------------------------------------------------

    private static final RowMapper<EntitlementRow> ENTITLEMENT = (rs, n) -> new EntitlementRow(rs.getLong(1),
            rs.getObject(2, Long.class), rs.getObject(3, Long.class), RoundStatus.valueOf(rs.getString(4)),
            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getLong(7), rs.getString(8),
            rs.getLong(9), rs.getString(10), rs.getInt(11), rs.getInt(12), EntitlementStatus.valueOf(rs.getString(13)),
            rs.getObject(14, Long.class), rs.getLong(15), rs.getLong(16));

    Optional<EntitlementRow> entitlement(long id) {
        return jdbc.query(ENTITLEMENT_SELECT + "WHERE e.id = ?", ENTITLEMENT, id).stream().findFirst();
    }

    List<EntitlementRow> entitlementsOfHousehold(long householdId) {
        return jdbc.query(ENTITLEMENT_SELECT + "WHERE e.household_id = ? "
                        + "ORDER BY COALESCE(r.period_start, x.requested_on) DESC, e.id",
                ENTITLEMENT, householdId);
    }

    List<EntitlementRow> entitlementsOfRound(long roundId, int limit) {
        return jdbc.query(ENTITLEMENT_SELECT + "WHERE e.round_id = ? ORDER BY e.id FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY", ENTITLEMENT, roundId);
    }

    /** Marks a first handover; false when something was already handed over against it (or it was cancelled). */
    boolean markDelivered(long entitlementId, int quantity) {
        return jdbc.update("UPDATE aid_entitlement SET delivered_quantity = ?, status = CASE WHEN quantity = ? "
                + "THEN 'DELIVERED' ELSE 'PARTLY_DELIVERED' END, version = version + 1 WHERE id = ? AND status = 'DUE' "
                + "AND delivered_quantity = 0 AND quantity >= ?", quantity, quantity, entitlementId, quantity) == 1;
    }

    void markDue(long entitlementId) {
        jdbc.update("UPDATE aid_entitlement SET delivered_quantity = 0, status = 'DUE', version = version + 1 "
                + "WHERE id = ?", entitlementId);
    }

    String nextReceiptNumber(int year) {
        long n = jdbc.queryForObject(nextReceiptSql, Long.class);
        return String.format("R-%d-%07d", year, n);
    }

    long insertDelivery(long entitlementId, int quantity, Long personId, String recipientName, String proxyDocument,
                        boolean identityChecked, Instant at, long pointId, long warehouseId, String officer,
                        String agencyCode, String receiptNumber, String key) {
        return insert("INSERT INTO aid_delivery (entitlement_id, live_entitlement_id, quantity, recipient_person_id, "
                        + "recipient_name, proxy_document, identity_checked, delivered_at, point_settlement_id, "
                        + "warehouse_id, officer, agency_code, receipt_number, idempotency_key) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entitlementId, entitlementId, quantity,
                personId, recipientName, proxyDocument, identityChecked, utc(at), pointId, warehouseId,
                officer, agencyCode, receiptNumber, key);
    }

    private static final RowMapper<DeliveryRow> DELIVERY_ROW = (rs, n) -> new DeliveryRow(rs.getLong(1), rs.getInt(2),
            rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), instant(rs, "delivered_at"),
            rs.getLong(9), rs.getString(10), rs.getString(11), instant(rs, "voided_at"), rs.getString(13),
            rs.getString(14));

    Optional<DeliveryRow> delivery(long id) {
        return jdbc.query(DELIVERY_SELECT + "WHERE id = ?", DELIVERY_ROW, id).stream().findFirst();
    }

    Optional<DeliveryRow> deliveryByKey(String key) {
        return jdbc.query(DELIVERY_SELECT + "WHERE idempotency_key = ?", DELIVERY_ROW, key).stream().findFirst();
    }

    List<DeliveryRow> deliveriesOfHousehold(long householdId) {
        return jdbc.query(DELIVERY_SELECT + "WHERE entitlement_id IN (SELECT id FROM aid_entitlement "
                + "WHERE household_id = ?) ORDER BY id DESC", DELIVERY_ROW, householdId);
    }

    long warehouseOfDelivery(long deliveryId) {
        return jdbc.queryForObject("SELECT warehouse_id FROM aid_delivery WHERE id = ?", Long.class, deliveryId);
    }

    boolean markVoided(long deliveryId, int expectedVersion, Instant at, String by, String reason) {
        return jdbc.update("UPDATE aid_delivery SET voided_at = ?, voided_by = ?, void_reason = ?, "
                        + "live_entitlement_id = NULL, version = version + 1 WHERE id = ? AND version = ? "
                        + "AND voided_at IS NULL", utc(at), by, reason, deliveryId, expectedVersion) == 1;
    }

    // ---- round computing, set-based ---------------------------------------------------------------------------

    /** A registered household living at a point, with its members' birth dates, for the entitlement rules. */
    record Resident(long householdId, String registrationNumber, List<LocalDate> birthDates) {
    }

    /**
     * Every registered household living at the settlement, one query for all of them (one row per member, in
     * household order), handed over a household at a time so that no more than one family is held in memory.
     */
    void forEachResident(long settlementId, java.util.function.Consumer<Resident> action) {
        long[] current = {-1};
        String[] number = {null};
        List<LocalDate>[] births = new List[] {new java.util.ArrayList<LocalDate>()};
        jdbc.query("SELECT h.id, h.registration_number, p.birth_date FROM household h "
                + "JOIN person p ON p.household_id = h.id WHERE h.status = 'REGISTERED' "
                + "AND h.current_settlement_id = ? ORDER BY h.id", rs -> {
                    long id = rs.getLong(1);
                    if (id != current[0]) {
                        if (current[0] != -1) {
                            action.accept(new Resident(current[0], number[0], births[0]));
                        }
                        current[0] = id;
                        number[0] = rs.getString(2);
                        births[0] = new java.util.ArrayList<>();
                    }
                    births[0].add(rs.getObject(3, LocalDate.class));
                }, settlementId);
        if (current[0] != -1) {
            action.accept(new Resident(current[0], number[0], births[0]));
        }
    }

    /** The households at the point that hold the type in another round of the season (once-per-season types). */
    java.util.Set<Long> entitledInSeason(long packageTypeId, long exceptRound, LocalDate from, LocalDate to,
                                         long settlementId) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT DISTINCT e.household_id FROM aid_entitlement e "
                + "JOIN aid_round r ON r.id = e.round_id JOIN household h ON h.id = e.household_id "
                + "WHERE e.package_type_id = ? AND e.round_id <> ? AND e.status <> 'CANCELLED' "
                + "AND r.status <> 'REJECTED' AND r.period_start BETWEEN ? AND ? AND h.current_settlement_id = ?",
                Long.class, packageTypeId, exceptRound, from, to, settlementId));
    }

    /** "household/type" of every entitlement the round already has. */
    java.util.Set<String> entitlementKeys(long roundId) {
        return new java.util.HashSet<>(jdbc.query("SELECT household_id, package_type_id FROM aid_entitlement "
                + "WHERE round_id = ? AND part = 0", (rs, n) -> rs.getLong(1) + "/" + rs.getLong(2), roundId));
    }

    /** Adds entitlements in batches, each guarded as {@link #addEntitlement} is; returns how many were added. */
    int addEntitlements(long roundId, List<Object[]> householdNumberTypeQuantity) {
        int added = 0;
        String sql = "INSERT INTO aid_entitlement (round_id, household_id, registration_number, package_type_id, "
                + "quantity, delivered_quantity, status) SELECT ?, ?, ?, ?, ?, 0, 'DUE' FROM (VALUES (1)) AS one (x) "
                + "WHERE NOT EXISTS (SELECT 1 FROM aid_entitlement WHERE round_id = ? AND household_id = ? "
                + "AND package_type_id = ? AND part = 0)";
        for (int from = 0; from < householdNumberTypeQuantity.size(); from += 1000) {
            List<Object[]> batch = householdNumberTypeQuantity.subList(from,
                    Math.min(from + 1000, householdNumberTypeQuantity.size())).stream()
                    .map(r -> new Object[] {roundId, r[0], r[1], r[2], r[3], roundId, r[0], r[2]}).toList();
            for (int count : jdbc.batchUpdate(sql, batch)) {
                added += count == Statement.SUCCESS_NO_INFO ? 1 : count;
            }
        }
        return added;
    }

    // ---- exceptions -------------------------------------------------------------------------------------------

    private static final String EXCEPTION_SELECT = "SELECT x.*, p.code FROM aid_exception x "
            + "JOIN aid_package_type p ON p.id = x.package_type_id ";

    private static final RowMapper<ExceptionRow> EXCEPTION = (rs, n) -> new ExceptionRow(rs.getLong("id"),
            rs.getInt("version"), rs.getLong("household_id"), rs.getString("registration_number"),
            rs.getLong("package_type_id"), rs.getString("code"), rs.getInt("quantity"), rs.getString("reason"),
            rs.getLong("warehouse_id"), rs.getLong("point_settlement_id"),
            ExceptionStatus.valueOf(rs.getString("status")), rs.getString("agency_code"),
            rs.getString("requested_by"), instant(rs, "requested_at"), rs.getString("decided_by"),
            instant(rs, "decided_at"), rs.getString("rejection_reason"));

    long insertException(ExceptionForm form, String registrationNumber, long pointId, String agencyCode, String by,
                         Instant at, LocalDate on) {
        return insert("INSERT INTO aid_exception (household_id, registration_number, package_type_id, quantity, "
                        + "reason, warehouse_id, point_settlement_id, status, agency_code, requested_by, requested_at, "
                        + "requested_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", form.householdId(),
                registrationNumber, form.packageTypeId(), form.quantity(), form.reason().strip(), form.warehouseId(),
                pointId, ExceptionStatus.SUBMITTED.name(), agencyCode, by, utc(at), on);
    }

    void addExceptionEntitlement(long exceptionId, long householdId, String registrationNumber, long packageTypeId,
                                 int quantity) {
        jdbc.update("INSERT INTO aid_entitlement (exception_id, household_id, registration_number, package_type_id, "
                + "quantity, delivered_quantity, status) VALUES (?, ?, ?, ?, ?, 0, 'DUE')", exceptionId, householdId,
                registrationNumber, packageTypeId, quantity);
    }

    Optional<ExceptionRow> exception(long id) {
        return jdbc.query(EXCEPTION_SELECT + "WHERE x.id = ?", EXCEPTION, id).stream().findFirst();
    }

    List<ExceptionRow> exceptionsOfHousehold(long householdId) {
        return jdbc.query(EXCEPTION_SELECT + "WHERE x.household_id = ? ORDER BY x.id DESC", EXCEPTION, householdId);
    }

    boolean exceptionPending(long householdId, long packageTypeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM aid_exception WHERE household_id = ? "
                + "AND package_type_id = ? AND status = 'SUBMITTED'", Boolean.class, householdId, packageTypeId));
    }

    boolean decideException(long id, ExceptionStatus to, Instant at, String by, String reason) {
        return jdbc.update("UPDATE aid_exception SET status = ?, decided_at = ?, decided_by = ?, rejection_reason = ?, "
                + "version = version + 1 WHERE id = ? AND status = 'SUBMITTED'", to.name(), utc(at), by, reason,
                id) == 1;
    }

    void cancelDueEntitlementsOfException(long exceptionId) {
        jdbc.update("UPDATE aid_entitlement SET status = 'CANCELLED', version = version + 1 WHERE exception_id = ? "
                + "AND status = 'DUE'", exceptionId);
    }

    // ---- follow-ups -------------------------------------------------------------------------------------------

    /** Gives the rest of a partial delivery its own entitlement, the next part of the same basis. */
    void addFollowUp(EntitlementRow parent, int rest) {
        int part = jdbc.queryForObject("SELECT COALESCE(MAX(part), 0) + 1 FROM aid_entitlement WHERE household_id = ? "
                + "AND package_type_id = ? AND (round_id = ? OR exception_id = ?)", Integer.class,
                parent.householdId(), parent.packageTypeId(), parent.roundId(), parent.exceptionId());
        jdbc.update("INSERT INTO aid_entitlement (round_id, exception_id, household_id, registration_number, "
                        + "package_type_id, quantity, delivered_quantity, status, parent_id, live_parent_id, part) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 0, 'DUE', ?, ?, ?)", parent.roundId(), parent.exceptionId(),
                parent.householdId(), parent.registrationNumber(), parent.packageTypeId(), rest, parent.id(),
                parent.id(), part);
    }

    Optional<EntitlementRow> liveFollowUp(long parentId) {
        return jdbc.query(ENTITLEMENT_SELECT + "WHERE e.live_parent_id = ?", ENTITLEMENT, parentId).stream()
                .findFirst();
    }

    /** Cancels a follow-up nothing was handed over against; false when something was. */
    boolean cancelFollowUp(long id) {
        return jdbc.update("UPDATE aid_entitlement SET status = 'CANCELLED', live_parent_id = NULL, "
                + "version = version + 1 WHERE id = ? AND status = 'DUE'", id) == 1;
    }

    // ---- possible duplicates at a handover --------------------------------------------------------------------

    List<DuplicateDelivery> liveDeliveriesInRound(long roundId, long packageTypeId, java.util.Map<Long, String> households) {
        if (households.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(households.size(), "?"));
        List<Object> args = new java.util.ArrayList<>(List.of(roundId, packageTypeId));
        args.addAll(households.keySet());
        return jdbc.query("SELECT e.household_id, e.registration_number, d.receipt_number, d.delivered_at "
                + "FROM aid_delivery d JOIN aid_entitlement e ON e.id = d.entitlement_id WHERE e.round_id = ? "
                + "AND e.package_type_id = ? AND d.voided_at IS NULL AND e.household_id IN (" + in + ") ORDER BY d.id",
                (rs, n) -> new DuplicateDelivery(rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs, "delivered_at"), households.get(rs.getLong(1))), args.toArray());
    }

    // ---- transfers --------------------------------------------------------------------------------------------

    private static final RowMapper<TransferRow> TRANSFER = (rs, n) -> new TransferRow(rs.getLong("id"),
            rs.getInt("version"), rs.getLong("from_warehouse_id"), rs.getLong("to_warehouse_id"),
            rs.getLong("package_type_id"), rs.getString("code"), rs.getInt("quantity_sent"),
            rs.getObject("quantity_received", Integer.class), rs.getString("waybill"), rs.getString("note"),
            TransferStatus.valueOf(rs.getString("status")), instant(rs, "sent_at"), rs.getString("sent_by"),
            instant(rs, "received_at"), rs.getString("received_by"));
    private static final String TRANSFER_SELECT = "SELECT t.*, p.code FROM aid_transfer t "
            + "JOIN aid_package_type p ON p.id = t.package_type_id ";

    long insertTransfer(TransferForm form, Instant at, String by) {
        return insert("INSERT INTO aid_transfer (from_warehouse_id, to_warehouse_id, package_type_id, quantity_sent, "
                        + "waybill, note, status, sent_at, sent_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                form.fromWarehouseId(), form.toWarehouseId(), form.packageTypeId(), form.quantity(),
                form.waybill().strip(), form.note() == null || form.note().isBlank() ? null : form.note().strip(),
                TransferStatus.IN_TRANSIT.name(), utc(at), by);
    }

    Optional<TransferRow> transfer(long id) {
        return jdbc.query(TRANSFER_SELECT + "WHERE t.id = ?", TRANSFER, id).stream().findFirst();
    }

    /** The transfers from or to a warehouse: those on their way first, then the newest. */
    List<TransferRow> transfersOf(long warehouseId, int limit) {
        return jdbc.query(TRANSFER_SELECT + "WHERE t.from_warehouse_id = ? OR t.to_warehouse_id = ? "
                + "ORDER BY CASE WHEN t.status = 'IN_TRANSIT' THEN 0 ELSE 1 END, t.id DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", TRANSFER, warehouseId, warehouseId);
    }

    /** What is on its way to or from a warehouse, per package type. */
    java.util.Map<Long, Integer> inTransitTo(long warehouseId) {
        java.util.Map<Long, Integer> result = new java.util.HashMap<>();
        jdbc.query("SELECT package_type_id, SUM(quantity_sent) FROM aid_transfer WHERE to_warehouse_id = ? "
                + "AND status = 'IN_TRANSIT' GROUP BY package_type_id", rs -> {
                    result.put(rs.getLong(1), rs.getInt(2));
                }, warehouseId);
        return result;
    }

    boolean markTransferReceived(long id, int expectedVersion, int received, Instant at, String by) {
        return jdbc.update("UPDATE aid_transfer SET status = 'RECEIVED', quantity_received = ?, received_at = ?, "
                + "received_by = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'IN_TRANSIT'",
                received, utc(at), by, id, expectedVersion) == 1;
    }

    // ---- reconciliation ---------------------------------------------------------------------------------------

    List<ReconciliationRow> reconciliation(RoundRow round) {
        java.util.Map<Long, Integer> entitled = sums("SELECT package_type_id, SUM(quantity) FROM aid_entitlement "
                + "WHERE round_id = ? AND parent_id IS NULL AND status <> 'CANCELLED' GROUP BY package_type_id",
                round.id());
        java.util.Map<Long, Integer> due = sums("SELECT package_type_id, SUM(quantity) FROM aid_entitlement "
                + "WHERE round_id = ? AND status = 'DUE' GROUP BY package_type_id", round.id());
        java.util.Map<Long, Integer> delivered = sums("SELECT e.package_type_id, SUM(d.quantity) FROM aid_delivery d "
                + "JOIN aid_entitlement e ON e.id = d.entitlement_id WHERE e.round_id = ? AND d.voided_at IS NULL "
                + "GROUP BY e.package_type_id", round.id());
        java.util.Map<Long, Integer> voided = sums("SELECT e.package_type_id, SUM(d.quantity) FROM aid_delivery d "
                + "JOIN aid_entitlement e ON e.id = d.entitlement_id WHERE e.round_id = ? AND d.voided_at IS NOT NULL "
                + "GROUP BY e.package_type_id", round.id());
        java.util.Map<Long, Integer> issued = sums("SELECT e.package_type_id, -SUM(m.quantity) FROM aid_stock_movement m "
                + "JOIN aid_delivery d ON d.id = m.delivery_id JOIN aid_entitlement e ON e.id = d.entitlement_id "
                + "WHERE e.round_id = ? AND m.kind IN ('DELIVERY', 'VOID') GROUP BY e.package_type_id", round.id());
        java.util.Map<Long, StockLevel> stock = new java.util.HashMap<>();
        stock(round.warehouseId()).forEach(l -> stock.put(l.packageTypeId(), l));
        return round.packageTypeIds().stream().map(type -> new ReconciliationRow(type, stock.get(type).packageCode(),
                entitled.getOrDefault(type, 0), delivered.getOrDefault(type, 0), voided.getOrDefault(type, 0),
                due.getOrDefault(type, 0), issued.getOrDefault(type, 0), stock.get(type).quantity())).toList();
    }

    private java.util.Map<Long, Integer> sums(String sql, Object... args) {
        java.util.Map<Long, Integer> result = new java.util.HashMap<>();
        jdbc.query(sql, rs -> {
            result.put(rs.getLong(1), rs.getInt(2));
        }, args);
        return result;
    }

    // ---- printing ---------------------------------------------------------------------------------------------

    private static final String RECORD_SELECT = "SELECT d.id, d.version, d.entitlement_id, d.quantity, "
            + "d.recipient_name, d.proxy_document, d.identity_checked, d.delivered_at, d.point_settlement_id, d.officer, "
            + "d.receipt_number, d.voided_at, d.voided_by, d.void_reason, e.household_id, e.registration_number, "
            + "e.package_type_id, p.code, d.warehouse_id, e.round_id, e.exception_id FROM aid_delivery d "
            + "JOIN aid_entitlement e ON e.id = d.entitlement_id JOIN aid_package_type p ON p.id = e.package_type_id ";
    private static final RowMapper<DeliveryRecord> RECORD = (rs, n) -> new DeliveryRecord(DELIVERY_ROW.mapRow(rs, n),
            rs.getLong(15), rs.getString(16), rs.getLong(17), rs.getString(18), rs.getLong(19),
            rs.getObject(20, Long.class), rs.getObject(21, Long.class));

    Optional<DeliveryRecord> deliveryRecord(String receiptNumber) {
        return jdbc.query(RECORD_SELECT + "WHERE d.receipt_number = ?", RECORD, receiptNumber).stream().findFirst();
    }

    List<DeliveryRecord> deliveriesAt(long pointId, Instant from, Instant to) {
        return jdbc.query(RECORD_SELECT + "WHERE d.point_settlement_id = ? AND d.delivered_at >= ? "
                + "AND d.delivered_at < ? ORDER BY d.delivered_at, d.id", RECORD, pointId, utc(from), utc(to));
    }

    // ---- exports: a row at a time, in a read-only transaction of the caller (decision 020) ----------------------

    void forEachEntitlement(Long roundId, Consumer<EntitlementRow> sink) {
        String sql = ENTITLEMENT_SELECT + (roundId == null ? "" : "WHERE e.round_id = ? ") + "ORDER BY e.id";
        stream(sql, ENTITLEMENT, sink, roundId == null ? new Object[0] : new Object[] {roundId});
    }

    void forEachDelivery(Long roundId, Consumer<DeliveryRecord> sink) {
        String sql = RECORD_SELECT + (roundId == null ? "" : "WHERE e.round_id = ? ") + "ORDER BY d.delivered_at, d.id";
        stream(sql, RECORD, sink, roundId == null ? new Object[0] : new Object[] {roundId});
    }

    /** The ledger as the stock screen lists it: newest first. */
    void forEachMovement(long warehouseId, Long packageTypeId, Consumer<MovementRow> sink) {
        String sql = "SELECT * FROM aid_stock_movement WHERE warehouse_id = ? "
                + (packageTypeId == null ? "" : "AND package_type_id = ? ") + "ORDER BY id DESC";
        stream(sql, MOVEMENT, sink, packageTypeId == null ? new Object[] {warehouseId}
                : new Object[] {warehouseId, packageTypeId});
    }

    private <R> void stream(String sql, RowMapper<R> mapper, Consumer<R> sink, Object... args) {
        RowCallbackHandler each = rs -> sink.accept(mapper.mapRow(rs, 0));
        streaming.query(sql, each, args);
    }

    // ---- catalogue editing ------------------------------------------------------------------------------------

    Optional<PackageTypeRow> packageTypeByCode(String code) {
        return jdbc.query("SELECT * FROM aid_package_type WHERE code = ?", PACKAGE_TYPE, code).stream().findFirst();
    }

    long insertPackageType(PackageTypeForm f) {
        return insert("INSERT INTO aid_package_type (code, name_en, name_ru, name_hy, name_az, contents, unit, basis, "
                        + "quantity, cap, frequency, condition_code, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                f.code().strip(), f.nameEn().strip(), f.nameRu().strip(), f.nameHy().strip(), f.nameAz().strip(),
                f.contents().strip(), f.unit(), f.basis().name(), f.quantity(), f.cap(), f.frequency().name(),
                f.condition().name(), f.active());
    }

    boolean updatePackageType(long id, int expectedVersion, PackageTypeForm f) {
        return jdbc.update("UPDATE aid_package_type SET name_en = ?, name_ru = ?, name_hy = ?, name_az = ?, "
                        + "contents = ?, unit = ?, basis = ?, quantity = ?, cap = ?, frequency = ?, condition_code = ?, "
                        + "active = ?, version = version + 1 WHERE id = ? AND version = ?", f.nameEn().strip(),
                f.nameRu().strip(), f.nameHy().strip(), f.nameAz().strip(), f.contents().strip(), f.unit(),
                f.basis().name(), f.quantity(), f.cap(), f.frequency().name(), f.condition().name(), f.active(), id,
                expectedVersion) == 1;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, keys);
        // PostgreSQL returns every column of the new row, H2 only the identity; both name it id in some case
        return keys.getKeyList().getFirst().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("id"))
                .map(e -> ((Number) e.getValue()).longValue()).findFirst().orElseThrow();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
