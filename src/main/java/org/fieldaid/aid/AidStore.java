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
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private static final String ENTITLEMENT_SELECT = "SELECT e.id, e.round_id, r.status AS round_status, "
            + "r.period_start, r.period_end, e.household_id, e.registration_number, e.package_type_id, p.code, "
            + "e.quantity, e.delivered_quantity, e.status FROM aid_entitlement e "
            + "JOIN aid_round r ON r.id = e.round_id JOIN aid_package_type p ON p.id = e.package_type_id ";
    private static final String DELIVERY_SELECT = "SELECT id, version, entitlement_id, quantity, recipient_name, "
            + "proxy_document, identity_checked, delivered_at, point_settlement_id, officer, receipt_number, "
            + "voided_at, voided_by, void_reason FROM aid_delivery ";

    private final JdbcTemplate jdbc;
    private final String nextReceiptSql;

    AidStore(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
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
        return jdbc.query("SELECT id, code, name, agency_code, settlement_id FROM aid_warehouse ORDER BY code",
                (rs, n) -> new WarehouseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)));
    }

    Optional<WarehouseRow> warehouse(long id) {
        return warehouses().stream().filter(w -> w.id() == id).findFirst();
    }

    long insertWarehouse(String code, String name, String agencyCode, long settlementId) {
        return insert("INSERT INTO aid_warehouse (code, name, agency_code, settlement_id) VALUES (?, ?, ?, ?)",
                code, name, agencyCode, settlementId);
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
        return insert("INSERT INTO aid_stock_movement (warehouse_id, package_type_id, kind, quantity, source, "
                        + "waybill, reason_code, note, delivery_id, recorded_at, recorded_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", warehouseId, packageTypeId, kind.name(), quantity,
                source, waybill, reason == null ? null : reason.name(), note, deliveryId, utc(at), by);
    }

    List<MovementRow> ledger(long warehouseId, long packageTypeId, int limit) {
        return jdbc.query("SELECT * FROM aid_stock_movement WHERE warehouse_id = ? AND package_type_id = ? "
                + "ORDER BY id DESC", (rs, n) -> new MovementRow(rs.getLong("id"), rs.getLong("warehouse_id"),
                rs.getLong("package_type_id"), MovementKind.valueOf(rs.getString("kind")), rs.getInt("quantity"),
                rs.getString("source"), rs.getString("waybill"),
                rs.getString("reason_code") == null ? null : CorrectionReason.valueOf(rs.getString("reason_code")),
                rs.getString("note"), (Long) rs.getObject("delivery_id", Long.class), instant(rs, "recorded_at"),
                rs.getString("recorded_by")), warehouseId, packageTypeId).stream().limit(limit).toList();
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

    /** Whether the household holds this type in another round whose period starts in the given season. */
    boolean entitledInSeason(long householdId, long packageTypeId, long exceptRound, LocalDate from, LocalDate to) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM aid_entitlement e "
                + "JOIN aid_round r ON r.id = e.round_id WHERE e.household_id = ? AND e.package_type_id = ? "
                + "AND e.round_id <> ? AND e.status <> 'CANCELLED' AND r.status <> 'REJECTED' "
                + "AND r.period_start BETWEEN ? AND ?", Boolean.class, householdId, packageTypeId, exceptRound, from, to));
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

    List<RoundNeed> needs(long roundId, long warehouseId) {
        return jdbc.query("SELECT p.id, p.code, COALESCE(SUM(e.quantity), 0), COALESCE(SUM(e.delivered_quantity), 0), "
                        + "COALESCE(MAX(b.quantity), 0) FROM aid_round_package rp "
                        + "JOIN aid_package_type p ON p.id = rp.package_type_id "
                        + "LEFT JOIN aid_entitlement e ON e.round_id = rp.round_id AND e.package_type_id = p.id "
                        + "AND e.status <> 'CANCELLED' "
                        + "LEFT JOIN aid_stock_balance b ON b.package_type_id = p.id AND b.warehouse_id = ? "
                        + "WHERE rp.round_id = ? GROUP BY p.id, p.code ORDER BY p.id",
                (rs, n) -> new RoundNeed(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(3) - rs.getInt(4), rs.getInt(5)), warehouseId, roundId);
    }

    // ---- entitlements and deliveries --------------------------------------------------------------------------

    private static final RowMapper<EntitlementRow> ENTITLEMENT = (rs, n) -> new EntitlementRow(rs.getLong(1),
            rs.getLong(2), RoundStatus.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
            rs.getObject(5, LocalDate.class), rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getString(9),
            rs.getInt(10), rs.getInt(11), EntitlementStatus.valueOf(rs.getString(12)));

    Optional<EntitlementRow> entitlement(long id) {
        return jdbc.query(ENTITLEMENT_SELECT + "WHERE e.id = ?", ENTITLEMENT, id).stream().findFirst();
    }

    List<EntitlementRow> entitlementsOfHousehold(long householdId) {
        return jdbc.query(ENTITLEMENT_SELECT + "WHERE e.household_id = ? ORDER BY r.period_start DESC, e.id",
                ENTITLEMENT, householdId);
    }

    List<EntitlementRow> entitlementsOfRound(long roundId, int limit) {
        return jdbc.query(ENTITLEMENT_SELECT + "WHERE e.round_id = ? ORDER BY e.id", ENTITLEMENT, roundId).stream()
                .limit(limit).toList();
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

    private static final RowMapper<DeliveryRow> DELIVERY = (rs, n) -> new DeliveryRow(rs.getLong(1), rs.getInt(2),
            rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), instant(rs, "delivered_at"),
            rs.getLong(9), rs.getString(10), rs.getString(11), instant(rs, "voided_at"), rs.getString(13),
            rs.getString(14));

    Optional<DeliveryRow> delivery(long id) {
        return jdbc.query(DELIVERY_SELECT + "WHERE id = ?", DELIVERY, id).stream().findFirst();
    }

    Optional<DeliveryRow> deliveryByKey(String key) {
        return jdbc.query(DELIVERY_SELECT + "WHERE idempotency_key = ?", DELIVERY, key).stream().findFirst();
    }

    List<DeliveryRow> deliveriesOfHousehold(long householdId) {
        return jdbc.query(DELIVERY_SELECT + "WHERE entitlement_id IN (SELECT id FROM aid_entitlement "
                + "WHERE household_id = ?) ORDER BY id DESC", DELIVERY, householdId);
    }

    long warehouseOfDelivery(long deliveryId) {
        return jdbc.queryForObject("SELECT warehouse_id FROM aid_delivery WHERE id = ?", Long.class, deliveryId);
    }

    boolean markVoided(long deliveryId, int expectedVersion, Instant at, String by, String reason) {
        return jdbc.update("UPDATE aid_delivery SET voided_at = ?, voided_by = ?, void_reason = ?, "
                        + "live_entitlement_id = NULL, version = version + 1 WHERE id = ? AND version = ? "
                        + "AND voided_at IS NULL", utc(at), by, reason, deliveryId, expectedVersion) == 1;
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
