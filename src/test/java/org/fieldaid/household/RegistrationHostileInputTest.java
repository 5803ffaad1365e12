package org.fieldaid.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.fieldaid.approval.ApprovalStatus;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.HostileForms;
import org.fieldaid.support.HostileInput;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestFamilies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hostile corpus (issue 14, item 5) through the registration form, its members, the decision on it and the
 * household list's filters, by the services. What is kept is read back by SQL.
 */
@IntegrationTest
class RegistrationHostileInputTest {

    @Autowired HouseholdRegistry registry;
    @Autowired Approvals approvals;
    @Autowired Settlements settlements;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    private TestFamilies families;

    @BeforeEach
    void families() {
        families = new TestFamilies(registry, approvals, settlements, signIn);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @AfterAll
    static void report() {
        System.out.println(HostileInput.report("registration forms so far"));
    }

    private long written(String actor) {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM household) + (SELECT COUNT(*) FROM person) "
                + "+ (SELECT COUNT(*) FROM audit_event WHERE actor = ?)", Long.class, actor);
    }

    /** Saves a draft with one field of the form changed, as the officer; answers the household's id. */
    private long draft(Function<RegistrationForm, RegistrationForm> change) {
        RegistrationForm form = change.apply(families.form(2, families.receptionPoint()));
        return signIn.run("mchs.officer", () -> registry.saveDraft(form)).id();
    }

    private static RegistrationForm withMember(RegistrationForm f, int index, Function<MemberForm, MemberForm> change) {
        List<MemberForm> members = new ArrayList<>(f.members());
        members.set(index, change.apply(members.get(index)));
        return new RegistrationForm(f.originSettlementId(), f.currentSettlementId(), f.currentAddress(), f.displacedOn(),
                f.phone(), f.consentSharePartners(), f.consentContact(), f.vulnerabilities(), members);
    }

    private static MemberForm named(MemberForm m, String family, String given, String patronymic) {
        return new MemberForm(m.id(), family, given, patronymic, m.sex(), m.birthDate(), m.birthDateEstimated(),
                m.relation(), m.documentType(), m.documentNumber(), m.vulnerabilities());
    }

    private String member(long household, int position, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM person WHERE household_id = ? ORDER BY position, id "
                + "OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY", String.class, household, position);
    }

    @Test
    void everyHostileTextInTheRegistrationFormIsKeptExactlyOrRefusedAtItsField() {
        LongSupplier rows = () -> written("mchs.officer");
        HostileForms.text("registration", "member.0.familyName", 100, false,
                v -> member(draft(f -> withMember(f, 0, m -> named(m, v, m.givenName(), null))), 0, "family_name"), rows);
        HostileForms.text("registration", "member.0.givenName", 100, false,
                v -> member(draft(f -> withMember(f, 0, m -> named(m, m.familyName(), v, null))), 0, "given_name"), rows);
        HostileForms.text("registration", "member.1.patronymic", 100, false,
                v -> member(draft(f -> withMember(f, 1, m -> named(m, m.familyName(), m.givenName(), v))), 1,
                        "patronymic"), rows);
        HostileForms.text("registration", "address", 200, true, v -> {
            long id = draft(f -> new RegistrationForm(f.originSettlementId(), f.currentSettlementId(), v,
                    f.displacedOn(), f.phone(), false, true, f.vulnerabilities(), f.members()));
            return jdbc.queryForObject("SELECT current_address FROM household WHERE id = ?", String.class, id);
        }, rows);
        HostileForms.formatted("registration", "phone", v -> {
            long id = draft(f -> new RegistrationForm(f.originSettlementId(), f.currentSettlementId(),
                    f.currentAddress(), f.displacedOn(), v, false, true, f.vulnerabilities(), f.members()));
            return jdbc.queryForObject("SELECT phone FROM household WHERE id = ?", String.class, id);
        }, rows, String::strip);
        HostileForms.formatted("registration", "member.0.documentNumber", v -> {
            long id = draft(f -> withMember(f, 0, m -> new MemberForm(null, m.familyName(), m.givenName(), null,
                    m.sex(), m.birthDate(), false, m.relation(), DocumentType.OTHER, v, m.vulnerabilities())));
            return member(id, 0, "document_number");
        }, rows, String::strip);
        assertThat(HostileInput.count("registration")).isGreaterThan(6 * HostileInput.TEXTS.size());
    }

    @Test
    void hostileTextsTypedWhileRegisteringFindDuplicatesWithoutFailing() {
        for (var t : HostileForms.cases(100)) {
            RegistrationForm form = withMember(families.form(1, families.receptionPoint()), 0,
                    m -> named(m, t.value(), t.value(), t.value()));
            List<DuplicateCandidate> found = signIn.run("mchs.officer", () -> registry.possibleDuplicates(form, null));
            assertThat(found).as(t.name()).isNotNull();
            HostileInput.counted("registration duplicate check (filter)");
        }
    }

    @Test
    void aSupervisorsReasonAndAnOfficersJustificationAreKeptExactlyOrRefused() {
        long household = families.submitted("mchs.officer", families.form(2, families.receptionPoint())).id();
        LongSupplier decisions = () -> jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM approval_request WHERE "
                + "subject_id = ? AND status <> 'PENDING') + (SELECT COUNT(*) FROM audit_event WHERE actor = "
                + "'mchs.supervisor')", Long.class, household);
        HostileForms.text("approval decision", "reason", 500, true, v -> {
            ApprovalView request = pending(household);
            ApprovalView decided = signIn.run("mchs.supervisor", () -> approvals.reject(request.id(), request.version(),
                    v));
            assertThat(decided.status()).isEqualTo(ApprovalStatus.REJECTED);
            HouseholdDetails rejected = signIn.run("mchs.officer", () -> registry.get(household));
            signIn.run("mchs.officer", () -> registry.submit(household, rejected.version(), null));
            return jdbc.queryForObject("SELECT decision_reason FROM approval_request WHERE id = ?", String.class,
                    request.id());
        }, decisions);

        // a family registered twice on purpose: submitting the second asks why it is a different family
        RegistrationForm first = families.form(1, families.receptionPoint());
        families.registered("mchs.officer", "mchs.supervisor", first);
        long twin = signIn.run("mchs.officer", () -> registry.saveDraft(first)).id();
        LongSupplier submissions = () -> jdbc.queryForObject("SELECT COUNT(*) FROM approval_request WHERE subject_id "
                + "= ?", Long.class, twin) + written("mchs.officer");
        HostileForms.text("registration", "justification", 1000, true, v -> {
            HouseholdDetails draft = signIn.run("mchs.officer", () -> registry.get(twin));
            signIn.run("mchs.officer", () -> registry.submit(twin, draft.version(), v));
            String kept = jdbc.queryForObject("SELECT duplicate_justification FROM household WHERE id = ?",
                    String.class, twin);
            sendBack(pending(twin));
            return kept;
        }, submissions);
    }

    private ApprovalView pending(long household) {
        return signIn.run("mchs.supervisor", () -> approvals.requestsFor(HouseholdRegistry.APPROVAL_KIND, household))
                .stream().filter(r -> r.status() == ApprovalStatus.PENDING).findFirst().orElseThrow();
    }

    /** Sends a request back, so that the next case can submit again. */
    private void sendBack(ApprovalView request) {
        signIn.run("mchs.supervisor", () -> approvals.reject(request.id(), request.version(), "Next case"));
    }

    @Test
    void theHouseholdListsFiltersAnswerEveryHostileTextWithASaneResult() {
        signIn.as("mchs.officer");
        long all = registry.count(HouseholdFilter.none());
        for (var t : HostileForms.cases(100)) {
            HouseholdFilter text = HouseholdFilter.text(t.value());
            long count = registry.count(text);
            int page = registry.find(text, PageRequest.of(0, 20)).getContent().size();
            assertThat(count).as(t.name()).isBetween(0L, all);
            assertThat(page).as(t.name()).isEqualTo((int) Math.min(20, count));
            HouseholdFilter agency = new HouseholdFilter(null, null, null, null, null, t.value());
            assertThat(registry.count(agency)).as("agency " + t.name()).isZero();
            assertThat(registry.find(agency, PageRequest.of(0, 20)).getContent()).as("agency " + t.name()).isEmpty();
            HostileInput.counted("household list filters");
            HostileInput.counted("household list filters");
        }
        for (Long id : new Long[]{-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            HouseholdFilter places = new HouseholdFilter(null, id, id, null, null, null);
            assertThat(registry.count(places)).as("place %d", id).isZero();
            assertThat(registry.find(places, PageRequest.of(0, 20)).getContent()).as("place %d", id).isEmpty();
            HostileInput.counted("household list filters");
        }
        assertThat(registry.count(HouseholdFilter.text("' OR '1'='1"))).isLessThan(all);
        // a text without a letter or a digit holds nothing to search for: the list stays as it is, unfiltered
        assertThat(registry.count(HouseholdFilter.text("%"))).isEqualTo(all);
        assertThat(registry.count(HouseholdFilter.text("%_%"))).isEqualTo(all);
    }
}
