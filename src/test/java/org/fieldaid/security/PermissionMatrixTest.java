package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldaid.security.Authority.*;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionMatrixTest {

    private static Set<Authority> of(Set<Capability> capabilities, Role... roles) {
        return PermissionMatrix.authorities(capabilities, EnumSet.of(roles[0], roles));
    }

    private static final Set<Capability> MCHS = EnumSet.of(Capability.REGISTRATION, Capability.AID);
    private static final Set<Capability> BORDER = EnumSet.of(Capability.CHECKPOINT);
    private static final Set<Capability> HEALTH = EnumSet.of(Capability.REGISTRATION, Capability.SENSITIVE_DATA);
    private static final Set<Capability> PARTNER = EnumSet.of(Capability.PARTNER);

    @Test
    void fieldOfficerRecordsButDoesNotDecide() {
        Set<Authority> officer = of(MCHS, Role.FIELD_OFFICER);
        assertThat(officer).contains(HOUSEHOLD_WRITE, AID_DISTRIBUTE).doesNotContain(HOUSEHOLD_APPROVE, AID_APPROVE);
    }

    @Test
    void supervisorCanDoEverythingTheOfficerCanPlusDecide() {
        Set<Authority> officer = of(MCHS, Role.FIELD_OFFICER);
        Set<Authority> supervisor = of(MCHS, Role.SUPERVISOR);
        assertThat(supervisor).containsAll(officer).contains(HOUSEHOLD_APPROVE, AID_APPROVE);
    }

    @Test
    void adminAdministersButDoesNoCaseWork() {
        Set<Authority> admin = of(MCHS, Role.ADMIN);
        assertThat(admin).containsExactlyInAnyOrder(USER_MANAGE, AGENCY_MANAGE, SETTLEMENT_MANAGE, CATALOGUE_MANAGE,
                AUDIT_READ, BACKUP_RUN);
    }

    @Test
    void anOperatorReadsMetricsAndNothingElseInAnyAgency() {
        for (Set<Capability> agency : java.util.List.of(MCHS, BORDER, HEALTH, PARTNER,
                EnumSet.noneOf(Capability.class))) {
            assertThat(of(agency, Role.OPERATOR)).containsExactly(METRICS_READ);
        }
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.OPERATOR))) {
            assertThat(of(EnumSet.allOf(Capability.class), role)).as(role.name()).doesNotContain(METRICS_READ);
        }
    }

    @Test
    void borderOfficerLogsCrossingsButCannotRegister() {
        assertThat(of(BORDER, Role.FIELD_OFFICER)).contains(CHECKPOINT_LOG).doesNotContain(HOUSEHOLD_WRITE,
                HOUSEHOLD_READ, PII_SENSITIVE);
    }

    @Test
    void onlyAnAgencyWithSensitiveDataSeesHealthDetails() {
        assertThat(of(HEALTH, Role.FIELD_OFFICER)).contains(PII_SENSITIVE, HOUSEHOLD_WRITE);
        assertThat(of(MCHS, Role.SUPERVISOR)).doesNotContain(PII_SENSITIVE);
    }

    @Test
    void partnerSeesOnlyConsentedHouseholdsAndAggregates() {
        Set<Authority> partner = of(PARTNER, Role.ANALYST);
        assertThat(partner).contains(HOUSEHOLD_READ_CONSENTED, EXPORT_AGGREGATE)
                .doesNotContain(HOUSEHOLD_READ, EXPORT_PERSONAL, HOUSEHOLD_WRITE);
    }

    @Test
    void analystReadsAndExportsButChangesNothing() {
        Set<Authority> analyst = of(MCHS, Role.ANALYST);
        assertThat(analyst).contains(HOUSEHOLD_READ, REPORT_READ, EXPORT_PERSONAL)
                .doesNotContain(HOUSEHOLD_WRITE, AID_DISTRIBUTE, HOUSEHOLD_APPROVE, STOCK_MANAGE);
    }

    @Test
    void noCapabilitiesMeansNoCaseWorkWhateverTheRole() {
        assertThat(of(EnumSet.noneOf(Capability.class), Role.SUPERVISOR, Role.ANALYST, Role.FIELD_OFFICER)).isEmpty();
    }

    @Test
    void everyAuthorityCodeHasTheResourceActionForm() {
        for (Authority a : Authority.values()) {
            assertThat(a.code()).matches("[A-Z]+:[A-Z_]+");
            assertThat(Authority.fromCode(a.code())).contains(a);
        }
    }
}
