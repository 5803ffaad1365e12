package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.referral.ReferralForm;
import org.fieldaid.referral.ReferralQuery;
import org.fieldaid.referral.Referrals;
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
 * Generated from the permission matrix like {@link AccessControlTest}, for every service call of the referral
 * feature: each demo user is refused exactly where the matrix does not give them the authority. Allowed calls get
 * input that fails validation, names no record, or reads, so nothing changes.
 */
@IntegrationTest
class ReferralAccessTest {

    record Operation(String name, Set<Authority> allOf, Set<Authority> anyOf, Consumer<ReferralAccessTest> call) {
    }

    static final Set<Authority> READ = EnumSet.of(Authority.REFERRAL_READ);
    static final Set<Authority> SEND = EnumSet.of(Authority.REFERRAL_SEND);
    static final Set<Authority> RECEIVE = EnumSet.of(Authority.REFERRAL_RECEIVE);
    static final Set<Authority> NONE = EnumSet.noneOf(Authority.class);
    static final ReferralForm INVALID = new ReferralForm(null, Set.of(), null, null, null, null, null, null, null);

    static final List<Operation> OPERATIONS = List.of(
            op("Referrals.agencyServices", EnumSet.of(Authority.AGENCY_MANAGE, Authority.REFERRAL_READ,
                    Authority.REFERRAL_SEND), t -> t.referrals.agencyServices()),
            op("Referrals.setServices", EnumSet.of(Authority.AGENCY_MANAGE),
                    t -> t.referrals.setServices("NO_SUCH_AGENCY", Set.of(), Set.of())),
            op("Referrals.send", SEND, t -> t.referrals.send(INVALID)),
            op("Referrals.accept", RECEIVE, t -> t.referrals.accept(-1, 0)),
            op("Referrals.decline", RECEIVE, t -> t.referrals.decline(-1, 0, "")),
            op("Referrals.complete", RECEIVE, t -> t.referrals.complete(-1, 0, null, null)),
            op("Referrals.revoke", EnumSet.of(Authority.REFERRAL_SEND, Authority.REFERRAL_SUPERVISE),
                    t -> t.referrals.revoke(-1, 0, "")),
            op("Referrals.referral", READ, t -> t.referrals.referral(-1)),
            op("Referrals.referralsOf", READ, t -> t.referrals.referralsOf(-1)),
            op("Referrals.history", READ, t -> t.referrals.history(-1)),
            op("Referrals.list(sent)", READ, t -> t.referrals.list(ReferralQuery.sent(null), 0, 5)),
            op("Referrals.count(sent)", READ, t -> t.referrals.count(ReferralQuery.sent(null))),
            op("Referrals.list(received)", READ, t -> t.referrals.list(ReferralQuery.received(null), 0, 5)),
            op("Referrals.count(received)", READ, t -> t.referrals.count(ReferralQuery.received(null))),
            op("Referrals.overdueSent", EnumSet.of(Authority.REFERRAL_SUPERVISE), t -> t.referrals.overdueSent()),
            new Operation("Referrals.forEach", READ, EnumSet.of(Authority.EXPORT_PERSONAL, Authority.EXPORT_AGGREGATE),
                    t -> t.referrals.forEach(new ReferralQuery(ReferralQuery.Box.SENT, null, true), r -> {
                    })));

    @Autowired Referrals referrals;
    @Autowired AgencyAdministration agencyAdmin;
    @Autowired SignIn signIn;

    private static Operation op(String name, Set<Authority> anyOf, Consumer<ReferralAccessTest> call) {
        return new Operation(name, NONE, anyOf, call);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @TestFactory
    Stream<DynamicContainer> everyReferralCallIsRefusedExactlyWhereTheMatrixSaysSo() {
        return DemoUsers.ACCOUNTS.stream().map(demo -> {
            Set<Capability> capabilities = signIn.run("admin", () -> agencyAdmin.all().stream()
                    .filter(a -> a.code().equals(demo.agency())).findFirst().orElseThrow().capabilities());
            Set<Authority> granted = PermissionMatrix.authorities(capabilities, demo.roles());
            return DynamicContainer.dynamicContainer(demo.username(), OPERATIONS.stream().map(op -> {
                boolean allowed = granted.containsAll(op.allOf())
                        && (op.anyOf().isEmpty() || op.anyOf().stream().anyMatch(granted::contains));
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
                                        RecordNotFoundException.class, ConcurrentEditException.class);
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
    void anonymousCallersAreRefusedEveryReferralCall() {
        for (Operation op : OPERATIONS) {
            assertThatThrownBy(() -> op.call().accept(this)).as(op.name())
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }
    }

    @Test
    void theMatrixGivesReferralsToWhoMeetsFamiliesAndTakesTheirNeeds() {
        Set<Authority> officer = PermissionMatrix.authorities(EnumSet.of(Capability.REGISTRATION, Capability.AID),
                EnumSet.of(Role.FIELD_OFFICER));
        assertThat(officer).contains(Authority.REFERRAL_SEND, Authority.REFERRAL_RECEIVE, Authority.REFERRAL_READ)
                .doesNotContain(Authority.REFERRAL_SUPERVISE);
        assertThat(PermissionMatrix.authorities(EnumSet.of(Capability.REGISTRATION), EnumSet.of(Role.SUPERVISOR)))
                .contains(Authority.REFERRAL_SUPERVISE);
        Set<Authority> partner = PermissionMatrix.authorities(EnumSet.of(Capability.PARTNER),
                EnumSet.of(Role.FIELD_OFFICER));
        assertThat(partner).contains(Authority.REFERRAL_RECEIVE).doesNotContain(Authority.REFERRAL_SEND,
                Authority.HOUSEHOLD_READ);
        Set<Authority> border = PermissionMatrix.authorities(EnumSet.of(Capability.CHECKPOINT),
                EnumSet.of(Role.FIELD_OFFICER, Role.SUPERVISOR, Role.ANALYST));
        assertThat(border).doesNotContain(Authority.REFERRAL_READ, Authority.REFERRAL_SEND, Authority.REFERRAL_RECEIVE);
        assertThat(PermissionMatrix.authorities(EnumSet.of(Capability.REGISTRATION), EnumSet.of(Role.ANALYST)))
                .contains(Authority.REFERRAL_READ).doesNotContain(Authority.REFERRAL_SEND, Authority.REFERRAL_RECEIVE);
        assertThat(PermissionMatrix.authorities(EnumSet.of(Capability.REGISTRATION), EnumSet.of(Role.ADMIN)))
                .noneMatch(a -> a.code().startsWith("REFERRAL:"));
    }
}
