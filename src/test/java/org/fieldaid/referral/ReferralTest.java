package org.fieldaid.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fieldaid.audit.AuditEntry;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberView;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Referrals through the service as the people who make them: the state machine and who may move it, consent and
 * the partner's refusal without it, the preview, the household read that an accepted referral grants and that ends
 * with it, sensitive needs, conflicts, and the overdue rule on a clock the test moves.
 */
@IntegrationTest
class ReferralTest {

    @Autowired Referrals referrals;
    @Autowired HouseholdRegistry registry;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void tidy() {
        clock.reset();
        signIn.out();
    }

    /** A registered family not shared with partners, with no referral yet. */
    private long family() {
        return jdbc.queryForList("SELECT h.id FROM household h WHERE h.status = 'REGISTERED' "
                + "AND h.consent_share_partners = FALSE AND h.member_count >= 2 AND NOT EXISTS (SELECT 1 FROM referral r "
                + "WHERE r.household_id = h.id) ORDER BY h.id DESC", Long.class).getFirst();
    }

    private ReferralForm form(String sender, long household, ServiceKind service, String to, Urgency urgency,
                              Boolean consent) {
        HouseholdDetails h = signIn.run(sender, () -> registry.get(household));
        MemberView member = h.members().getLast();
        return new ReferralForm(household, Set.of(member.id()), service, to, urgency, null, "Needs a check",
                consent, Boolean.TRUE.equals(consent) ? h.members().getFirst().id() : null);
    }

    private ReferralRow send(String sender, ReferralForm form) {
        return signIn.run(sender, () -> referrals.send(form));
    }

    private List<String> actions(String reader, long id) {
        return signIn.run(reader, () -> referrals.history(id)).stream().map(AuditEntry::action).toList();
    }

    @Test
    void aReferralGoesFromSentToAcceptedToCompletedAndEveryStepIsAudited() {
        long family = family();
        ReferralRow sent = send("mchs.officer", form("mchs.officer", family, ServiceKind.HEALTH_CHECK, "HEALTH",
                Urgency.ROUTINE, true));
        assertThat(sent.status()).isEqualTo(ReferralStatus.SENT);
        assertThat(sent.fromAgency()).isEqualTo("MCHS");
        ReferralRow accepted = signIn.run("health.officer", () -> referrals.accept(sent.id(), sent.version()));
        assertThat(accepted.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(accepted.acceptedBy()).isEqualTo("health.officer");
        ReferralRow done = signIn.run("health.officer", () -> referrals.complete(accepted.id(), accepted.version(),
                Outcome.SERVICE_GIVEN, "Seen at the polyclinic"));
        assertThat(done.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(done.outcome()).isEqualTo(Outcome.SERVICE_GIVEN);

        ReferralRow seenBySender = signIn.run("mchs.officer", () -> referrals.referralsOf(family)).getFirst();
        assertThat(seenBySender.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(seenBySender.outcomeNote()).isEqualTo("Seen at the polyclinic");
        assertThat(actions("mchs.officer", sent.id())).containsExactly("REFERRAL_SENT", "REFERRAL_CONSENT_GIVEN",
                "REFERRAL_ACCEPTED", "REFERRAL_COMPLETED");
    }

    @Test
    void aCompletedReferralCannotBeRevokedOrCompletedAgain() {
        ReferralRow sent = send("mchs.officer", form("mchs.officer", family(), ServiceKind.HEALTH_CHECK, "HEALTH",
                Urgency.ROUTINE, true));
        assertThatThrownBy(() -> signIn.run("health.officer", () -> referrals.complete(sent.id(), sent.version(),
                Outcome.SERVICE_GIVEN, null))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsKey("status"));
        ReferralRow accepted = signIn.run("health.officer", () -> referrals.accept(sent.id(), sent.version()));
        ReferralRow done = signIn.run("health.officer", () -> referrals.complete(accepted.id(), accepted.version(),
                Outcome.NOT_REACHABLE, null));
        assertThatThrownBy(() -> signIn.run("mchs.officer", () -> referrals.revoke(done.id(), done.version(),
                "too late"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> signIn.run("health.officer", () -> referrals.complete(done.id(), done.version(),
                Outcome.SERVICE_GIVEN, null))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDeclineNeedsAReasonAndTheSenderSeesIt() {
        ReferralRow sent = send("mchs.officer", form("mchs.officer", family(), ServiceKind.PSYCHOSOCIAL_SUPPORT,
                "HEALTH", Urgency.ROUTINE, true));
        assertThatThrownBy(() -> signIn.run("health.officer", () -> referrals.decline(sent.id(), sent.version(),
                "  "))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsKey("reason"));
        signIn.run("health.officer", () -> referrals.decline(sent.id(), sent.version(), "No psychologist this month"));
        ReferralRow seen = signIn.run("mchs.officer", () -> referrals.referral(sent.id()));
        assertThat(seen.status()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(seen.declineReason()).isEqualTo("No psychologist this month");
    }

    @Test
    void aPartnerOrganisationIsRefusedAReferralWithoutConsentByTheServer() {
        long family = family();
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM referral", Long.class);
        assertThatThrownBy(() -> send("mchs.officer", form("mchs.officer", family, ServiceKind.FAMILY_TRACING,
                "PARTNER", Urgency.ROUTINE, false))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get("consent"))
                        .containsExactly("referral.error.consent-required"));
        assertThatThrownBy(() -> send("mchs.officer", form("mchs.officer", family, ServiceKind.FAMILY_TRACING,
                "PARTNER", Urgency.ROUTINE, null))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsKey("consent"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM referral", Long.class)).as("nothing written")
                .isEqualTo(before);
        // a ministry that reads the registry under its own mandate may be told without it, and that is recorded
        ReferralRow ministry = send("mchs.officer", form("mchs.officer", family, ServiceKind.HEALTH_CHECK, "HEALTH",
                Urgency.ROUTINE, false));
        assertThat(ministry.consentGiven()).isFalse();
        assertThat(actions("mchs.officer", ministry.id())).contains("REFERRAL_CONSENT_NOT_GIVEN");
    }

    @Test
    void theConsentIsRecordedWithWhoGaveItForWhichAgencyAndPurpose() {
        long family = family();
        ReferralForm form = form("mchs.officer", family, ServiceKind.FAMILY_TRACING, "PARTNER", Urgency.ROUTINE, true);
        String giver = signIn.run("mchs.officer", () -> registry.get(family)).members().getFirst().fullName();
        ReferralRow sent = send("mchs.officer", form);
        assertThat(sent.consentGiven()).isTrue();
        assertThat(sent.consentGivenBy()).isEqualTo(giver);
        assertThat(sent.toAgency()).isEqualTo("PARTNER");
        assertThat(sent.consentPurpose()).isEqualTo("FAMILY_TRACING");
        List<AuditEntry> history = signIn.run("mchs.officer", () -> referrals.history(sent.id()));
        assertThat(history).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("REFERRAL_CONSENT_GIVEN");
            assertThat(e.summary()).contains(giver, "PARTNER", "FAMILY_TRACING");
            assertThat(e.actor()).isEqualTo("mchs.officer");
        });
    }

    @Test
    void beforeAcceptingTheReceiverSeesThePreviewAndNothingMore() {
        long family = family();
        ReferralRow sent = send("mchs.officer", form("mchs.officer", family, ServiceKind.FAMILY_TRACING, "PARTNER",
                Urgency.URGENT, true));
        ReferralRow preview = signIn.run("partner.officer", () -> referrals.referral(sent.id()));
        assertThat(preview.preview()).isTrue();
        assertThat(preview.service()).isEqualTo(ServiceKind.FAMILY_TRACING);
        assertThat(preview.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(preview.members()).hasSize(1).allSatisfy(m -> {
            assertThat(m.fullName()).isNotBlank();
            assertThat(m.personId()).isNull();
        });
        assertThat(preview.householdId()).isNull();
        assertThat(preview.registrationNumber()).isNull();
        assertThat(preview.headName()).isNull();
        assertThat(preview.note()).isNull();
        assertThat(preview.consentGivenBy()).isNull();
        assertThat(signIn.run("partner.officer", () -> referrals.list(ReferralQuery.received(ReferralStatus.SENT), 0,
                500)).stream().filter(r -> r.id() == sent.id()).findFirst().orElseThrow().registrationNumber()).isNull();
        assertThatThrownBy(() -> signIn.run("partner.officer", () -> registry.get(family)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> signIn.run("partner.officer", () -> referrals.history(sent.id())))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(signIn.run("partner.officer", () -> referrals.referralsOf(family))).as("the household's tab")
                .isEmpty();
    }

    @Test
    void anAcceptedReferralOpensTheHouseholdWithinTheCapabilityUntilItIsCompleted() {
        long family = family();
        ReferralRow sent = send("mchs.officer", form("mchs.officer", family, ServiceKind.FAMILY_TRACING, "PARTNER",
                Urgency.ROUTINE, true));
        ReferralRow accepted = signIn.run("partner.officer", () -> referrals.accept(sent.id(), sent.version()));
        assertThat(accepted.preview()).isFalse();
        assertThat(accepted.householdId()).isEqualTo(family);
        HouseholdDetails opened = signIn.run("partner.officer", () -> registry.get(family));
        assertThat(opened.id()).isEqualTo(family);
        assertThat(opened.sensitiveShown()).as("a partner never sees health and protection details").isFalse();
        assertThat(opened.members()).allSatisfy(m -> assertThat(m.vulnerabilities()).noneMatch(Vulnerability::sensitive));
        assertThat(signIn.run("partner.analyst", () -> registry.maySee(family))).as("the partner's other staff too")
                .isTrue();
        assertThat(signIn.run("mod.officer", () -> referrals.referralsOf(family))).as("not a party").isEmpty();

        signIn.run("partner.officer", () -> referrals.complete(accepted.id(), accepted.version(),
                Outcome.REFERRED_ON, null));
        assertThatThrownBy(() -> signIn.run("partner.officer", () -> registry.get(family)))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void aRevokedOrDeclinedReferralGrantsNothing() {
        long family = family();
        ReferralRow sent = send("mchs.officer", form("mchs.officer", family, ServiceKind.FAMILY_TRACING, "PARTNER",
                Urgency.ROUTINE, true));
        ReferralRow accepted = signIn.run("partner.officer", () -> referrals.accept(sent.id(), sent.version()));
        assertThat(signIn.run("partner.officer", () -> registry.maySee(family))).isTrue();
        signIn.run("mchs.supervisor", () -> referrals.revoke(accepted.id(), accepted.version(), "Family moved abroad"));
        assertThat(signIn.run("partner.officer", () -> registry.maySee(family))).isFalse();

        ReferralRow again = send("mchs.officer", form("mchs.officer", family, ServiceKind.LEGAL_AID, "PARTNER",
                Urgency.ROUTINE, true));
        signIn.run("partner.officer", () -> referrals.decline(again.id(), again.version(), "Not our caseload"));
        assertThat(signIn.run("partner.officer", () -> registry.maySee(family))).isFalse();
    }

    @Test
    void onlyTheReceivingAgencyAnswersAndOnlyTheSenderOrTheirSupervisorRevokes() {
        ReferralRow sent = send("mchs.officer", form("mchs.officer", family(), ServiceKind.HEALTH_CHECK, "HEALTH",
                Urgency.ROUTINE, true));
        assertThatThrownBy(() -> signIn.run("mchs.supervisor", () -> referrals.accept(sent.id(), sent.version())))
                .as("the sender's own agency").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signIn.run("mod.officer", () -> referrals.referral(sent.id())))
                .as("an agency it is not between").isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> signIn.run("health.officer", () -> referrals.revoke(sent.id(), sent.version(), "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signIn.run("mchs.supervisor", () -> referrals.revoke(sent.id(), sent.version(), "")))
                .isInstanceOf(InvalidInputException.class);
        ReferralRow revoked = signIn.run("mchs.supervisor", () -> referrals.revoke(sent.id(), sent.version(),
                "Duplicate of another referral"));
        assertThat(revoked.status()).isEqualTo(ReferralStatus.REVOKED);
        assertThat(revoked.revokedBy()).isEqualTo("mchs.supervisor");
    }

    @Test
    void twoPeopleActingAtOnceGetAClearConflictAndNothingOfTheSecondIsApplied() {
        ReferralRow sent = send("mchs.officer", form("mchs.officer", family(), ServiceKind.HEALTH_CHECK, "HEALTH",
                Urgency.ROUTINE, true));
        signIn.run("health.officer", () -> referrals.accept(sent.id(), sent.version()));
        assertThatThrownBy(() -> signIn.run("health.supervisor", () -> referrals.decline(sent.id(), sent.version(),
                "Seen elsewhere"))).isInstanceOf(InvalidInputException.class);
        ReferralRow now = signIn.run("health.officer", () -> referrals.referral(sent.id()));
        assertThatThrownBy(() -> signIn.run("mchs.officer", () -> referrals.revoke(sent.id(), sent.version(),
                "Changed my mind"))).isInstanceOf(ConcurrentEditException.class);
        assertThat(signIn.run("health.officer", () -> referrals.referral(sent.id())).version())
                .isEqualTo(now.version());
        assertThat(now.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(now.declineReason()).isNull();
    }

    @Test
    void aSensitiveNeedGoesOnlyToAnAgencyAllowedToSeeIt() {
        long family = family();
        ReferralForm base = form("health.officer", family, ServiceKind.SHELTER_REPAIR, "MCHS", Urgency.ROUTINE, true);
        ReferralForm sensitive = new ReferralForm(base.householdId(), base.personIds(), base.service(),
                base.toAgency(), base.urgency(), Vulnerability.CHRONIC_ILLNESS, base.note(), true,
                base.consentGivenBy());
        assertThatThrownBy(() -> send("health.officer", sensitive)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get("need"))
                        .containsExactly("referral.error.need-not-allowed"));
        ReferralForm toHealth = new ReferralForm(family, base.personIds(), ServiceKind.HEALTH_CHECK, "HEALTH",
                Urgency.ROUTINE, Vulnerability.PREGNANT, null, true, base.consentGivenBy());
        assertThatThrownBy(() -> send("mchs.officer", toHealth)).as("the sender may not record it either")
                .isInstanceOf(AccessDeniedException.class);
        ReferralRow open = send("health.officer", new ReferralForm(family, base.personIds(), ServiceKind.SHELTER_REPAIR,
                "MCHS", Urgency.ROUTINE, Vulnerability.LOST_HOME, null, true, base.consentGivenBy()));
        assertThat(signIn.run("mchs.officer", () -> referrals.accept(open.id(), open.version())).need())
                .isEqualTo(Vulnerability.LOST_HOME);
    }

    @Test
    void everyProblemOfTheFormIsReportedAtOnceAndNothingIsWritten() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM referral", Long.class);
        InvalidInputException problem = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> send("mchs.officer", new ReferralForm(family(), Set.of(), null, null, null, null,
                        "x".repeat(1001), null, null)));
        assertThat(problem.problems()).containsKeys("members", "agency", "service", "urgency", "note", "consent");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM referral", Long.class)).isEqualTo(before);
    }

    @Test
    void aReferralGoesOnlyToAnotherAgencyThatOffersTheServiceAndOnlyOnceWhileOpen() {
        long family = family();
        assertThatThrownBy(() -> send("mchs.officer", form("mchs.officer", family, ServiceKind.SHELTER_REPAIR, "HEALTH",
                Urgency.ROUTINE, true))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get("service"))
                        .containsExactly("referral.error.not-offered"));
        assertThatThrownBy(() -> send("mchs.officer", form("mchs.officer", family, ServiceKind.SHELTER_REPAIR, "MCHS",
                Urgency.ROUTINE, true))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get("agency"))
                        .containsExactly("referral.error.own-agency"));
        send("mchs.officer", form("mchs.officer", family, ServiceKind.HEALTH_CHECK, "HEALTH", Urgency.ROUTINE, true));
        assertThatThrownBy(() -> send("mchs.officer", form("mchs.officer", family, ServiceKind.HEALTH_CHECK, "HEALTH",
                Urgency.ROUTINE, true))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get("service"))
                        .containsExactly("referral.error.already-open"));
    }

    @Test
    void anAdministratorSetsTheServicesAndAConflictingEditIsRefused() {
        Set<ServiceKind> health = signIn.run("admin", () -> referrals.agencyServices()).stream()
                .filter(a -> a.agencyCode().equals("HEALTH")).findFirst().orElseThrow().services();
        Set<ServiceKind> more = EnumSet.copyOf(health);
        more.add(ServiceKind.LEGAL_AID);
        try {
            AgencyServices changed = signIn.run("admin", () -> referrals.setServices("HEALTH", health, more));
            assertThat(changed.services()).contains(ServiceKind.LEGAL_AID);
            assertThatThrownBy(() -> signIn.run("admin", () -> referrals.setServices("HEALTH", health, health)))
                    .as("saved over a change made meanwhile").isInstanceOf(ConcurrentEditException.class);
            assertThatThrownBy(() -> signIn.run("admin", () -> referrals.setServices("BORDER", Set.of(),
                    Set.of(ServiceKind.LEGAL_AID)))).isInstanceOf(InvalidInputException.class);
            assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE entity_type = 'AGENCY' "
                    + "AND entity_id = 'HEALTH' ORDER BY id DESC", String.class).getFirst())
                    .isEqualTo("AGENCY_SERVICES_CHANGED");
        } finally {
            signIn.run("admin", () -> referrals.setServices("HEALTH", more, health));
        }
    }

    @Test
    void anUrgentReferralNotAcceptedWithinADayIsFlaggedToTheSendingSupervisor() {
        long overdueBefore = signIn.run("mchs.supervisor", () -> referrals.overdueSent());
        ReferralRow urgent = send("mchs.officer", form("mchs.officer", family(), ServiceKind.HEALTH_CHECK, "HEALTH",
                Urgency.URGENT, true));
        ReferralRow routine = send("mchs.officer", form("mchs.officer", family(), ServiceKind.HEALTH_CHECK, "HEALTH",
                Urgency.ROUTINE, true));
        ReferralRow taken = send("mchs.officer", form("mchs.officer", family(), ServiceKind.HEALTH_CHECK, "HEALTH",
                Urgency.URGENT, true));
        signIn.run("health.officer", () -> referrals.accept(taken.id(), taken.version()));
        clock.advance(Duration.ofHours(23));
        assertThat(signIn.run("mchs.officer", () -> referrals.referral(urgent.id())).overdue()).isFalse();
        assertThat(signIn.run("mchs.supervisor", () -> referrals.overdueSent())).isEqualTo(overdueBefore);

        clock.advance(Duration.ofHours(2));
        assertThat(signIn.run("mchs.officer", () -> referrals.referral(urgent.id())).overdue()).isTrue();
        assertThat(signIn.run("mchs.officer", () -> referrals.referral(routine.id())).overdue()).isFalse();
        assertThat(signIn.run("mchs.officer", () -> referrals.referral(taken.id())).overdue()).isFalse();
        // every urgent referral of the agency still waiting is past its day now, those of other tests too
        long flagged = signIn.run("mchs.supervisor", () -> referrals.overdueSent());
        assertThat(flagged).isGreaterThan(overdueBefore);
        assertThat(signIn.run("mchs.supervisor", () -> referrals.list(ReferralQuery.sent(null).overdue(), 0, 500))
                .stream().map(ReferralRow::id)).contains(urgent.id()).doesNotContain(routine.id(), taken.id());
        assertThat(signIn.run("health.officer", () -> referrals.list(ReferralQuery.received(null).overdue(), 0, 500))
                .stream().map(ReferralRow::id)).contains(urgent.id());
        List<ReferralRow> waiting = signIn.run("health.officer", () -> referrals.list(
                ReferralQuery.received(ReferralStatus.SENT), 0, 500));
        assertThat(waiting.stream().map(ReferralRow::id)).as("the newer routine one is listed after the overdue one")
                .containsSubsequence(urgent.id(), routine.id());
        int firstOnTime = waiting.stream().map(ReferralRow::overdue).toList().indexOf(false);
        assertThat(waiting.subList(Math.max(firstOnTime, 0), waiting.size())).as("overdue referrals come first")
                .noneMatch(ReferralRow::overdue);
        assertThatThrownBy(() -> signIn.run("mchs.officer", () -> referrals.overdueSent()))
                .as("the flag is the supervisor's").isInstanceOf(AccessDeniedException.class);

        signIn.run("health.officer", () -> referrals.accept(urgent.id(), urgent.version()));
        assertThat(signIn.run("mchs.supervisor", () -> referrals.overdueSent())).isEqualTo(flagged - 1);
    }
}
