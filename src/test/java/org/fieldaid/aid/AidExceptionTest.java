package org.fieldaid.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.approval.FourEyesViolation;
import org.fieldaid.approval.InboxFilter;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** A package outside the entitlement: asked for with a reason, decided by another supervisor, then handed over. */
@IntegrationTest
class AidExceptionTest {

    @Autowired Aid aid;
    @Autowired AidStore store;
    @Autowired Approvals approvals;
    @Autowired HouseholdRegistry registry;
    @Autowired TransactionTemplate transactions;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;
    AidFixture fx;

    @BeforeEach
    void fixture() {
        fx = new AidFixture(aid, store, approvals, registry, transactions, signIn, jdbc);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private long registeredHousehold() {
        // a family no other request is about, so that no test waits for another's decision
        return transactions.execute(s -> jdbc.queryForObject("SELECT MIN(h.id) FROM household h WHERE h.status = "
                + "'REGISTERED' AND NOT EXISTS (SELECT 1 FROM aid_exception x WHERE x.household_id = h.id)", Long.class));
    }

    private ExceptionRow ask(String as, long household, long warehouse) {
        return signIn.run(as, () -> aid.requestException(new ExceptionForm(household, fx.type("SHELTER"), 1, warehouse,
                "Fire in the shelter on Monday night")));
    }

    private EntitlementRow entitlementOf(ExceptionRow x) {
        return signIn.run("mchs.officer", () -> aid.entitlementsOf(x.householdId())).stream()
                .filter(e -> e.exceptionId() != null && e.exceptionId() == x.id()).findFirst().orElseThrow();
    }

    @Test
    void anApprovedExceptionReachesTheInboxAndIsThenHandedOverLikeAnEntitlement() {
        long warehouse = fx.warehouse("SHELTER", 3);
        ExceptionRow asked = ask("mchs.officer", registeredHousehold(), warehouse);
        assertThat(asked.status()).isEqualTo(ExceptionStatus.SUBMITTED);
        EntitlementRow pending = entitlementOf(asked);
        assertThat(pending.deliverable()).isFalse();
        assertThatThrownBy(() -> fx.deliver(pending, 1)).isInstanceOf(InvalidInputException.class);

        ApprovalView request = signIn.run("mchs.supervisor", () -> approvals.inbox(new InboxFilter(
                Aid.EXCEPTION_APPROVAL_KIND, null), PageRequest.of(0, 100)).getContent().stream()
                .filter(r -> r.subjectId() == asked.id()).findFirst().orElseThrow());
        signIn.run("mchs.supervisor", () -> approvals.approve(request.id(), request.version()));

        assertThat(signIn.run("mchs.officer", () -> aid.exception(asked.id())).status())
                .isEqualTo(ExceptionStatus.APPROVED);
        EntitlementRow due = entitlementOf(asked);
        assertThat(due.deliverable()).isTrue();
        DeliveryOutcome outcome = fx.deliver(due, 1);
        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.DELIVERED);
        assertThat(store.balance(warehouse, fx.type("SHELTER"))).isEqualTo(2);
        assertThat(fx.audited("AID_EXCEPTION_REQUESTED", asked.id())).isEqualTo(1);
        assertThat(fx.audited("AID_EXCEPTION_APPROVED", asked.id())).isEqualTo(1);
    }

    @Test
    void aRejectedExceptionIsNeverHandedOver() {
        long warehouse = fx.warehouse("SHELTER", 3);
        ExceptionRow asked = ask("mchs.officer", registeredHousehold(), warehouse);
        ApprovalView request = signIn.run("mchs.supervisor",
                () -> approvals.requestsFor(Aid.EXCEPTION_APPROVAL_KIND, asked.id()).getFirst());
        signIn.run("mchs.supervisor", () -> approvals.reject(request.id(), request.version(),
                "Covered by the shelter round next week"));
        EntitlementRow cancelled = entitlementOf(asked);
        assertThat(cancelled.status()).isEqualTo(EntitlementStatus.CANCELLED);
        assertThat(cancelled.deliverable()).isFalse();
        assertThatThrownBy(() -> fx.deliver(cancelled, 1)).isInstanceOf(InvalidInputException.class);
        assertThat(store.balance(warehouse, fx.type("SHELTER"))).isEqualTo(3);
    }

    @Test
    void aSupervisorNeverApprovesTheirOwnExceptionAndAnOfficerDecidesNone() {
        long warehouse = fx.warehouse("SHELTER", 1);
        ExceptionRow asked = ask("mchs.supervisor", registeredHousehold(), warehouse);
        ApprovalView request = signIn.run("mchs.supervisor",
                () -> approvals.requestsFor(Aid.EXCEPTION_APPROVAL_KIND, asked.id()).getFirst());
        signIn.as("mchs.supervisor");
        assertThatThrownBy(() -> approvals.approve(request.id(), request.version()))
                .isInstanceOf(FourEyesViolation.class);
        signIn.as("mchs.officer");
        assertThatThrownBy(() -> approvals.approve(request.id(), request.version()))
                .isInstanceOf(AccessDeniedException.class);
        signIn.run("mchs.supervisor2", () -> approvals.approve(request.id(), request.version()));
        assertThat(entitlementOf(asked).deliverable()).isTrue();
    }

    @Test
    void aBadRequestIsRefusedFieldByFieldAndLeavesNoTrace() {
        long household = registeredHousehold();
        int before = signIn.run("mchs.officer", () -> aid.exceptionsOf(household)).size();
        signIn.as("mchs.officer");
        assertThatThrownBy(() -> aid.requestException(new ExceptionForm(household, null, 0, null, " ")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsOnlyKeys("packageType", "quantity", "warehouse", "reason"));
        assertThatThrownBy(() -> aid.requestException(new ExceptionForm(household, fx.type("MEDICAL"), 21,
                fx.warehouse("MEDICAL", 0), "Many")))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsEntry("quantity", java.util.List.of("aid.error.exception-quantity-too-large")));
        assertThat(signIn.run("mchs.officer", () -> aid.exceptionsOf(household))).hasSize(before);
    }

    @Test
    void aSecondRequestForTheSamePackageWaitsForTheFirstDecision() {
        long household = registeredHousehold();
        long warehouse = fx.warehouse("WINTER", 0);
        signIn.run("mchs.officer", () -> aid.requestException(new ExceptionForm(household, fx.type("WINTER"), 1,
                warehouse, "Newborn in a tent")));
        signIn.as("mchs.officer");
        assertThatThrownBy(() -> aid.requestException(new ExceptionForm(household, fx.type("WINTER"), 1, warehouse,
                "Asked again")))
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .containsEntry("packageType", java.util.List.of("aid.error.exception-pending")));
    }

    @Test
    void officersOfAgenciesWithoutAidCannotAskOrRead() {
        long household = registeredHousehold();
        for (String user : new String[] {"border.officer", "mod.officer"}) {
            signIn.as(user);
            assertThatThrownBy(() -> aid.requestException(new ExceptionForm(household, fx.type("SHELTER"), 1, 1L,
                    "x"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> aid.exceptionsOf(household)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> aid.deliveriesAt(1, java.time.LocalDate.now()))
                    .isInstanceOf(AccessDeniedException.class);
            signIn.out();
        }
    }
}
