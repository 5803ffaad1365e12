package org.fieldaid.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.fieldaid.approval.Approvals;
import org.fieldaid.approval.InboxFilter;
import org.fieldaid.base.ui.Translations;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's numbers are the lists' numbers: each is checked against the list service's count for the same
 * reader and filter, or against a query of its own here; and a partner organisation sees counts from 1 to 4 as "&lt;5".
 */
@IntegrationTest
class DashboardFiguresTest {

    private static final Locale EN = Locale.ENGLISH;

    @Autowired Dashboard dashboard;
    @Autowired HouseholdRegistry registry;
    @Autowired Approvals approvals;
    @Autowired Settlements settlements;
    @Autowired Translations translations;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void householdsByStatusEqualTheHouseholdListsCountsForEachReaderAndAgency() {
        for (String user : List.of("mfa.analyst", "mchs.supervisor", "partner.analyst")) {
            signIn.as(user);
            for (String agency : new String[] {null, "MCHS", "MOD"}) {
                Report report = dashboard.report(new ReportFilter(null, null, agency), EN);
                Figure figure = report.figure("households-by-status").orElseThrow();
                long sum = 0;
                for (Figure.Row row : figure.rows()) {
                    HouseholdStatus status = statusLabelled(row.label());
                    long listed = registry.count(new HouseholdFilter(null, null, null, status, null, agency));
                    sum += listed;
                    assertThat(row.values().getFirst()).as(user + " " + agency + " " + status)
                            .isEqualTo(SmallCounts.mask(listed, user.startsWith("partner")));
                }
                long all = registry.count(new HouseholdFilter(null, null, null, null, null, agency));
                if (!user.startsWith("partner")) {
                    assertThat(all).as(user + " " + agency + " against SQL").isEqualTo(visibleHouseholds(user, agency));
                }
                if (report.totalsAtLeast().contains("households-by-status")) {
                    // a partner's total beside hidden cells is a lower bound, or it would give them away
                    assertThat(user).startsWith("partner");
                    assertThat(report.total("households-by-status")).isBetween(1L, all);
                } else {
                    assertThat(report.total("households-by-status")).as(user + " " + agency + " total")
                            .isEqualTo(SmallCounts.mask(all, user.startsWith("partner")));
                }
                assertThat(sum).isEqualTo(registry.count(new HouseholdFilter(null, null, null, null, null, agency)));
            }
        }
    }

    @Test
    void theDemoDataGivesEveryPanelSomethingToCount() {
        signIn.as("mfa.analyst");
        Report report = dashboard.report(ReportFilter.none(), EN);
        assertThat(report.total("households-by-status")).isGreaterThan(50);
        assertThat(report.total("persons-displaced")).isGreaterThan(50);
        assertThat(report.total("aid-delivered")).isPositive();
        assertThat(report.total("journeys-by-week")).isPositive();
        assertThat(report.places()).isNotEmpty();
    }

    @Test
    void personsAidJourneysAndTheMapEqualIndependentQueries() {
        signIn.as("mfa.analyst");
        Report report = dashboard.report(ReportFilter.none(), EN);
        String caseload = "SELECT COUNT(*) FROM person p JOIN household h ON h.id = p.household_id"
                + " WHERE h.status IN ('SUBMITTED', 'REGISTERED', 'RETURNED') AND p.returned = ? AND p.sex = ?";
        for (boolean returned : new boolean[] {false, true}) {
            Figure persons = report.figure(returned ? "persons-returned" : "persons-displaced").orElseThrow();
            for (Sex sex : Sex.values()) {
                String series = translations.getTranslation("sex." + sex, EN);
                long shown = persons.rows().stream().mapToLong(r -> r.values().get(persons.series().indexOf(series)))
                        .sum();
                assertThat(shown).as(returned + " " + sex)
                        .isEqualTo(jdbc.queryForObject(caseload, Long.class, returned, sex.name()));
            }
        }
        assertThat(report.total("aid-delivered")).isEqualTo(jdbc.queryForObject("SELECT COALESCE(SUM(d.quantity), 0)"
                + " FROM aid_delivery d WHERE d.voided_at IS NULL", Long.class));
        assertThat(report.total("journeys-by-week")).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM journey j"
                + " JOIN household h ON h.id = j.household_id WHERE h.status <> 'DRAFT'", Long.class));
        Map<String, Object> counts = jdbc.queryForMap("SELECT"
                + " SUM(CASE WHEN status IN ('SUBMITTED', 'REGISTERED') THEN 1 ELSE 0 END) AS displaced,"
                + " SUM(CASE WHEN status = 'RETURNED' THEN 1 ELSE 0 END) AS returned FROM household");
        assertThat(report.places().values().stream().mapToLong(PlaceCount::displacedFrom).sum())
                .isEqualTo(((Number) counts.get("displaced")).longValue());
        assertThat(report.places().values().stream().mapToLong(PlaceCount::returnedTo).sum())
                .isEqualTo(((Number) counts.get("returned")).longValue());
    }

    @Test
    void aSupervisorsPendingApprovalsAreTheirInbox() {
        signIn.as("mchs.supervisor");
        Report report = dashboard.report(ReportFilter.none(), EN);
        Figure pending = report.figure("approvals-pending").orElseThrow();
        assertThat(report.total("approvals-pending")).isEqualTo(approvals.countInbox(new InboxFilter(null, null)));
        for (Figure.Row row : pending.rows()) {
            String kind = approvals.decidableKinds().stream().filter(k -> translations.getTranslation(
                    "approval.kind." + k.code(), EN).equals(row.label())).findFirst().orElseThrow().code();
            assertThat(row.total()).as(kind).isEqualTo(approvals.countInbox(new InboxFilter(kind, null)));
        }
    }

    @Test
    void aPartnerSeesFewerThanFiveAsLessThanFiveAndEveryoneElseTheCount() {
        LocalDate day = LocalDate.of(1989, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        ReportFilter thatDay = new ReportFilter(day, day, "MCHS");
        String family = "Smallcount" + Long.toString(System.nanoTime() % 1_000_000, 26).replaceAll("[0-9]", "q");
        for (int i = 0; i < 3; i++) {
            register(family, day, i);
        }
        jdbc.update("UPDATE household SET status = 'REGISTERED' WHERE head_family_name LIKE ?", family + "%");

        signIn.as("mfa.analyst");
        Report analyst = dashboard.report(thatDay, EN);
        assertThat(analyst.smallCountsHidden()).isFalse();
        assertThat(analyst.figure("households-by-status").orElseThrow().value(registered(), households()))
                .isEqualTo(3);
        assertThat(analyst.total("persons-displaced")).isEqualTo(6);
        assertThat(analyst.places().values()).containsExactly(new PlaceCount(3, 0));

        signIn.as("partner.analyst");
        Report partner = dashboard.report(thatDay, EN);
        assertThat(partner.smallCountsHidden()).isTrue();
        assertThat(partner.figure("households-by-status").orElseThrow().value(registered(), households()))
                .isEqualTo(SmallCounts.HIDDEN);
        // the total beside a hidden cell counts it as 1, so that nothing can be subtracted to find it
        assertThat(partner.total("households-by-status")).isEqualTo(1);
        assertThat(partner.totalText("households-by-status", EN)).isEqualTo("≥1");
        assertThat(partner.places().values()).containsExactly(new PlaceCount(SmallCounts.HIDDEN, 0));
        // six persons in two cells of three: neither the cells nor the total tell it
        assertThat(partner.figure("persons-displaced").orElseThrow().rows()).allSatisfy(r ->
                assertThat(r.values()).allMatch(v -> v == 0 || v == SmallCounts.HIDDEN));
        assertThat(partner.totalText("persons-displaced", EN)).isEqualTo("≥2");

        for (int i = 3; i < 5; i++) {
            register(family, day, i);
        }
        jdbc.update("UPDATE household SET status = 'REGISTERED' WHERE head_family_name LIKE ?", family + "%");
        signIn.as("partner.analyst");
        Report five = dashboard.report(thatDay, EN);
        assertThat(five.figure("households-by-status").orElseThrow().value(registered(), households())).isEqualTo(5);
        assertThat(five.totalText("households-by-status", EN)).isEqualTo("5");
    }

    @Test
    void aPartnerCountsOnlyTheHouseholdsThatConsented() {
        LocalDate day = LocalDate.of(1989, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        String family = "Noconsent" + Long.toString(System.nanoTime() % 1_000_000, 26).replaceAll("[0-9]", "q");
        for (int i = 0; i < 6; i++) {
            register(family, day, i, i < 5 ? false : true);
        }
        jdbc.update("UPDATE household SET status = 'REGISTERED' WHERE head_family_name LIKE ?", family + "%");
        ReportFilter thatDay = new ReportFilter(day, day, null);
        signIn.as("mfa.analyst");
        assertThat(dashboard.report(thatDay, EN).total("households-by-status")).isEqualTo(6);
        signIn.as("partner.analyst");
        assertThat(dashboard.report(thatDay, EN).totalText("households-by-status", EN)).isEqualTo("≥1");
    }

    private void register(String family, LocalDate day, int i) {
        register(family, day, i, true);
    }

    /**
     * Each household gets a family name of its own, so that none is a possible duplicate of another: other tests
     * hand out aid at the reception points, and a possible duplicate there asks the officer to confirm.
     */
    private void register(String base, LocalDate day, int i, boolean consent) {
        String family = base + "abcdefgh".charAt(i);
        signIn.as("mchs.officer");
        List<SettlementRow> all = settlements.all();
        long origin = all.stream().filter(s -> "NK-HDR".equals(s.code())).findFirst().orElseThrow().id();
        long reception = all.stream().filter(SettlementRow::reception).findFirst().orElseThrow().id();
        HouseholdDetails draft = registry.saveDraft(new RegistrationForm(origin, reception, "Shelter " + i, day,
                null, consent, true, EnumSet.noneOf(Vulnerability.class),
                List.of(new MemberForm(null, family, "Given" + "abcdefgh".charAt(i), null, Sex.FEMALE,
                                LocalDate.of(1950 + 7 * i, 3, 9), false, Relation.HEAD, null, null,
                                EnumSet.noneOf(Vulnerability.class)),
                        new MemberForm(null, family, "Child" + "abcdefgh".charAt(i), null, Sex.MALE,
                                day.minusYears(0).minusMonths(1 + i), false, Relation.CHILD, null, null,
                                EnumSet.noneOf(Vulnerability.class)))));
        registry.submit(draft.id(), draft.version(), "Test families of one name, born apart");
    }

    private HouseholdStatus statusLabelled(String label) {
        return EnumSet.allOf(HouseholdStatus.class).stream().filter(s -> translations.getTranslation(
                "household.status." + s, EN).equals(label)).findFirst().orElseThrow();
    }

    private String registered() {
        return translations.getTranslation("household.status.REGISTERED", EN);
    }

    private String households() {
        return translations.getTranslation("report.households", EN);
    }

    /** Counted with SQL: the households of the agency (or all) that a reader of the registry sees. */
    private long visibleHouseholds(String user, String agency) {
        String own = jdbc.queryForObject("SELECT a.code FROM app_user u JOIN agency a ON a.id = u.agency_id"
                + " WHERE u.username = ?", String.class, user);
        return agency == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE status <> 'DRAFT' OR agency_code = ?",
                        Long.class, own)
                : jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE agency_code = ?"
                        + " AND (status <> 'DRAFT' OR agency_code = ?)", Long.class, agency, own);
    }
}
