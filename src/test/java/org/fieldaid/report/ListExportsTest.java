package org.fieldaid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.AidExports;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.aid.ReceiptForm;
import org.fieldaid.aid.WarehouseRow;
import org.fieldaid.approval.ApprovalExports;
import org.fieldaid.approval.InboxFilter;
import org.fieldaid.audit.AuditEntry;
import org.fieldaid.audit.AuditExports;
import org.fieldaid.audit.AuditFilter;
import org.fieldaid.audit.AuditLog;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.ui.AuditActions;
import org.fieldaid.journey.JourneyExports;
import org.fieldaid.journey.JourneyFilter;
import org.fieldaid.security.Authority;
import org.fieldaid.security.Capability;
import org.fieldaid.security.PermissionMatrix;
import org.fieldaid.security.Role;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exports of the aid, journey, approval and audit lists (decision 021): each read back with opencsv and compared
 * with the database's rows, the columns and refusals of every demo user as the matrix says, and their audit.
 */
@IntegrationTest
class ListExportsTest {

    /** Hostile text: three scripts, quotes, commas, a newline, and a formula. */
    private static final String HOSTILE = "Գյումրի \"Ա\", Şəkər\nУл. Ленина, 3";

    @Autowired Exports exports;
    @Autowired AidExports aidExports;
    @Autowired JourneyExports journeyExports;
    @Autowired ApprovalExports approvalExports;
    @Autowired AuditExports auditExports;
    @Autowired Aid aid;
    @Autowired AuditLog auditLog;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired org.fieldaid.base.ui.Translations translations;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private static List<String[]> read(byte[] file) throws Exception {
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(new String(file, StandardCharsets.UTF_8)))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            return reader.readAll();
        }
    }

    private static List<String> column(List<String[]> rows, String name) {
        int index = List.of(rows.getFirst()).indexOf(name);
        assertThat(index).as("column " + name).isNotNegative();
        return rows.stream().skip(1).map(r -> r[index]).toList();
    }

    private List<String[]> export(ExportSource<?> source) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(source, ExportOptions.plain(), out, () -> false, rows -> { });
        return read(out.toByteArray());
    }

    @Test
    void theStockLedgerIsTheDatabasesLedgerNewestFirstWithFreeTextIntact() throws Exception {
        signIn.as("mchs.supervisor");
        WarehouseRow warehouse = aid.warehouses().getFirst();
        PackageTypeRow type = aid.packageTypes().getFirst();
        aid.receive(new ReceiptForm(warehouse.id(), type.id(), 7, HOSTILE, "=WB-1,\"2\""));
        signIn.as("mchs.analyst");
        List<String[]> rows = export(aidExports.ledger(warehouse.id(), null));

        List<Map<String, Object>> db = jdbc.queryForList("SELECT id, quantity, source, waybill, recorded_by "
                + "FROM aid_stock_movement WHERE warehouse_id = ? ORDER BY id DESC", warehouse.id());
        assertThat(rows).hasSize(1 + db.size());
        assertThat(column(rows, "movement_id")).containsExactlyElementsOf(db.stream()
                .map(r -> r.get("id").toString()).toList());
        assertThat(column(rows, "quantity_change")).containsExactlyElementsOf(db.stream()
                .map(r -> r.get("quantity").toString()).toList());
        assertThat(column(rows, "recorded_by")).containsExactlyElementsOf(db.stream()
                .map(r -> (String) r.get("recorded_by")).toList());
        // the newest is this receipt: its source kept whole, its waybill neutralised as a formula
        assertThat(column(rows, "source").getFirst()).isEqualTo(HOSTILE);
        assertThat(column(rows, "waybill").getFirst()).isEqualTo("'=WB-1,\"2\"");
        assertThat(column(rows, "kind").getFirst()).isEqualTo("RECEIPT");
        assertThat(column(rows, "package_name").getFirst()).isEqualTo(type.nameEn());
    }

    @Test
    void entitlementsAndDeliveriesOfARoundAreItsRowsInTheDatabase() throws Exception {
        signIn.as("mchs.analyst");
        long round = jdbc.queryForObject("SELECT MIN(round_id) FROM aid_entitlement e "
                + "WHERE EXISTS (SELECT 1 FROM aid_delivery d WHERE d.entitlement_id = e.id)", Long.class);
        long delivery = jdbc.queryForObject("SELECT MIN(d.id) FROM aid_delivery d JOIN aid_entitlement e "
                + "ON e.id = d.entitlement_id WHERE e.round_id = ?", Long.class, round);
        String before = jdbc.queryForObject("SELECT recipient_name FROM aid_delivery WHERE id = ?", String.class,
                delivery);
        jdbc.update("UPDATE aid_delivery SET recipient_name = ? WHERE id = ?", HOSTILE, delivery);
        try {
            List<String[]> entitlements = export(aidExports.entitlements(round));
            List<Map<String, Object>> db = jdbc.queryForList("SELECT id, registration_number, quantity, status "
                    + "FROM aid_entitlement WHERE round_id = ? ORDER BY id", round);
            assertThat(column(entitlements, "entitlement_id")).containsExactlyElementsOf(
                    db.stream().map(r -> r.get("id").toString()).toList());
            assertThat(column(entitlements, "registration_number")).containsExactlyElementsOf(
                    db.stream().map(r -> (String) r.get("registration_number")).toList());
            assertThat(column(entitlements, "quantity")).containsExactlyElementsOf(
                    db.stream().map(r -> r.get("quantity").toString()).toList());
            assertThat(column(entitlements, "status")).containsExactlyElementsOf(
                    db.stream().map(r -> (String) r.get("status")).toList());

            List<String[]> deliveries = export(aidExports.deliveries(round));
            List<Map<String, Object>> given = jdbc.queryForList("SELECT d.receipt_number, d.recipient_name, "
                    + "d.quantity FROM aid_delivery d JOIN aid_entitlement e ON e.id = d.entitlement_id "
                    + "WHERE e.round_id = ? ORDER BY d.delivered_at, d.id", round);
            assertThat(given).isNotEmpty();
            assertThat(column(deliveries, "receipt_number")).containsExactlyElementsOf(
                    given.stream().map(r -> (String) r.get("receipt_number")).toList());
            assertThat(column(deliveries, "recipient_name")).containsExactlyElementsOf(
                    given.stream().map(r -> (String) r.get("recipient_name")).toList()).contains(HOSTILE);
            assertThat(column(deliveries, "quantity")).containsExactlyElementsOf(
                    given.stream().map(r -> r.get("quantity").toString()).toList());
        } finally {
            jdbc.update("UPDATE aid_delivery SET recipient_name = ? WHERE id = ?", before, delivery);
        }
    }

    @Test
    void journeysAndCrossingsAreTheBoardsRowsWithFreeTextIntact() throws Exception {
        signIn.as("mod.analyst");
        long journey = jdbc.queryForObject("SELECT MAX(journey_id) FROM journey_crossing", Long.class);
        String note = jdbc.queryForObject("SELECT note FROM journey_crossing WHERE journey_id = ?", String.class,
                journey);
        jdbc.update("UPDATE journey_crossing SET note = ? WHERE journey_id = ?", HOSTILE, journey);
        try {
            List<String[]> journeys = export(journeyExports.journeys(JourneyFilter.none()));
            List<Map<String, Object>> db = jdbc.queryForList("SELECT id, registration_number, head_name, status, "
                    + "travellers FROM journey ORDER BY id DESC");
            assertThat(column(journeys, "journey_id")).containsExactlyElementsOf(
                    db.stream().map(r -> r.get("id").toString()).toList());
            assertThat(column(journeys, "head_name")).containsExactlyElementsOf(
                    db.stream().map(r -> (String) r.get("head_name")).toList());
            assertThat(column(journeys, "status")).containsExactlyElementsOf(
                    db.stream().map(r -> (String) r.get("status")).toList());
            assertThat(column(journeys, "travellers")).containsExactlyElementsOf(
                    db.stream().map(r -> r.get("travellers").toString()).toList());

            List<String[]> crossings = export(journeyExports.crossings(JourneyFilter.none()));
            List<Map<String, Object>> crossed = jdbc.queryForList("SELECT c.journey_id, c.officer, "
                    + "(SELECT COUNT(*) FROM journey_discrepancy d WHERE d.crossing_id = c.id) AS discrepancies "
                    + "FROM journey_crossing c ORDER BY c.journey_id DESC, c.id");
            assertThat(crossed).isNotEmpty();
            assertThat(column(crossings, "journey_id")).containsExactlyElementsOf(
                    crossed.stream().map(r -> r.get("journey_id").toString()).toList());
            assertThat(column(crossings, "officer")).containsExactlyElementsOf(
                    crossed.stream().map(r -> (String) r.get("officer")).toList());
            assertThat(column(crossings, "discrepancies")).containsExactlyElementsOf(
                    crossed.stream().map(r -> r.get("discrepancies").toString()).toList());
            assertThat(column(crossings, "note").getFirst()).isEqualTo(HOSTILE);
        } finally {
            jdbc.update("UPDATE journey_crossing SET note = ? WHERE journey_id = ?", note, journey);
        }
    }

    @Test
    void theAuditLogExportIsItsRowsWithSummariesIntactAndNoValuesForAnAdministrator() throws Exception {
        String actor = "export.test." + System.nanoTime();
        transactions.executeWithoutResult(s -> {
            events.publishEvent(AuditRecord.of("USER_UPDATED", "USER", "u1", HOSTILE, "a=1", "a=2").by(actor, "MCHS"));
            events.publishEvent(AuditRecord.of("LOGIN", "USER", "u1", "-signed in", null, null).by(actor, "MCHS"));
        });
        signIn.as("admin");
        AuditFilter filter = new AuditFilter(actor, null, null, null, null, null);
        List<String[]> rows = export(auditExports.log(filter, Sort.by(Sort.Direction.DESC, "occurredAt"), Locale.ENGLISH));
        List<AuditEntry> shown = auditLog.find(filter, PageRequest.of(0, 10, Sort.by(Sort.Direction.DESC,
                "occurredAt").and(Sort.by(Sort.Direction.DESC, "id")))).getContent();
        assertThat(shown).hasSize(2);
        assertThat(column(rows, "event_id")).containsExactlyElementsOf(shown.stream()
                .map(e -> Long.toString(e.id())).toList());
        assertThat(column(rows, "action")).containsExactly("LOGIN", "USER_UPDATED");
        assertThat(column(rows, "summary")).containsExactly("'-signed in", HOSTILE);
        assertThat(column(rows, "agency_name")).containsOnly("Ministry of Emergency Situations");
        assertThat(column(rows, "actor")).containsOnly(actor);
        // before and after may hold health details: an administrator has no PII:SENSITIVE
        assertThat(List.of(rows.getFirst())).doesNotContain("before", "after");
    }

    @Test
    void everyListExportIsAuditedWithItsListAndRows() throws Exception {
        signIn.as("mod.analyst");
        JourneyFilter filter = new JourneyFilter(null, null, null, null, true, false);
        List<String[]> rows = export(journeyExports.journeys(filter));
        signIn.as("admin");
        AuditEntry last = auditLog.find(new AuditFilter("mod.analyst", "EXPORT", null, "journeys", null, null),
                PageRequest.of(0, 1, Sort.by(Sort.Direction.DESC, "id"))).getContent().getFirst();
        assertThat(last.entityType()).isEqualTo("EXPORT");
        assertThat(last.after()).contains("flaggedOnly=true", "rows: " + (rows.size() - 1), "head_name");
        // the summary reads in the reader's language (decision 022); the English text stays as recorded
        assertThat(last.summary()).isEqualTo("Exported journeys: " + (rows.size() - 1) + " rows");
        assertThat(last.summaryKey()).isEqualTo("export");
        // the list is recorded as a term, and reads by the list's name
        assertThat(AuditActions.summary(translations, Locale.of("ru"), last.summaryKey(), last.arguments(),
                last.summary())).isEqualTo("Выгружено (Поездки, по строке на каждую): строк: " + (rows.size() - 1));
    }

    @Test
    void theAuditLogExportAlsoWritesEverySummaryInTheReadersLanguage() throws Exception {
        String actor = "export.test.ru." + System.nanoTime();
        transactions.executeWithoutResult(s -> {
            events.publishEvent(AuditRecord.of("REFERRAL_DECLINED", "REFERRAL", 7, "Declined by HEALTH: no beds", null,
                    null).by(actor, "HEALTH").saying("referral-declined", AuditRecord.term("agency.", "HEALTH"),
                    "no beds"));
            events.publishEvent(AuditRecord.of("SETTLEMENT_UPDATED", "SETTLEMENT", "S1", "Settlement changed", null,
                    null).by(actor, "MCHS"));
        });
        signIn.as("admin");
        List<String[]> rows = export(auditExports.log(new AuditFilter(actor, null, null, null, null, null),
                Sort.by(Sort.Direction.DESC, "occurredAt"), Locale.of("ru")));
        assertThat(column(rows, "summary")).containsExactlyInAnyOrder("Declined by HEALTH: no beds",
                "Settlement changed");
        // a row recorded without a key reads in English in both columns
        assertThat(column(rows, "summary_ru")).containsExactlyInAnyOrder(
                "Отклонено ведомством «Министерство здравоохранения». Причина: no beds", "Settlement changed");
    }

    /** A source of each list, built as its screen builds it; null when the caller may not even build it. */
    private Map<String, Supplier<ExportSource<?>>> sources() {
        return Map.of(
                "entitlements", () -> aidExports.entitlements(null),
                "deliveries", () -> aidExports.deliveries(null),
                "stock-ledger", () -> aidExports.ledger(jdbc.queryForObject("SELECT MIN(id) FROM aid_warehouse",
                        Long.class), null),
                "journeys", () -> journeyExports.journeys(JourneyFilter.none()),
                "crossings", () -> journeyExports.crossings(JourneyFilter.none()),
                "approvals", () -> approvalExports.inbox(new InboxFilter(null, null), Sort.unsorted()),
                "audit-log", () -> auditExports.log(new AuditFilter("nobody-at-all", null, null, null, null, null),
                        Sort.unsorted(), Locale.ENGLISH));
    }

    /** Who may export each list, from the matrix: the reading authority, and the export rule of decision 021. */
    private static boolean mayExport(String list, Set<Authority> granted) {
        boolean exporter = granted.contains(Authority.EXPORT_PERSONAL) || granted.contains(Authority.EXPORT_AGGREGATE);
        return switch (list) {
            case "entitlements", "deliveries", "stock-ledger" -> exporter && granted.contains(Authority.AID_READ);
            case "journeys", "crossings" -> exporter && granted.contains(Authority.JOURNEY_READ);
            case "approvals" -> granted.contains(Authority.HOUSEHOLD_APPROVE) || granted.contains(Authority.AID_APPROVE)
                    || granted.contains(Authority.JOURNEY_APPROVE);
            case "audit-log" -> granted.contains(Authority.AUDIT_READ);
            default -> throw new IllegalArgumentException(list);
        };
    }

    private static Set<ColumnAccess> columnsFor(String list, Set<Authority> granted) {
        Set<ColumnAccess> expected = EnumSet.of(ColumnAccess.AGGREGATE);
        boolean personal = list.equals("audit-log") ? granted.contains(Authority.AUDIT_READ)
                : granted.contains(Authority.EXPORT_PERSONAL);
        if (personal) {
            expected.add(ColumnAccess.PERSONAL);
            if (granted.contains(Authority.PII_SENSITIVE)) {
                expected.add(ColumnAccess.SENSITIVE);
            }
        }
        return expected;
    }

    @TestFactory
    List<DynamicContainer> everyDemoUserExportsEachListExactlyAsTheMatrixSays() {
        Map<String, Set<Capability>> capabilities = new java.util.HashMap<>();
        jdbc.query("SELECT a.code, c.capability FROM agency a JOIN agency_capability c ON c.agency_id = a.id",
                (java.sql.ResultSet rs) -> {
                    capabilities.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Capability.class))
                            .add(Capability.valueOf(rs.getString(2)));
                });
        List<Map<String, Object>> users = jdbc.queryForList("SELECT u.username, a.code FROM app_user u"
                + " JOIN agency a ON a.id = u.agency_id WHERE u.enabled = TRUE AND u.username NOT LIKE '%.test.%'"
                + " ORDER BY u.username");
        assertThat(users).extracting(u -> u.get("username")).contains("mchs.analyst", "mod.analyst", "admin",
                "mchs.supervisor");
        List<DynamicContainer> tests = new ArrayList<>();
        for (Map<String, Object> user : users) {
            String username = (String) user.get("username");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            jdbc.queryForList("SELECT r.role FROM app_user_role r JOIN app_user u ON u.id = r.user_id"
                    + " WHERE u.username = ?", String.class, username).forEach(r -> roles.add(Role.valueOf(r)));
            Set<Authority> granted = PermissionMatrix.authorities(
                    capabilities.getOrDefault((String) user.get("code"), EnumSet.noneOf(Capability.class)), roles);
            tests.add(DynamicContainer.dynamicContainer(username, sources().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).map(list -> {
                        boolean allowed = mayExport(list.getKey(), granted);
                        return DynamicTest.dynamicTest(list.getKey() + (allowed ? " exports" : " is refused"),
                                () -> check(username, list.getKey(), list.getValue(), allowed, granted));
                    })));
        }
        return tests;
    }

    private void check(String username, String list, Supplier<ExportSource<?>> build, boolean allowed,
                       Set<Authority> granted) throws Exception {
        signIn.as(username);
        try {
            if (!allowed) {
                assertThatThrownBy(() -> export(build.get())).isInstanceOf(AccessDeniedException.class);
                return;
            }
            ExportSource<?> source = build.get();
            Set<ColumnAccess> expected = columnsFor(list, granted);
            List<String> names = source.columns().stream().filter(c -> expected.contains(c.access()))
                    .map(ExportColumn::name).toList();
            assertThat(exports.columnsFor(source)).extracting(ExportColumn::name).containsExactlyElementsOf(names);
            assertThat(List.of(export(source).getFirst())).containsExactlyElementsOf(names);
        } finally {
            signIn.out();
        }
    }

    /** Used by the tests above to name what each list has; kept here so that a new list cannot go untested. */
    @Test
    void everyListOfTheDecisionIsCovered() {
        assertThat(sources().keySet()).containsExactlyInAnyOrder("entitlements", "deliveries", "stock-ledger",
                "journeys", "crossings", "approvals", "audit-log");
        Function<String, Boolean> translated = list -> org.fieldaid.base.ui.Translations.exists("export.list." + list);
        assertThat(sources().keySet()).allMatch(translated::apply);
    }
}
