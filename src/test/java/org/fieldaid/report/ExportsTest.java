package org.fieldaid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import net.lingala.zip4j.io.inputstream.ZipInputStream;
import org.fieldaid.audit.AuditEntry;
import org.fieldaid.audit.AuditFilter;
import org.fieldaid.audit.AuditLog;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.household.DocumentType;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdExports;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdRow;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.security.Authority;
import org.fieldaid.security.Capability;
import org.fieldaid.security.PermissionMatrix;
import org.fieldaid.security.Role;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ExportsTest {

    @Autowired Exports exports;
    @Autowired HouseholdExports householdExports;
    @Autowired HouseholdRegistry registry;
    @Autowired Settlements settlements;
    @Autowired AuditLog auditLog;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    private long origin;
    private long reception;

    @BeforeEach
    void places() {
        List<SettlementRow> all = signIn.run("mchs.officer", settlements::all);
        origin = all.stream().filter(s -> !s.reception()).findFirst().orElseThrow().id();
        reception = all.stream().filter(SettlementRow::reception).findFirst().orElseThrow().id();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    /** A family name nobody else has, so that a search for it finds only this test's families. */
    private static String unique(String base) {
        return base + Long.toString(System.nanoTime() % 1_000_000, 26).replaceAll("[0-9]", "q");
    }

    /** A passport number no other test or demo family holds, so that it is no duplicate by document. */
    private static String uniqueDocument() {
        return "AX" + String.format("%07d", System.nanoTime() % 10_000_000);
    }

    /** Each family of a test is born years apart from the others, so that none is a duplicate of another. */
    private int registered;

    private HouseholdDetails register(String family, String given, String address, boolean consent,
                                      DocumentType type, String document) {
        int apart = 2 * registered++;
        signIn.as("mchs.officer");
        HouseholdDetails draft = registry.saveDraft(new RegistrationForm(origin, reception, address,
                LocalDate.of(2020, 10, 15), "+374 77 555111", consent, true, EnumSet.of(Vulnerability.LOST_HOME),
                List.of(new MemberForm(null, family, given, null, Sex.FEMALE, LocalDate.of(1984 - apart, 3, 9), false,
                                Relation.HEAD, type, document, EnumSet.noneOf(Vulnerability.class)),
                        new MemberForm(null, family, "Aram", null, Sex.MALE, LocalDate.of(2019 - apart, 6, 1), true,
                                Relation.CHILD, null, null, EnumSet.of(Vulnerability.LOST_DOCUMENTS)))));
        HouseholdDetails submitted = registry.submit(draft.id(), draft.version(), null);
        signIn.as("mfa.analyst");
        return submitted;
    }

    private static List<String[]> read(byte[] file) throws Exception {
        String text = new String(file, StandardCharsets.UTF_8);
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            return reader.readAll();
        }
    }

    private static List<String> column(List<String[]> rows, String name) {
        int index = List.of(rows.getFirst()).indexOf(name);
        assertThat(index).as("column " + name).isNotNegative();
        return rows.stream().skip(1).map(r -> r[index]).toList();
    }

    private ExportResult write(ExportSource<?> source, ExportOptions options, ByteArrayOutputStream out) {
        return exports.write(source, options, out, () -> false, rows -> { });
    }

    @Test
    void aHouseholdExportIsWhatTheListShowsReadBackCellByCellInEveryScript() throws Exception {
        String family = unique("Mkrtchyan");
        // hostile text: quotes, commas, a newline, a formula, and three scripts
        register(family, "Anahit \"Ani\", Jr.", "Շենք 5, բն. 12\nGoris", true, DocumentType.ARMENIAN_PASSPORT,
                uniqueDocument());
        register(family, "=HYPERLINK(\"http://x\")", "Ул. Ленина, 3", true, null, null);
        register(family, "Gülnarə Şəkərli", "-1+2", false, null, null);
        signIn.as("mfa.analyst");
        HouseholdFilter filter = HouseholdFilter.text(family);
        Sort sort = Sort.by(Sort.Direction.ASC, "registrationNumber");
        List<HouseholdRow> shown = registry.find(filter, PageRequest.of(0, 50, sort)).getContent();
        assertThat(shown).hasSize(3);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportResult result = write(householdExports.households(filter, sort), new ExportOptions(false, true, null), out);
        List<String[]> rows = read(out.toByteArray());

        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.complete()).isTrue();
        assertThat(rows).hasSize(2 + 3);
        assertThat(rows.get(1)[0]).isEqualTo("#affected+hh+code");
        List<String[]> data = new ArrayList<>(rows.subList(2, 5));
        data.addFirst(rows.getFirst());
        assertThat(column(data, "registration_number")).containsExactlyElementsOf(
                shown.stream().map(HouseholdRow::registrationNumber).toList());
        assertThat(column(data, "head_family_name")).containsOnly(family);
        assertThat(column(data, "head_given_name")).containsExactly("Anahit \"Ani\", Jr.",
                "'=HYPERLINK(\"http://x\")", "Gülnarə Şəkərli");
        assertThat(column(data, "current_address")).containsExactly("Շենք 5, բն. 12\nGoris", "Ул. Ленина, 3", "'-1+2");
        assertThat(column(data, "members")).containsOnly("2");
        assertThat(column(data, "displaced_on")).containsOnly("2020-10-15");
        assertThat(column(data, "consent_share_partners")).containsExactly("true", "true", "false");
        assertThat(column(data, "status")).containsOnly("SUBMITTED");
        // the database's own rows, not the exporter's view of them
        Map<String, String> phones = jdbc.queryForList("SELECT registration_number, phone FROM household"
                + " WHERE head_family_name = ?", family).stream().collect(Collectors.toMap(
                r -> (String) r.get("registration_number"), r -> (String) r.get("phone")));
        List<String> numbers = column(data, "registration_number");
        List<String> exportedPhones = column(data, "phone");
        for (int i = 0; i < numbers.size(); i++) {
            // "+374 ..." would be read as a formula: it keeps its digits behind the apostrophe
            assertThat(exportedPhones.get(i)).isEqualTo("'" + phones.get(numbers.get(i)));
        }
    }

    @Test
    void personsComeHouseholdByHouseholdWithAgesAndOnlyTheNeedsTheReaderMaySee() throws Exception {
        String family = unique("Danielyan");
        String document = uniqueDocument();
        HouseholdDetails household = register(family, "Narine", null, true, DocumentType.ARMENIAN_PASSPORT,
                document);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(householdExports.persons(HouseholdFilter.text(family), Sort.unsorted()), ExportOptions.plain(), out);
        List<String[]> rows = read(out.toByteArray());
        assertThat(rows).hasSize(3);
        assertThat(column(rows, "registration_number")).containsOnly(household.registrationNumber());
        assertThat(column(rows, "given_name")).containsExactly("Narine", "Aram");
        assertThat(column(rows, "relation")).containsExactly("HEAD", "CHILD");
        assertThat(column(rows, "document_number")).containsExactly(document, "");
        assertThat(column(rows, "age")).containsExactly(
                String.valueOf(java.time.Period.between(LocalDate.of(1984, 3, 9), LocalDate.now()).getYears()),
                String.valueOf(java.time.Period.between(LocalDate.of(2019, 6, 1), LocalDate.now()).getYears()));
        assertThat(column(rows, "needs")).containsExactly("", "LOST_DOCUMENTS");
        // health and protection needs: the analyst has no PII:SENSITIVE, so the column is not there
        assertThat(List.of(rows.getFirst())).doesNotContain("sensitive_needs");
    }

    @Test
    void aPartnerGetsConsentedHouseholdsOnlyAndNoPersonalColumns() throws Exception {
        String family = unique("Harutyunyan");
        register(family, "Shared", null, true, null, null);
        register(family, "NotShared", null, false, null, null);
        // the partner sees registered households only: approve both
        jdbc.update("UPDATE household SET status = 'REGISTERED' WHERE head_family_name = ?", family);
        signIn.as("partner.analyst");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportResult result = write(householdExports.households(HouseholdFilter.text(family), Sort.unsorted()),
                ExportOptions.plain(), out);
        List<String[]> rows = read(out.toByteArray());
        assertThat(result.rows()).isEqualTo(1);
        assertThat(List.of(rows.getFirst())).doesNotContain("registration_number", "head_family_name",
                "head_given_name", "phone", "current_address", "sensitive_needs")
                .contains("status", "members", "origin_settlement", "displaced_on");
        assertThat(column(rows, "consent_share_partners")).containsExactly("true");
    }

    @Test
    void theColumnsOfEveryDemoUserFollowTheMatrix() {
        Map<String, Set<Capability>> capabilities = new java.util.HashMap<>();
        jdbc.query("SELECT a.code, c.capability FROM agency a JOIN agency_capability c ON c.agency_id = a.id",
                (java.sql.ResultSet rs) -> {
                    capabilities.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Capability.class))
                            .add(Capability.valueOf(rs.getString(2)));
                });
        List<Map<String, Object>> users = jdbc.queryForList("SELECT u.username, a.code FROM app_user u"
                + " JOIN agency a ON a.id = u.agency_id WHERE u.enabled = TRUE");
        assertThat(users).hasSizeGreaterThanOrEqualTo(9);
        for (Map<String, Object> user : users) {
            String username = (String) user.get("username");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            jdbc.queryForList("SELECT r.role FROM app_user_role r JOIN app_user u ON u.id = r.user_id"
                    + " WHERE u.username = ?", String.class, username).forEach(r -> roles.add(Role.valueOf(r)));
            Set<Authority> granted = PermissionMatrix.authorities(
                    capabilities.getOrDefault((String) user.get("code"), EnumSet.noneOf(Capability.class)), roles);
            signIn.as(username);
            ExportSource<?> source = householdExports.households(HouseholdFilter.none(), Sort.unsorted());
            if (!granted.contains(Authority.EXPORT_PERSONAL) && !granted.contains(Authority.EXPORT_AGGREGATE)) {
                assertThatThrownBy(() -> exports.columnsFor(source)).as(username)
                        .isInstanceOf(AccessDeniedException.class);
                continue;
            }
            Set<ColumnAccess> expected = EnumSet.of(ColumnAccess.AGGREGATE);
            if (granted.contains(Authority.EXPORT_PERSONAL)) {
                expected.add(ColumnAccess.PERSONAL);
                if (granted.contains(Authority.PII_SENSITIVE)) {
                    expected.add(ColumnAccess.SENSITIVE);
                }
            }
            assertThat(exports.columnsFor(source)).as(username).extracting(ExportColumn::name)
                    .containsExactlyElementsOf(source.columns().stream().filter(c -> expected.contains(c.access()))
                            .map(ExportColumn::name).toList());
        }
    }

    @Test
    void formulasAreNeutralisedAndEverythingElseIsKept() {
        ExportColumn<String> text = ExportColumn.text("t", "#x", ColumnAccess.AGGREGATE, s -> s);
        ExportColumn<String> number = ExportColumn.number("n", "#x", ColumnAccess.AGGREGATE, s -> s);
        for (String formula : List.of("=1+1", "+7 (495) 123", "-2", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(Exports.cell(text, formula)).as(formula).isEqualTo("'" + formula);
        }
        for (String kept : List.of("a=b", "1-2", "Ա=Բ", " =x", "'quoted", "")) {
            assertThat(Exports.cell(text, kept)).as(kept).isEqualTo(kept);
        }
        assertThat(Exports.cell(number, -5)).isEqualTo("-5");
        assertThat(Exports.cell(text, null)).isEqualTo("");
    }

    @Test
    void anEncryptedExportOpensWithItsPassphraseAndNotWithout() throws Exception {
        String family = unique("Grigoryan");
        register(family, "Secret", null, true, null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(householdExports.households(HouseholdFilter.text(family), Sort.unsorted()),
                new ExportOptions(true, false, "correct horse battery"), out);
        byte[] zip = out.toByteArray();
        assertThat(new String(zip, StandardCharsets.ISO_8859_1)).doesNotContain(family);

        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), "correct horse battery".toCharArray())) {
            assertThat(in.getNextEntry().getFileName()).isEqualTo("households.csv");
            byte[] csv = in.readAllBytes();
            assertThat(csv[0] & 0xff).isEqualTo(0xEF);
            assertThat(new String(csv, StandardCharsets.UTF_8)).contains(family);
        }
        assertThatThrownBy(() -> {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), "wrong passphrase!".toCharArray())) {
                in.getNextEntry();
                in.readAllBytes();
            }
        }).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                in.getNextEntry();
                in.readAllBytes();
            }
        }).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aShortPassphraseIsRefusedBeforeAnythingIsWritten() {
        signIn.as("mfa.analyst");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> write(householdExports.households(HouseholdFilter.none(), Sort.unsorted()),
                new ExportOptions(false, false, "short"), out))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsKey("passphrase"));
        assertThat(out.size()).isZero();
    }

    @Test
    void everyExportIsAuditedWithItsListFilterColumnsAndRowsAndAStoppedOneSaysSo() {
        String family = unique("Sargsyan");
        register(family, "One", null, true, null, null);
        register(family, "Two", null, true, null, null);
        ExportResult full = write(householdExports.households(HouseholdFilter.text(family), Sort.unsorted()),
                ExportOptions.plain(), new ByteArrayOutputStream());
        AtomicLong asked = new AtomicLong();
        ExportResult stopped = exports.write(householdExports.persons(HouseholdFilter.text(family), Sort.unsorted()),
                ExportOptions.plain(), new ByteArrayOutputStream(), () -> asked.incrementAndGet() > 1, rows -> { });
        assertThat(full.rows()).isEqualTo(2);
        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.rows()).isEqualTo(1);

        signIn.as("admin");
        List<AuditEntry> entries = auditLog.find(new AuditFilter(null, null, "EXPORT", null, null, null),
                PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "occurredAt"))).getContent().stream()
                .filter(e -> "EXPORT".equals(e.entityType()) && e.after() != null && e.after().contains(family))
                .toList();
        assertThat(entries).extracting(AuditEntry::action).containsExactly("EXPORT_STOPPED", "EXPORT");
        AuditEntry households = entries.get(1);
        assertThat(households.actor()).isEqualTo("mfa.analyst");
        assertThat(households.entityId()).isEqualTo("households");
        assertThat(households.after()).contains("rows: 2", "registration_number", "complete: true");
        assertThat(entries.getFirst().after()).contains("rows: 1", "complete: false");
    }
}
