package org.fieldaid.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldaid.referral.ReferralStatus.*;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ReferralStatusTest {

    @Test
    void aSentReferralIsAcceptedDeclinedOrRevoked() {
        assertThat(SENT.next()).containsExactlyInAnyOrder(ACCEPTED, DECLINED, REVOKED);
        assertThat(SENT.canMoveTo(COMPLETED)).as("completed without being accepted").isFalse();
    }

    @Test
    void anAcceptedReferralIsCompletedOrRevokedAndNeverDeclined() {
        assertThat(ACCEPTED.next()).containsExactlyInAnyOrder(COMPLETED, REVOKED);
        assertThat(ACCEPTED.canMoveTo(DECLINED)).isFalse();
    }

    @Test
    void declinedCompletedAndRevokedEndItAndCannotBeRevoked() {
        for (ReferralStatus end : EnumSet.of(DECLINED, COMPLETED, REVOKED)) {
            assertThat(end.ended()).as(end.name()).isTrue();
            assertThat(end.canMoveTo(REVOKED)).as(end.name()).isFalse();
        }
        assertThat(SENT.ended()).isFalse();
        assertThat(ACCEPTED.ended()).isFalse();
    }

    @Test
    void onlyAnAcceptedReferralOpensTheHousehold() {
        assertThat(EnumSet.allOf(ReferralStatus.class).stream().filter(ReferralStatus::grantsRead))
                .containsExactly(ACCEPTED);
    }
}
