package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fieldaid.aid.Aid;
import org.fieldaid.approval.Approvals;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.journey.Journeys;
import org.fieldaid.referral.Referrals;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.Drafts;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SampleRecords;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Guessed ids of every kind of record, at the services: somebody who may not open a record that exists gets
 * exactly the answer they get for an id that does not exist (the same exception, the same message but for the id),
 * and the call changes nothing. The records are found with SQL, not through the services under test. The pages
 * that show these records answer the same way and audit each attempt: {@code shell.GuessedAddressesHttpTest}.
 */
@IntegrationTest
class GuessedIdsTest {

    private static final AtomicInteger CASES = new AtomicInteger();

    record Case(String kind, String user, String what, String existing, String missing, Function<String, Object> call) {
    }

    @Autowired HouseholdRegistry registry;
    @Autowired Aid aid;
    @Autowired Journeys journeys;
    @Autowired Referrals referrals;
    @Autowired Approvals approvals;
    @Autowired Settlements settlements;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @AfterAll
    static void printCount() {
        System.out.printf("[access] guessed-id cases at the services: %d%n", CASES.get());
    }

    @TestFactory
    Stream<DynamicTest> aRecordThatIsNotTheCallersAnswersExactlyLikeOneThatDoesNotExist() {
        SampleRecords r = SampleRecords.find(jdbc, Drafts.saveDraft(signIn, registry, settlements, "mchs.officer"));
        String m = Long.toString(SampleRecords.MISSING);
        String household = str(r.unconsented());
        String draft = str(r.draft());
        String round = str(r.round());
        String journey = str(r.journey());
        String convoy = str(r.convoy());
        String notMods = str(r.referralWithoutMod());
        String request = str(r.mchsRequest());
        List<Case> cases = List.of(
                new Case("household", "partner.analyst", "a partner opens an unconsented household", household, m,
                        id -> registry.get(Long.parseLong(id))),
                new Case("household", "partner.officer", "a partner reads an unconsented household's history",
                        household, m, id -> registry.history(Long.parseLong(id))),
                new Case("household", "health.officer", "an officer of another agency edits a draft", draft, m,
                        id -> registry.update(Long.parseLong(id), 0, null)),
                new Case("household", "health.officer", "an officer of another agency submits a draft", draft, m,
                        id -> registry.submit(Long.parseLong(id), 0, null)),
                new Case("household", "mod.supervisor", "a supervisor of another agency opens a draft", draft, m,
                        id -> registry.get(Long.parseLong(id))),
                new Case("delivery", "border.officer", "a border officer opens a delivery's receipt", r.receipt(),
                        "R-2999-9999999", aid::receipt),
                new Case("delivery", "mod.supervisor", "a supervisor without aid voids a delivery",
                        str(r.delivery()), m, id -> aid.voidDelivery(Long.parseLong(id), 0, "guess")),
                new Case("round", "mod.officer", "an officer without aid opens a round", round, m,
                        id -> aid.round(Long.parseLong(id))),
                new Case("round", "border.officer", "a border officer submits a round", round, m,
                        id -> aid.submitRound(Long.parseLong(id), 0)),
                new Case("aid exception", "partner.analyst", "a partner opens an aid exception", str(r.exception()),
                        m, id -> aid.exception(Long.parseLong(id))),
                new Case("journey", "partner.officer", "a partner opens a journey", journey, m,
                        id -> journeys.journey(Long.parseLong(id))),
                new Case("journey", "mchs.officer", "an aid officer aborts a journey", journey, m,
                        id -> journeys.abort(Long.parseLong(id), 0, "guess")),
                new Case("convoy", "mchs.officer", "an aid officer opens a convoy", convoy, m,
                        id -> journeys.convoy(Long.parseLong(id))),
                new Case("convoy", "border.officer", "a border officer opens a convoy's manifest", convoy, m,
                        id -> journeys.manifest(Long.parseLong(id))),
                new Case("crossing", "mchs.analyst", "an aid analyst opens a crossing", str(r.crossedJourney()), m,
                        id -> journeys.crossing(Long.parseLong(id))),
                new Case("referral", "mod.officer", "an agency opens a referral between two others", notMods, m,
                        id -> referrals.referral(Long.parseLong(id))),
                new Case("referral", "mod.officer", "an agency reads the history of another's referral", notMods, m,
                        id -> referrals.history(Long.parseLong(id))),
                new Case("referral", "partner.officer", "a partner accepts a referral it is not party to",
                        str(r.referralWithoutPartner()), m, id -> referrals.accept(Long.parseLong(id), 0)),
                new Case("referral", "border.officer", "a border officer opens a referral", notMods, m,
                        id -> referrals.referral(Long.parseLong(id))),
                new Case("approval", "health.supervisor", "a supervisor opens another agency's request", request, m,
                        id -> approvals.get(Long.parseLong(id))),
                new Case("approval", "mod.supervisor", "a supervisor approves another agency's request", request, m,
                        id -> approvals.approve(Long.parseLong(id), 0)));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.kind() + ": " + c.what() + " (" + c.user() + ")",
                () -> check(c)));
    }

    private void check(Case c) {
        long changesBefore = audited();
        signIn.as(c.user());
        Throwable onExisting = catchThrowable(() -> c.call().apply(c.existing()));
        Throwable onMissing = catchThrowable(() -> c.call().apply(c.missing()));
        signIn.out();
        CASES.incrementAndGet();

        assertThat(onExisting).as("refused").isInstanceOfAny(AccessDeniedException.class,
                RecordNotFoundException.class);
        assertThat(onExisting).as("the same kind of answer as for a missing id").hasSameClassAs(onMissing);
        assertThat(onExisting.getMessage().replace(c.existing(), "#"))
                .as("the same message as for a missing id").isEqualTo(onMissing.getMessage().replace(c.missing(), "#"));
        if (onExisting instanceof RecordNotFoundException hidden) {
            assertThat(hidden.existsButHidden()).as("the audit still learns which case it was").isTrue();
            assertThat(((RecordNotFoundException) onMissing).existsButHidden()).isFalse();
        }
        assertThat(audited()).as("a refused call writes nothing").isEqualTo(changesBefore);
    }

    private long audited() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
    }

    private static String str(long id) {
        return Long.toString(id);
    }
}
