package org.fieldaid.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whose decision (decision 027): a supervisor decides the requests of their own agency, the inbox shows only
 * those, and of two supervisors deciding one request at once one wins and the other is told. Run on PostgreSQL
 * ({@link ApprovalDecisionTest}) and on H2 ({@link ApprovalDecisionH2OwnContextTest}).
 */
abstract class ApprovalDecisionContract {

    /** Every demo account; only the registering agency's supervisors may decide its registrations. */
    private static final List<String> DEMO_USERS = List.of("admin", "mchs.officer", "mchs.supervisor",
            "mchs.supervisor2", "mod.officer", "mod.supervisor", "border.officer", "mfa.analyst", "mfa.coordinator",
            "health.officer", "health.supervisor", "partner.analyst");
    private static final Set<String> APPROVERS = Set.of("mchs.supervisor", "mchs.supervisor2", "mod.supervisor",
            "health.supervisor");

    @Autowired Approvals approvals;
    @Autowired HouseholdRegistry registry;
    @Autowired Settlements settlements;
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

    @Test
    void onlyTheRegisteringAgencysSupervisorsSeeAndDecideARegistration() {
        long mchsRequest = submittedRegistration("mchs.officer");
        long healthRequest = submittedRegistration("health.officer");

        for (String user : DEMO_USERS) {
            signIn.as(user);
            boolean mchs = user.startsWith("mchs.supervisor");
            boolean health = user.equals("health.supervisor");
            if (!APPROVERS.contains(user)) {
                assertThatThrownBy(() -> approvals.inbox(new InboxFilter(null, null), PageRequest.of(0, 10)))
                        .as(user).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> approvals.approve(mchsRequest, 0)).as(user)
                        .isInstanceOf(AccessDeniedException.class);
                continue;
            }
            assertThat(inboxIds()).as(user + " sees the MCHS registration").matches(ids -> ids.contains(mchsRequest) == mchs);
            assertThat(inboxIds()).as(user + " sees the HEALTH registration")
                    .matches(ids -> ids.contains(healthRequest) == health);
            if (!mchs) {
                assertThatThrownBy(() -> approvals.approve(mchsRequest, 0)).as(user)
                        .isInstanceOf(RecordNotFoundException.class);
                assertThatThrownBy(() -> approvals.reject(mchsRequest, 0, "not ours")).as(user)
                        .isInstanceOf(RecordNotFoundException.class);
                assertThatThrownBy(() -> approvals.get(mchsRequest)).as(user).isInstanceOf(RecordNotFoundException.class);
            }
            if (!health) {
                assertThatThrownBy(() -> approvals.approve(healthRequest, 0)).as(user)
                        .isInstanceOf(RecordNotFoundException.class);
            }
        }
        assertThat(status(mchsRequest)).as("nobody outside MCHS changed it").isEqualTo("PENDING");
        assertThat(decisionRows(mchsRequest)).isZero();

        signIn.as("health.supervisor");
        approvals.approve(healthRequest, 0);
        assertThat(status(healthRequest)).isEqualTo("APPROVED");
        assertThat(decisionRows(healthRequest)).isEqualTo(1);
    }

    @Test
    void theInboxCountIsTheOwnAgencysPendingRequestsOfTheDecidableKinds() {
        submittedRegistration("mchs.officer");
        submittedRegistration("health.officer");
        for (String supervisor : APPROVERS) {
            signIn.as(supervisor);
            List<String> kinds = approvals.decidableKinds().stream().map(ApprovalKind::code).toList();
            String agency = jdbc.queryForObject("SELECT a.code FROM app_user u JOIN agency a ON a.id = u.agency_id"
                    + " WHERE u.username = ?", String.class, supervisor);
            long expected = 0;
            for (String kind : kinds) {
                expected += jdbc.queryForObject("SELECT count(*) FROM approval_request WHERE status = 'PENDING'"
                        + " AND agency_code = ? AND kind = ?", Long.class, agency, kind);
            }
            assertThat(approvals.countInbox(new InboxFilter(null, null))).as(supervisor).isEqualTo(expected);
        }
    }

    @Test
    void everyDeclaredKindIsDecidedWithinTheRequestingAgency() {
        for (String supervisor : APPROVERS) {
            List<ApprovalKind> kinds = signIn.run(supervisor, approvals::decidableKinds);
            assertThat(kinds).as(supervisor).isNotEmpty().allSatisfy(k -> assertThat(k.withinAgency()).isTrue());
        }
    }

    @Test
    void twoSupervisorsDecidingOneRequestAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        for (int round = 0; round < 3; round++) {
            long request = submittedRegistration("mchs.officer");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Object> approve = pool.submit(decision("mchs.supervisor", start,
                        () -> approvals.approve(request, 0)));
                Future<Object> reject = pool.submit(decision("mchs.supervisor2", start,
                        () -> approvals.reject(request, 0, "Address could not be confirmed")));
                start.countDown();
                List<Object> outcomes = List.of(approve.get(60, TimeUnit.SECONDS), reject.get(60, TimeUnit.SECONDS));

                assertThat(outcomes).filteredOn(ApprovalView.class::isInstance).hasSize(1);
                assertThat(outcomes).filteredOn(AlreadyDecided.class::isInstance).singleElement()
                        .satisfies(told -> assertThat(((AlreadyDecided) told).request().decidedBy())
                                .isIn("mchs.supervisor", "mchs.supervisor2"));
                ApprovalView winner = (ApprovalView) outcomes.stream().filter(ApprovalView.class::isInstance)
                        .findFirst().orElseThrow();
                assertThat(status(request)).isEqualTo(winner.status().name());
                assertThat(decisionRows(request)).as("one decision in the audit log").isEqualTo(1);
                long household = jdbc.queryForObject("SELECT subject_id FROM approval_request WHERE id = ?",
                        Long.class, request);
                assertThat(jdbc.queryForObject("SELECT status FROM household WHERE id = ?", String.class, household))
                        .isEqualTo(winner.status() == ApprovalStatus.APPROVED ? HouseholdStatus.REGISTERED.name()
                                : HouseholdStatus.REJECTED.name());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private Callable<Object> decision(String supervisor, CountDownLatch start, Callable<ApprovalView> action) {
        return () -> {
            signIn.as(supervisor);
            try {
                start.await();
                return action.call();
            } catch (AlreadyDecided told) {
                return told;
            } finally {
                signIn.out();
            }
        };
    }

    private List<Long> inboxIds() {
        List<Long> ids = new ArrayList<>();
        approvals.inbox(new InboxFilter(null, null), PageRequest.of(0, 100_000)).forEach(r -> ids.add(r.id()));
        return ids;
    }

    private String status(long request) {
        return jdbc.queryForObject("SELECT status FROM approval_request WHERE id = ?", String.class, request);
    }

    private long decisionRows(long request) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE entity_type = 'APPROVAL' AND entity_id = ?"
                + " AND action IN ('APPROVAL_APPROVED', 'APPROVAL_REJECTED')", Long.class, Long.toString(request));
    }

    /** @return the id of the pending registration request */
    private long submittedRegistration(String officer) {
        return signIn.run(officer, () -> {
            HouseholdDetails draft = registry.saveDraft(new RegistrationForm(origin, reception, "School No. 3",
                    LocalDate.of(2020, 10, 15), null, false, true, EnumSet.of(Vulnerability.LOST_HOME),
                    List.of(new MemberForm(null, TestNames.syllables(5), TestNames.syllables(5), null, Sex.FEMALE,
                            LocalDate.of(1960 + ThreadLocalRandom.current().nextInt(40), 3, 3), false, Relation.HEAD,
                            null, null, EnumSet.noneOf(Vulnerability.class)))));
            registry.submit(draft.id(), draft.version(), null);
            return jdbc.queryForObject("SELECT id FROM approval_request WHERE kind = 'REGISTRATION' AND subject_id = ?"
                    + " AND status = 'PENDING'", Long.class, draft.id());
        });
    }
}
