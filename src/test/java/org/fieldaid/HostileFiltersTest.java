package org.fieldaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Function;
import net.lingala.zip4j.io.inputstream.ZipInputStream;
import org.fieldaid.approval.Approvals;
import org.fieldaid.approval.InboxFilter;
import org.fieldaid.audit.AuditFilter;
import org.fieldaid.audit.AuditLog;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.household.HouseholdExports;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.journey.JourneyFilter;
import org.fieldaid.journey.Journeys;
import org.fieldaid.report.Dashboard;
import org.fieldaid.report.ExportOptions;
import org.fieldaid.report.Exports;
import org.fieldaid.report.Report;
import org.fieldaid.report.ReportFilter;
import org.fieldaid.support.HostileForms;
import org.fieldaid.support.HostileInput;
import org.fieldaid.support.HostileInput.Text;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hostile corpus (issue 14, item 5) through the filters of the lists that are not a form's (the audit log, the
 * dashboard, the approvals inbox, the journey board) and the export's passphrase, by the services. A filter answers
 * every text and every date with a sane result and no failure; a passphrase is refused at its field or opens the
 * file.
 */
@IntegrationTest
class HostileFiltersTest {

    @Autowired AuditLog auditLog;
    @Autowired Dashboard dashboard;
    @Autowired Approvals approvals;
    @Autowired Journeys journeys;
    @Autowired Exports exports;
    @Autowired HouseholdExports householdExports;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @AfterAll
    static void report() {
        System.out.println(HostileInput.report("forms and filters so far"));
    }

    @Test
    void theAuditLogsFiltersAnswerEveryHostileTextAndDateSanely() {
        signIn.as("admin");
        long all = auditLog.count(AuditFilter.none());
        for (Text t : HostileForms.cases(64)) {
            String v = t.value();
            for (AuditFilter filter : new AuditFilter[]{new AuditFilter(v, null, null, null, null, null),
                    new AuditFilter(null, v, null, null, null, null), new AuditFilter(null, null, v, null, null, null),
                    new AuditFilter(null, null, null, v, null, null)}) {
                long count = auditLog.count(filter);
                assertThat(count).as(t.name()).isBetween(0L, all);
                assertThat(auditLog.find(filter, PageRequest.of(0, 20)).getContent()).as(t.name())
                        .hasSize((int) Math.min(20, count));
                HostileInput.counted("audit log filters");
            }
        }
        // an SQL payload or a wildcard finds exactly the actors whose names start with it, letter for letter (a
        // login tried with such a name is in the log)
        for (String payload : new String[]{"' OR '1'='1", "%", "_", "\\"}) {
            assertThat(auditLog.count(new AuditFilter(payload, null, null, null, null, null))).as(payload)
                    .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE POSITION(? IN LOWER(actor)) "
                            + "= 1", Long.class, payload.toLowerCase(Locale.ROOT)));
        }
        for (LocalDate day : HostileInput.EXTREME_DATES) {
            Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            long from = auditLog.count(new AuditFilter(null, null, null, null, at, null));
            long to = auditLog.count(new AuditFilter(null, null, null, null, null, at));
            assertThat(from + to).as("%s", day).isEqualTo(all);
            HostileInput.counted("audit log filters");
        }
    }

    @Test
    void theDashboardAnswersEveryHostileAgencyAndPeriodSanely() {
        signIn.as("mfa.analyst");
        Report everything = dashboard.report(ReportFilter.none(), Locale.ENGLISH);
        for (Text t : HostileForms.cases(32)) {
            Report report = dashboard.report(new ReportFilter(null, null, t.value()), Locale.ENGLISH);
            assertThat(report.panels()).as(t.name()).hasSameSizeAs(everything.panels());
            assertThat(report.totals().values()).as(t.name()).allMatch(n -> n >= 0);
            HostileInput.counted("dashboard filters");
        }
        for (LocalDate from : HostileInput.EXTREME_DATES) {
            for (LocalDate to : HostileInput.EXTREME_DATES) {
                Report report = dashboard.report(new ReportFilter(from, to, null), Locale.ENGLISH);
                assertThat(report.totals().values()).as("%s – %s", from, to).allMatch(n -> n >= 0);
                assertThat(report.panels()).as("%s – %s", from, to).hasSameSizeAs(everything.panels());
                HostileInput.counted("dashboard filters");
            }
        }
    }

    @Test
    void theInboxAndTheJourneyBoardAnswerEveryHostileKindAndDateSanely() {
        signIn.as("mchs.supervisor");
        long all = approvals.countInbox(new InboxFilter(null, null));
        for (Text t : HostileForms.cases(32)) {
            InboxFilter filter = new InboxFilter(t.value(), null);
            assertThat(approvals.countInbox(filter)).as(t.name()).isZero();
            assertThat(approvals.inbox(filter, PageRequest.of(0, 20)).getContent()).as(t.name()).isEmpty();
            HostileInput.counted("approvals inbox filter");
        }
        for (LocalDate day : HostileInput.EXTREME_DATES) {
            long older = approvals.countInbox(new InboxFilter(null, day.atStartOfDay(ZoneOffset.UTC).toInstant()));
            assertThat(older).as("%s", day).isBetween(0L, all);
            HostileInput.counted("approvals inbox filter");
        }
        signIn.as("mod.officer");
        for (LocalDate day : HostileInput.EXTREME_DATES) {
            JourneyFilter filter = new JourneyFilter(null, day, null, null, false, false);
            long count = journeys.count(filter);
            assertThat(journeys.board(filter, 0, 20)).as("%s", day).hasSize((int) Math.min(20, count));
            HostileInput.counted("journey board filter");
        }
    }

    @Test
    void anExportPassphraseIsRefusedAtItsFieldOrOpensTheFile() throws IOException {
        signIn.as("mfa.analyst");
        Function<String, Long> audited = v -> jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
        for (Text t : HostileForms.cases(ExportOptions.MAX_PASSPHRASE)) {
            String expected = t.value().strip().length() < ExportOptions.MIN_PASSPHRASE
                    ? "export.error.passphrase-short" : HostileForms.expectedKey(t, ExportOptions.MAX_PASSPHRASE, false);
            long before = audited.apply(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                exports.write(householdExports.households(HouseholdFilter.text("Qqxzvwy"), Sort.unsorted()),
                        new ExportOptions(false, false, t.value()), out, () -> false, rows -> { });
            } catch (InvalidInputException refused) {
                assertThat(refused.problems().get("passphrase")).as(t.name()).containsExactly(expected);
                assertThat(audited.apply(null)).as(t.name() + ": no export audited").isEqualTo(before);
                HostileInput.counted("export passphrase");
                continue;
            }
            assertThat(expected).as(t.name() + " was accepted").isNull();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()),
                    t.value().toCharArray())) {
                assertThat(zip.getNextEntry()).as(t.name()).isNotNull();
                String csv = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(csv).as(t.name() + " opens the file").isNotBlank();
            }
            HostileInput.counted("export passphrase");
        }
    }
}
