package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.Basis;
import org.fieldaid.aid.Condition;
import org.fieldaid.aid.Frequency;
import org.fieldaid.aid.PackageTypeForm;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.referral.Referrals;
import org.fieldaid.referral.ServiceKind;
import org.fieldaid.settlement.NameKey;
import org.fieldaid.settlement.NameTradition;
import org.fieldaid.settlement.ReturnStatus;
import org.fieldaid.settlement.ReturnStatusForm;
import org.fieldaid.settlement.SettlementForm;
import org.fieldaid.settlement.SettlementKind;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every administrative change (users, agencies, settlements, the aid catalogue, the services agencies offer)
 * writes exactly its audit row, by the administrator, with the values before and after; and a change that is
 * refused (no authority, bad input, a stale version) writes none. The rows are read with SQL.
 */
@IntegrationTest
class AdministrativeChangesAuditTest {

    @Autowired UserAdministration users;
    @Autowired AgencyAdministration agencies;
    @Autowired Settlements settlements;
    @Autowired Aid aid;
    @Autowired Referrals referrals;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void everyChangeToAUserIsAuditedAndARefusedOneIsNot() {
        long centre = jdbc.queryForObject("SELECT id FROM agency WHERE code = 'CENTRE'", Long.class);
        String username = "audit." + TestNames.syllables(5).toLowerCase();
        UserRow created = audited("USER_CREATED", "USER", username, () -> users.create(new UserForm(username,
                "Audit Tester", centre, EnumSet.of(Role.ANALYST), true, "Qx7!" + TestNames.syllables(5) + "#2w")),
                null, "fullName=Audit Tester");
        UserRow changed = audited("USER_UPDATED", "USER", username, () -> users.update(created.id(), created.version(),
                new UserForm(username, "Audit Tester Two", centre, EnumSet.of(Role.ANALYST), true, null)),
                "fullName=Audit Tester,", "fullName=Audit Tester Two");
        audited("PASSWORD_RESET", "USER", username, () -> {
            users.resetPassword(created.id(), "Rw8@" + TestNames.syllables(5) + "!k");
            return null;
        }, null, null);
        audited("ACCOUNT_UNLOCKED", "USER", username, () -> {
            users.unlock(created.id());
            return null;
        }, null, "lockedUntil=null");
        audited("USER_DISABLED", "USER", username, () -> {
            users.setEnabled(created.id(), false);
            return null;
        }, "enabled=true", "enabled=false");

        refused(username, "mchs.supervisor", () -> users.setEnabled(created.id(), true), AccessDeniedException.class);
        int current = version("app_user", changed.id());
        refused(username, "admin", () -> users.update(changed.id(), current, new UserForm(username, " ", centre,
                EnumSet.of(Role.ANALYST), true, null)), InvalidInputException.class);
        refused(username, "admin", () -> users.update(created.id(), created.version(), new UserForm(username,
                "Stale Edit", centre, EnumSet.of(Role.ANALYST), true, null)), ConcurrentEditException.class);
        refused(username, "admin", () -> users.resetPassword(created.id(), "short"), InvalidInputException.class);
    }

    @Test
    void everyChangeToAnAgencyAndItsServicesIsAuditedAndARefusedOneIsNot() {
        String code = "AUDIT_" + TestNames.syllables(5).toUpperCase();
        AgencyRow created = audited("AGENCY_CREATED", "AGENCY", code, () -> agencies.create(code, "Audit agency",
                EnumSet.of(Capability.PARTNER)), null, "name=Audit agency");
        audited("AGENCY_SERVICES_CHANGED", "AGENCY", code, () -> referrals.setServices(code, Set.of(),
                Set.of(ServiceKind.FAMILY_TRACING)), "[]", "[FAMILY_TRACING]");
        AgencyRow changed = audited("AGENCY_UPDATED", "AGENCY", code, () -> agencies.update(created.id(),
                created.version(), "Audit agency two", EnumSet.of(Capability.PARTNER), false), "active=true",
                "active=false");

        refused(code, "mchs.supervisor", () -> agencies.update(changed.id(), changed.version(), "Taken over",
                Set.of(), true), AccessDeniedException.class);
        refused(code, "admin", () -> agencies.update(changed.id(), changed.version(), "", Set.of(), true),
                InvalidInputException.class);
        refused(code, "admin", () -> agencies.update(created.id(), created.version(), "Stale", Set.of(), true),
                ConcurrentEditException.class);
        refused(code, "partner.officer", () -> referrals.setServices(code, Set.of(ServiceKind.FAMILY_TRACING),
                Set.of()), AccessDeniedException.class);
        refused(code, "admin", () -> referrals.setServices(code, Set.of(), Set.of(ServiceKind.LEGAL_AID)),
                ConcurrentEditException.class);
    }

    @Test
    void everyChangeToASettlementIsAuditedAndARefusedOneIsNot() {
        String code = "ZZ-" + TestNames.syllables(5).toUpperCase();
        SettlementRow created = audited("SETTLEMENT_CREATED", "SETTLEMENT", code, () -> settlements.create(
                settlement(code, "Audit district")), null, "district=Audit district");
        SettlementRow changed = audited("SETTLEMENT_UPDATED", "SETTLEMENT", code, () -> settlements.update(
                created.id(), created.version(), settlement(code, "Second district")), "district=Audit district",
                "district=Second district");
        audited("SETTLEMENT_SETTLEMENT_STATUS", "SETTLEMENT", code, () -> settlements.setReturnStatus(changed.id(),
                changed.version(), new ReturnStatusForm(ReturnStatus.RESTRICTED, "Mines along the road",
                LocalDate.of(2021, 2, 1))), "CLOSED", "RESTRICTED");

        int current = version("settlement", created.id());
        refused(code, "mchs.officer", () -> settlements.update(created.id(), current, settlement(code, "Taken over")),
                AccessDeniedException.class);
        refused(code, "admin", () -> settlements.update(created.id(), current, settlement(code, " ")),
                InvalidInputException.class);
        refused(code, "admin", () -> settlements.update(created.id(), created.version(), settlement(code, "Stale")),
                ConcurrentEditException.class);
    }

    @Test
    void everyChangeToTheAidCatalogueIsAuditedAndARefusedOneIsNot() {
        String code = "AUDIT_" + TestNames.syllables(5).toUpperCase();
        PackageTypeRow created = audited("AID_PACKAGE_TYPE_CREATED", "AID_PACKAGE_TYPE", code,
                () -> aid.savePackageType(null, 0, packageType(code, 2)), null, null);
        PackageTypeRow changed = audited("AID_PACKAGE_TYPE_CHANGED", "AID_PACKAGE_TYPE", code,
                () -> aid.savePackageType(created.id(), created.version(), packageType(code, 3)), "HOUSEHOLD 2",
                "HOUSEHOLD 3");

        refused(code, "mchs.supervisor", () -> aid.savePackageType(changed.id(), changed.version(),
                packageType(code, 4)), AccessDeniedException.class);
        refused(code, "admin", () -> aid.savePackageType(changed.id(), changed.version(), packageType(code, 0)),
                InvalidInputException.class);
        refused(code, "admin", () -> aid.savePackageType(created.id(), created.version(), packageType(code, 5)),
                ConcurrentEditException.class);
    }

    /** A closed village that is no reception place, named only in English. */
    static SettlementForm settlement(String code, String district) {
        return new SettlementForm(code, district, new BigDecimal("39.8"), new BigDecimal("46.7"),
                SettlementKind.VILLAGE, false, ReturnStatus.CLOSED, Map.of(new NameKey(NameTradition.HY, "en"), "Zz " + code));
    }

    private static PackageTypeForm packageType(String code, int quantity) {
        return new PackageTypeForm(code, "Audit kit", "Набор", "Հավաքածու", "Dəst", "One kit", "kit",
                Basis.HOUSEHOLD, quantity, 6, Frequency.EVERY_ROUND, Condition.NONE, false);
    }

    /** Runs the change as the administrator and finds exactly one new audit row of it, by them. */
    private <T> T audited(String action, String type, String id, Supplier<T> change, String before, String after) {
        long mark = lastAuditId();
        T result = signIn.run("admin", change);
        List<Map<String, Object>> rows = rowsSince(mark, id);
        assertThat(rows).as(action + " of " + id).singleElement().satisfies(row -> {
            assertThat(List.of(row.get("action"), row.get("entity_type"), row.get("actor")))
                    .isEqualTo(List.of(action, type, "admin"));
            if (before != null) {
                assertThat((String) row.get("before_value")).contains(before);
            }
            if (after != null) {
                assertThat((String) row.get("after_value")).contains(after);
            }
        });
        return result;
    }

    private void refused(String id, String user, ThrowingCallable change, Class<? extends Throwable> answer) {
        long mark = lastAuditId();
        signIn.as(user);
        try {
            assertThatThrownBy(change).isInstanceOf(answer);
        } finally {
            signIn.out();
        }
        assertThat(rowsSince(mark, id)).as("a refused change of " + id + " writes no audit row").isEmpty();
    }

    private int version(String table, long id) {
        return jdbc.queryForObject("SELECT version FROM " + table + " WHERE id = ?", Integer.class, id);
    }

    private long lastAuditId() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_event", Long.class);
    }

    private List<Map<String, Object>> rowsSince(long mark, String entityId) {
        return jdbc.queryForList("SELECT action, entity_type, actor, before_value, after_value FROM audit_event"
                + " WHERE id > ? AND entity_id = ?", mark, entityId);
    }
}
