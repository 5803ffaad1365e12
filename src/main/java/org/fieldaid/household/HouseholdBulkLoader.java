package org.fieldaid.household;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fieldaid.approval.ApprovalRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes generated families straight through JDBC batches, a chunk per transaction, with the same rows and index
 * keys the registry writes: fast enough for 250,000 households. Submitted ones get their approval request.
 */
@Component
class HouseholdBulkLoader {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final SearchResults results;

    HouseholdBulkLoader(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
                        SearchResults results) {
        this.jdbc = jdbc;
        this.results = results;
        this.transactions = transactions;
        this.events = events;
    }

    List<Long> originIds() {
        return jdbc.queryForList("SELECT id FROM settlement WHERE reception = FALSE ORDER BY id", Long.class);
    }

    List<Long> receptionIds() {
        return jdbc.queryForList("SELECT id FROM settlement WHERE reception = TRUE ORDER BY id", Long.class);
    }

    /** @return how many households were written */
    long load(java.util.function.Supplier<HouseholdGenerator.Family> generator, long count,
              java.util.function.LongConsumer progress) {
        long written = 0;
        while (written < count) {
            int size = (int) Math.min(CHUNK, count - written);
            List<HouseholdGenerator.Family> chunk = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                chunk.add(generator.get());
            }
            transactions.executeWithoutResult(status -> write(chunk));
            written += size;
            progress.accept(written);
        }
        restartIdentity("household");
        restartIdentity("person");
        return written;
    }

    private void write(List<HouseholdGenerator.Family> families) {
        long householdId = next("household");
        long personId = next("person");
        List<Object[]> households = new ArrayList<>();
        List<Object[]> persons = new ArrayList<>();
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> householdKeys = new ArrayList<>();
        List<Object[]> givenKeys = new ArrayList<>();
        List<Object[]> needs = new ArrayList<>();
        List<ApprovalRequested> requests = new ArrayList<>();
        for (HouseholdGenerator.Family f : families) {
            long hid = householdId++;
            Instant created = f.displacedOn().plusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC);
            String number = "FA-%d-%06d".formatted(created.atZone(ZoneOffset.UTC).getYear(), hid);
            HouseholdGenerator.Member head = f.members().get(0);
            boolean decided = f.status() != HouseholdStatus.DRAFT && f.status() != HouseholdStatus.SUBMITTED;
            Set<Vulnerability> all = EnumSet.noneOf(Vulnerability.class);
            all.addAll(f.vulnerabilities());
            f.members().forEach(m -> all.addAll(m.vulnerabilities()));
            households.add(new Object[] {hid, number, f.status().name(), head.familyName(), head.givenName(),
                    f.members().size(), f.originSettlementId(), f.currentSettlementId(), f.address(),
                    Date.valueOf(f.displacedOn()), f.phone(), f.consentPartners(), f.consentContact(),
                    Vulnerability.join(f.vulnerabilities(), false), Vulnerability.join(f.vulnerabilities(), true),
                    Vulnerability.marker(all), f.agencyCode(), f.registeredBy(), Timestamp.from(created),
                    Timestamp.from(created),
                    f.status() == HouseholdStatus.DRAFT ? null : Timestamp.from(created),
                    decided ? Timestamp.from(created.plusSeconds(86400)) : null,
                    f.status() == HouseholdStatus.REJECTED ? "Documents could not be verified" : null});
            for (int i = 0; i < f.members().size(); i++) {
                HouseholdGenerator.Member m = f.members().get(i);
                long pid = personId++;
                persons.add(new Object[] {pid, hid, i, m.familyName(), m.givenName(), m.patronymic(),
                        NameKeys.fold(m.familyName()), NameKeys.fold(m.givenName()), m.sex().name(),
                        Date.valueOf(m.birthDate()), m.estimated(), m.relation().name(),
                        m.documentType() == null ? null : m.documentType().name(), m.documentNumber(),
                        m.documentNumber() == null ? null : DocumentType.normalise(m.documentNumber()),
                        Vulnerability.join(m.vulnerabilities(), false), Vulnerability.join(m.vulnerabilities(), true),
                        f.status() == HouseholdStatus.RETURNED});
                for (String key : NameKeys.keys(m.familyName())) {
                    keys.add(HouseholdIndex.personKey(key, m.birthDate(), pid, hid, NameKeys.fold(m.givenName()),
                            m.sex()));
                }
            }
            String draftAgency = HouseholdIndex.draftAgency(f.status(), f.agencyCode());
            householdKeys.addAll(HouseholdIndex.householdKeys(f.members().stream()
                    .map(HouseholdGenerator.Member::familyName).toList(), hid, draftAgency));
            givenKeys.addAll(HouseholdIndex.householdGivenKeys(f.members().stream()
                    .map(HouseholdGenerator.Member::givenName).toList(), hid, draftAgency));
            all.forEach(v -> needs.add(new Object[] {v.name(), hid, draftAgency}));
            if (f.status() == HouseholdStatus.SUBMITTED) {
                requests.add(new ApprovalRequested(RegistrationApproval.KIND, hid,
                        number + " · " + head.familyName() + " " + head.givenName(), f.agencyCode(), f.registeredBy(),
                        null, created));
            }
        }
        results.changing();
        jdbc.batchUpdate("""
                INSERT INTO household (id, registration_number, status, head_family_name, head_given_name,
                  member_count, origin_settlement_id, current_settlement_id, current_address, displaced_on, phone,
                  consent_share_partners, consent_contact, vulnerabilities, sensitive_vulnerabilities, needs,
                  agency_code, registered_by, created_at, updated_at, submitted_at, decided_at, rejection_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", households);
        jdbc.batchUpdate("""
                INSERT INTO person (id, household_id, position, family_name, given_name, patronymic, family_folded,
                  given_folded, sex, birth_date, birth_date_estimated, relation, document_type, document_number,
                  document_normalised, vulnerabilities, sensitive_vulnerabilities, returned)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", persons);
        jdbc.batchUpdate(HouseholdIndex.INSERT_PERSON_KEY, keys);
        jdbc.batchUpdate(HouseholdIndex.INSERT_HOUSEHOLD_KEY, householdKeys);
        jdbc.batchUpdate(HouseholdIndex.INSERT_GIVEN_KEY, givenKeys);
        jdbc.batchUpdate(HouseholdIndex.INSERT_NEED, needs);
        requests.forEach(events::publishEvent);
    }

    private long next(String table) {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM " + table, Long.class);
        return max == null ? 1 : max + 1;
    }

    /**
     * Rows were written with explicit ids; new registrations must continue after them. On PostgreSQL the
     * application's role does not own the tables (decision 032), so it moves the identity's sequence instead of
     * altering the table.
     */
    private void restartIdentity(String table) {
        String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if (database != null && database.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            jdbc.queryForObject("SELECT setval(pg_get_serial_sequence(?, 'id'), ?, false)", Long.class, table,
                    next(table));
        } else {
            jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next(table));
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
