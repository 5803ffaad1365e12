package org.fieldaid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fieldaid.security.Authority;
import org.fieldaid.security.FieldAidUser;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every demo user, role by role as the permission matrix makes them: whoever holds REPORT:READ gets the report, and
 * the server refuses everyone else, at the dashboard's service and at each feature's figures.
 */
@IntegrationTest
class ReportAccessTest {

    @Autowired Dashboard dashboard;
    @Autowired List<FigureSource> sources;
    @Autowired List<PlaceFigures> places;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void reportReadersGetTheReportAndTheServerRefusesEveryoneElse() {
        List<String> allowed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String username : jdbc.queryForList("SELECT username FROM app_user ORDER BY username", String.class)) {
            FieldAidUser user = (FieldAidUser) users.loadUserByUsername(username);
            signIn.as(username);
            if (user.has(Authority.REPORT_READ)) {
                assertThat(dashboard.report(ReportFilter.none(), Locale.ENGLISH).panels()).as(username).isNotEmpty();
                allowed.add(username);
            } else {
                assertThatThrownBy(() -> dashboard.report(ReportFilter.none(), Locale.ENGLISH)).as(username)
                        .isInstanceOf(AccessDeniedException.class);
                for (FigureSource source : sources) {
                    assertThatThrownBy(() -> source.figures(ReportFilter.none(), Locale.ENGLISH))
                            .as(username + " " + source.panelKey()).isInstanceOf(AccessDeniedException.class);
                }
                for (PlaceFigures place : places) {
                    assertThatThrownBy(() -> place.bySettlement(ReportFilter.none())).as(username)
                            .isInstanceOf(AccessDeniedException.class);
                }
                refused.add(username);
            }
        }
        assertThat(allowed).contains("mfa.analyst", "partner.analyst", "mchs.supervisor", "mod.supervisor",
                "mfa.coordinator");
        assertThat(refused).contains("mchs.officer", "mod.officer", "border.officer", "health.officer", "admin");
        assertThat(sources).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aPartnerGetsNoApprovalsAndTheSupervisorTheirInbox() {
        signIn.as("partner.analyst");
        assertThat(dashboard.report(ReportFilter.none(), Locale.ENGLISH).figure("approvals-pending")).isEmpty();
        signIn.as("mchs.supervisor");
        assertThat(dashboard.report(ReportFilter.none(), Locale.ENGLISH).figure("approvals-pending")).isPresent();
    }

    @Test
    void withoutSigningInNothingIsCounted() {
        signIn.out();
        assertThatThrownBy(() -> dashboard.report(ReportFilter.none(), Locale.ENGLISH))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }
}
