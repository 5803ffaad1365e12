package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.journey.Checkpoint;
import org.fieldaid.journey.ConvoyForm;
import org.fieldaid.journey.CrossingForm;
import org.fieldaid.journey.JourneyFilter;
import org.fieldaid.journey.JourneyForm;
import org.fieldaid.journey.Journeys;
import org.fieldaid.journey.VehicleForm;
import org.fieldaid.settlement.ReturnStatusForm;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * Generated from the permission matrix like {@link AccessControlTest}, for every service call of the journey
 * feature and of the settlements' return status: each demo user is refused exactly where the matrix does not give
 * them the authority. Allowed calls get input that fails validation or names no record, so nothing changes.
 */
@IntegrationTest
class JourneyAccessTest {

    record Operation(String name, Set<Authority> anyOf, Consumer<JourneyAccessTest> call) {
    }

    static final Set<Authority> READ = EnumSet.of(Authority.JOURNEY_READ);
    static final Set<Authority> PLAN = EnumSet.of(Authority.JOURNEY_PLAN);
    static final Set<Authority> CONVOY = EnumSet.of(Authority.CONVOY_MANAGE);
    static final Set<Authority> ESCORT = EnumSet.of(Authority.CONVOY_MANAGE, Authority.JOURNEY_PLAN);
    static final Set<Authority> APPROVE = EnumSet.of(Authority.JOURNEY_APPROVE);
    static final Set<Authority> BARRIER = EnumSet.of(Authority.CHECKPOINT_LOG);
    static final ConvoyForm INVALID_CONVOY = new ConvoyForm(null, "", "", "", List.of());
    static final JourneyForm INVALID_JOURNEY = new JourneyForm(null, Set.of(), null, null, null);

    static final List<Operation> OPERATIONS = List.of(
            op("Journeys.upcomingConvoys", READ, t -> t.journeys.upcomingConvoys()),
            op("Journeys.bookableConvoys", READ, t -> t.journeys.bookableConvoys(LocalDate.now())),
            op("Journeys.convoy", READ, t -> t.journeys.convoy(-1)),
            op("Journeys.createConvoy", CONVOY, t -> t.journeys.createConvoy(INVALID_CONVOY)),
            op("Journeys.addVehicle", CONVOY, t -> t.journeys.addVehicle(-1, new VehicleForm("", "", 0))),
            op("Journeys.manifest", CONVOY, t -> t.journeys.manifest(-1)),
            op("Journeys.depart", CONVOY, t -> t.journeys.depart(-1, 0)),
            op("Journeys.board", READ, t -> t.journeys.board(JourneyFilter.none(), 0, 5)),
            op("Journeys.count", READ, t -> t.journeys.count(JourneyFilter.none())),
            op("Journeys.journey", READ, t -> t.journeys.journey(-1)),
            op("Journeys.maySee", READ, t -> t.journeys.maySee(-1)),
            op("Journeys.travellers", READ, t -> t.journeys.travellers(-1)),
            op("Journeys.journeysOf", READ, t -> t.journeys.journeysOf(-1)),
            op("Journeys.crossing", READ, t -> t.journeys.crossing(-1)),
            op("Journeys.flaggedApprovedByMe", APPROVE, t -> t.journeys.flaggedApprovedByMe()),
            op("Journeys.plan", PLAN, t -> t.journeys.plan(INVALID_JOURNEY)),
            op("Journeys.submit", PLAN, t -> t.journeys.submit(-1, 0)),
            op("Journeys.abort", ESCORT, t -> t.journeys.abort(-1, 0, "")),
            op("Journeys.confirmArrival", ESCORT, t -> t.journeys.confirmArrival(-1, 0, Set.of())),
            op("Journeys.clearFlag", APPROVE, t -> t.journeys.clearFlag(-1, 0)),
            op("Checkpoint.expectedToday", BARRIER, t -> t.checkpoint.expectedToday()),
            op("Checkpoint.check", BARRIER, t -> t.checkpoint.check(-1, "AN1234567")),
            op("Checkpoint.recordCrossing", BARRIER, t -> t.checkpoint.recordCrossing(
                    new CrossingForm(null, 0, List.of(), List.of(), null))),
            op("Settlements.setReturnStatus", EnumSet.of(Authority.SETTLEMENT_STATUS, Authority.SETTLEMENT_MANAGE),
                    t -> t.settlements.setReturnStatus(-1, 0, new ReturnStatusForm(null, "", null))),
            op("Settlements.get", EnumSet.noneOf(Authority.class), t -> t.settlements.get(-1)),
            op("Settlements.returnStatusHistory", EnumSet.noneOf(Authority.class),
                    t -> t.settlements.returnStatusHistory(-1)));

    @Autowired Journeys journeys;
    @Autowired Checkpoint checkpoint;
    @Autowired Settlements settlements;
    @Autowired AgencyAdministration agencyAdmin;
    @Autowired SignIn signIn;

    private static Operation op(String name, Set<Authority> anyOf, Consumer<JourneyAccessTest> call) {
        return new Operation(name, anyOf, call);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @TestFactory
    Stream<DynamicContainer> everyJourneyCallIsRefusedExactlyWhereTheMatrixSaysSo() {
        return DemoUsers.ACCOUNTS.stream().map(demo -> {
            Set<Capability> capabilities = signIn.run("admin", () -> agencyAdmin.all().stream()
                    .filter(a -> a.code().equals(demo.agency())).findFirst().orElseThrow().capabilities());
            Set<Authority> granted = PermissionMatrix.authorities(capabilities, demo.roles());
            return DynamicContainer.dynamicContainer(demo.username(), OPERATIONS.stream().map(op -> {
                boolean allowed = op.anyOf().isEmpty() || op.anyOf().stream().anyMatch(granted::contains);
                return DynamicTest.dynamicTest(op.name() + (allowed ? " is allowed" : " is refused"), () -> {
                    signIn.as(demo.username());
                    try {
                        if (allowed) {
                            try {
                                op.call().accept(this);
                            } catch (AccessDeniedException e) {
                                throw new AssertionError(op.name() + " was refused", e);
                            } catch (RuntimeException expected) {
                                assertThat(expected).isInstanceOfAny(InvalidInputException.class,
                                        RecordNotFoundException.class);
                            }
                        } else {
                            assertThatThrownBy(() -> op.call().accept(this)).isInstanceOf(AccessDeniedException.class);
                        }
                    } finally {
                        signIn.out();
                    }
                });
            }));
        });
    }

    @Test
    void anonymousCallersAreRefusedEveryJourneyCall() {
        for (Operation op : OPERATIONS) {
            assertThatThrownBy(() -> op.call().accept(this)).as(op.name())
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }
    }

    @Test
    void theCoordinatorSetsReturnStatusAndTheBorderOfficerOnlyChecksTravellers() {
        Set<Authority> coordinator = PermissionMatrix.authorities(EnumSet.of(Capability.COORDINATION),
                EnumSet.of(Role.FIELD_OFFICER));
        assertThat(coordinator).contains(Authority.SETTLEMENT_STATUS).doesNotContain(Authority.SETTLEMENT_MANAGE);
        Set<Authority> border = PermissionMatrix.authorities(EnumSet.of(Capability.CHECKPOINT),
                EnumSet.of(Role.FIELD_OFFICER));
        assertThat(border).contains(Authority.CHECKPOINT_LOG, Authority.JOURNEY_READ)
                .doesNotContain(Authority.HOUSEHOLD_READ, Authority.JOURNEY_PLAN, Authority.CONVOY_MANAGE);
    }
}
