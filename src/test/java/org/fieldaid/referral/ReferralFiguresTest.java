package org.fieldaid.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.fieldaid.report.Dashboard;
import org.fieldaid.report.Report;
import org.fieldaid.report.ReportFilter;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's referral panel counts what independent queries count, by agency, for a coordinator's analyst. */
@IntegrationTest
class ReferralFiguresTest {

    @Autowired Dashboard dashboard;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void theReferralPanelEqualsIndependentCountsForEveryAgencyFilter() {
        signIn.as("mfa.analyst");
        for (String agency : new String[] {null, "MCHS", "HEALTH", "PARTNER"}) {
            Report report = dashboard.report(new ReportFilter(null, null, agency), Locale.ENGLISH);
            String which = agency == null ? "" : " AND (r.from_agency = '" + agency + "' OR r.to_agency = '"
                    + agency + "')";
            long all = jdbc.queryForObject("SELECT COUNT(*) FROM referral r JOIN household h ON h.id = r.household_id"
                    + " WHERE h.status <> 'DRAFT'" + which, Long.class);
            long open = jdbc.queryForObject("SELECT COUNT(*) FROM referral r JOIN household h ON h.id = r.household_id"
                    + " WHERE h.status <> 'DRAFT' AND r.status IN ('SENT', 'ACCEPTED')" + which, Long.class);
            assertThat(report.total("referrals-by-service")).as("all, agency %s", agency).isEqualTo(all);
            assertThat(report.total("referrals-open-by-age")).as("open, agency %s", agency).isEqualTo(open);
        }
        // the demo holds referrals between three agencies in every state (decision 025)
        assertThat(dashboard.report(new ReportFilter(null, null, null), Locale.ENGLISH)
                .total("referrals-by-service")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void anOpenReferralFallsInTheBandOfItsAge() {
        assertThat(ReferralFigures.band(Duration.ofHours(23))).isZero();
        assertThat(ReferralFigures.band(Duration.ofHours(25))).isEqualTo(1);
        assertThat(ReferralFigures.band(Duration.ofDays(3))).isEqualTo(2);
        assertThat(ReferralFigures.band(Duration.ofDays(6).plusHours(23))).isEqualTo(2);
        assertThat(ReferralFigures.band(Duration.ofDays(7))).isEqualTo(3);
    }
}
