package org.fieldaid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.Drafts;
import org.fieldaid.support.HttpBrowser;
import org.fieldaid.support.HttpBrowser.VaadinPage;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SampleRecords;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guessed addresses of every kind of record that has a page, over real HTTP: a record that exists but is not the
 * user's (or behind a page their role does not open) reads exactly like an id that does not exist, the page leaks
 * nothing, and both attempts are in the audit log, read back with SQL. The services' answers to the same guesses:
 * {@code security.GuessedIdsTest}.
 */
@IntegrationTest
class GuessedAddressesHttpTest {

    private static final String MISSING = Long.toString(SampleRecords.MISSING);
    private static final List<String> LEAKS = Stream.concat(DeniedPagesHttpTest.LEAKS.stream(),
            Stream.of("REFERRAL", "JOURNEY", "CONVOY", "AID_")).toList();
    private static final AtomicInteger CASES = new AtomicInteger();

    /**
     * @param existing the address of a record that exists; {@code missing} the same address with an id that does
     *                 not; {@code audited} the audit row each writes: action, entity type and entity id
     */
    record Guess(String user, String what, String existing, String missing, List<String> existingAudit,
                 List<String> missingAudit) {
    }

    @LocalServerPort int port;
    @Autowired HouseholdRegistry registry;
    @Autowired Settlements settlements;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    @AfterAll
    static void printCount() {
        System.out.printf("[access] guessed-address cases over HTTP: %d%n", CASES.get());
    }

    @TestFactory
    Stream<DynamicTest> aGuessedAddressOfEveryKindOfRecordReadsLikeAMissingOneAndIsAudited() {
        SampleRecords r = SampleRecords.find(jdbc, Drafts.saveDraft(signIn, registry, settlements, "mchs.officer"));
        List<Guess> guesses = List.of(
                hidden("partner.analyst", "a partner opens an unconsented household", "households/", r.unconsented(),
                        "HOUSEHOLD"),
                hidden("health.officer", "an officer of another agency edits a draft", "households/", r.draft(),
                        "HOUSEHOLD", "/edit"),
                hidden("mod.officer", "an agency opens a referral it sent none of", "referrals/sent/",
                        r.referralWithoutMod(), "REFERRAL"),
                hidden("partner.officer", "a partner opens a referral to another agency", "referrals/",
                        r.referralWithoutPartner(), "REFERRAL"),
                page("border.officer", "a border officer opens a delivery's receipt", "aid/receipt/" + r.receipt(),
                        "aid/receipt/R-2999-9999999"),
                page("mod.officer", "an officer without aid opens a round", "aid/rounds/" + r.round(),
                        "aid/rounds/" + MISSING),
                page("partner.analyst", "a partner opens an aid exception", "aid/exceptions/" + r.exception(),
                        "aid/exceptions/" + MISSING),
                page("partner.officer", "a partner opens a journey", "journeys/" + r.journey(), "journeys/" + MISSING),
                page("mchs.officer", "an aid officer opens a convoy's manifest",
                        "journeys/convoys/manifest/" + r.convoy(), "journeys/convoys/manifest/" + MISSING),
                missing("mchs.analyst", "an aid analyst guesses a round", "aid/rounds/", "AID_ROUND"),
                missing("mchs.analyst", "an aid analyst guesses an aid exception", "aid/exceptions/", "AID_EXCEPTION"),
                missing("mod.officer", "a journey planner guesses a journey", "journeys/", "JOURNEY"),
                missing("mod.officer", "a convoy officer guesses a convoy", "journeys/convoys/manifest/", "CONVOY"));
        return guesses.stream().map(g -> DynamicTest.dynamicTest(g.what() + " (" + g.user() + ")", () -> check(g)));
    }

    private void check(Guess guess) throws Exception {
        HttpBrowser browser = new HttpBrowser(port).signIn(guess.user());
        long before = lastAuditId();
        VaadinPage existing = browser.open(guess.existing());
        List<Map<String, Object>> existingRows = auditedSince(before, guess.user());
        long between = lastAuditId();
        VaadinPage missing = browser.open(guess.missing());
        List<Map<String, Object>> missingRows = auditedSince(between, guess.user());
        CASES.incrementAndGet();

        assertThat(existing.texts()).contains("This page is not available",
                "The page or record you asked for does not exist, or it is not open to you.");
        assertThat(existing.texts()).as("reads like a missing record").isEqualTo(missing.texts());
        assertThat(existing.raw()).doesNotContain(LEAKS);
        assertThat(missing.raw()).doesNotContain(LEAKS);
        assertThat(existingRows).as("audited: " + guess.existing()).anySatisfy(row -> assertRow(row,
                guess.existingAudit()));
        assertThat(missingRows).as("audited: " + guess.missing()).anySatisfy(row -> assertRow(row,
                guess.missingAudit()));
    }

    private static void assertRow(Map<String, Object> row, List<String> expected) {
        assertThat(List.of(row.get("action"), row.get("entity_type"), row.get("entity_id"))).isEqualTo(expected);
    }

    /** A record behind a page the user opens: the record is refused, as hidden or as missing. */
    private static Guess hidden(String user, String what, String prefix, long id, String type) {
        return hidden(user, what, prefix, id, type, "");
    }

    private static Guess hidden(String user, String what, String prefix, long id, String type, String suffix) {
        return new Guess(user, what, prefix + id + suffix, prefix + MISSING + suffix,
                List.of(DenialAudit.ACCESS_DENIED, type, Long.toString(id)),
                List.of(DenialAudit.NOT_FOUND, type, MISSING));
    }

    /** A record behind a page the user's role does not open: the page is refused, whichever the id. */
    private static Guess page(String user, String what, String existing, String missing) {
        return new Guess(user, what, existing, missing, List.of(DenialAudit.ACCESS_DENIED, "PAGE", "/" + existing),
                List.of(DenialAudit.ACCESS_DENIED, "PAGE", "/" + missing));
    }

    /**
     * A kind of record every reader of the page may see: only a missing id is refused, and it must read and be
     * audited like any refused record; the other address is a page that does not exist.
     */
    private static Guess missing(String user, String what, String prefix, String type) {
        return new Guess(user, what, prefix + MISSING, "no-such-page/" + MISSING,
                List.of(DenialAudit.NOT_FOUND, type, MISSING),
                List.of(DenialAudit.NOT_FOUND, "PAGE", "/no-such-page/" + MISSING));
    }

    private long lastAuditId() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_event", Long.class);
    }

    private List<Map<String, Object>> auditedSince(long id, String user) {
        return jdbc.queryForList("SELECT action, entity_type, entity_id FROM audit_event WHERE id > ? AND actor = ?",
                id, user);
    }
}
