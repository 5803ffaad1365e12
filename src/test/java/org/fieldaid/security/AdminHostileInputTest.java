package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.settlement.NameKey;
import org.fieldaid.settlement.NameTradition;
import org.fieldaid.settlement.ReturnStatus;
import org.fieldaid.settlement.ReturnStatusForm;
import org.fieldaid.settlement.SettlementForm;
import org.fieldaid.settlement.SettlementKind;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.HostileForms;
import org.fieldaid.support.HostileInput;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The hostile corpus (issue 14, item 5) through the administrators' forms by the services: users (name, user
 * name, password, the list's search), agencies, settlements and their return status.
 */
@IntegrationTest
class AdminHostileInputTest {

    @Autowired UserAdministration users;
    @Autowired AgencyAdministration agencies;
    @Autowired Settlements settlements;
    @Autowired PasswordEncoder passwords;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    private final LongSupplier audit = () -> jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @AfterAll
    static void report() {
        System.out.println(HostileInput.report("administration forms so far"));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private long agencyId(String code) {
        return agencies.all().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow().id();
    }

    @Test
    void usersKeepEveryHostileTextExactlyOrRefuseItAtItsField() {
        signIn.as("admin");
        long partner = agencyId("PARTNER");
        UserRow[] user = {users.get(users.create(new UserForm("hx" + suffix(), "Hostile Test", partner,
                EnumSet.of(Role.ANALYST), false, "Kx7mPq2wLz9")).id())};
        LongSupplier rows = () -> audit.getAsLong() + jdbc.queryForObject("SELECT COUNT(*) + SUM(version) FROM "
                + "app_user", Long.class);
        HostileForms.text("user admin", "fullName", 200, false, v -> {
            user[0] = users.update(user[0].id(), user[0].version(), new UserForm(user[0].username(), v, partner,
                    EnumSet.of(Role.ANALYST), false, null));
            return jdbc.queryForObject("SELECT full_name FROM app_user WHERE id = ?", String.class, user[0].id());
        }, rows);
        HostileForms.formatted("user admin", "username", v -> users.create(new UserForm(v, "Hostile Test", partner,
                EnumSet.of(Role.ANALYST), false, "Kx7mPq2wLz9")).username(), rows, UnaryOperator.identity());
        HostileForms.formatted("user admin", "password", v -> {
            users.resetPassword(user[0].id(), v);
            String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class,
                    user[0].id());
            return passwords.matches(v, hash) ? v : "(another password)";
        }, rows, UnaryOperator.identity());
        long all = users.count(null);
        for (var t : HostileForms.cases(200)) {
            long count = users.count(t.value());
            assertThat(count).as(t.name()).isBetween(0L, all);
            assertThat(users.find(t.value(), PageRequest.of(0, 20)).getNumberOfElements()).as(t.name())
                    .isEqualTo((int) Math.min(20, count));
            HostileInput.counted("user list filter");
        }
        assertThat(users.count("' OR '1'='1")).isZero();
        assertThat(users.count("%")).isZero();
    }

    @Test
    void agenciesKeepEveryHostileNameExactlyOrRefuseItAtItsField() {
        signIn.as("admin");
        AgencyRow[] agency = {agencies.create("HX_" + suffix().toUpperCase(), "Hostile test agency",
                EnumSet.noneOf(Capability.class))};
        LongSupplier rows = () -> audit.getAsLong() + jdbc.queryForObject("SELECT COUNT(*) + SUM(version) FROM agency",
                Long.class);
        HostileForms.text("agency admin", "name", 200, false, v -> {
            agency[0] = agencies.update(agency[0].id(), agency[0].version(), v, Set.of(), false);
            return jdbc.queryForObject("SELECT name FROM agency WHERE id = ?", String.class, agency[0].id());
        }, rows);
        HostileForms.formatted("agency admin", "code", v -> agencies.create(v, "Agency", Set.of()).code(), rows,
                UnaryOperator.identity());
    }

    private static SettlementForm settlement(String code, String district, String name, BigDecimal latitude,
                                             ReturnStatus status) {
        return new SettlementForm(code, district, latitude, new BigDecimal("46.75"), SettlementKind.VILLAGE, false,
                status, Map.of(new NameKey(NameTradition.HY, "en"), name));
    }

    @Test
    void settlementsAndTheirReturnStatusKeepEveryHostileTextExactlyOrRefuseItAtItsField() {
        signIn.as("admin");
        SettlementRow[] place = {settlements.create(settlement("HX-" + suffix().toUpperCase(), "District", "Hostile "
                + "village", new BigDecimal("39.8"), ReturnStatus.CLOSED))};
        LongSupplier rows = () -> audit.getAsLong() + jdbc.queryForObject("SELECT COUNT(*) + SUM(version) FROM "
                + "settlement", Long.class) + jdbc.queryForObject("SELECT COUNT(*) FROM settlement_return_status",
                Long.class);
        HostileForms.text("settlement admin", "district", 100, false, v -> {
            place[0] = settlements.update(place[0].id(), place[0].version(), settlement(place[0].code(), v, "Village",
                    place[0].latitude(), place[0].returnStatus()));
            return jdbc.queryForObject("SELECT district FROM settlement WHERE id = ?", String.class, place[0].id());
        }, rows);
        HostileForms.text("settlement admin", "names", 120, false, v -> {
            place[0] = settlements.update(place[0].id(), place[0].version(), settlement(place[0].code(), "District", v,
                    place[0].latitude(), place[0].returnStatus()));
            return jdbc.queryForObject("SELECT name FROM settlement_name WHERE settlement_id = ? AND tradition = 'HY' "
                    + "AND lang = 'en'", String.class, place[0].id());
        }, rows);
        HostileForms.formatted("settlement admin", "code", v -> settlements.create(settlement(v, "District", "Village",
                new BigDecimal("39.8"), ReturnStatus.CLOSED)).code(), rows, UnaryOperator.identity());
        for (String typed : HostileInput.TYPED_NUMBERS) {
            BigDecimal latitude = decimal(typed);
            long before = rows.getAsLong();
            try {
                place[0] = settlements.update(place[0].id(), place[0].version(), settlement(place[0].code(),
                        "District", "Village", latitude, place[0].returnStatus()));
                assertThat(latitude).as(typed).isNotNull();
                assertThat(jdbc.queryForObject("SELECT latitude FROM settlement WHERE id = ?", BigDecimal.class,
                        place[0].id())).as(typed).isEqualByComparingTo(latitude);
            } catch (InvalidInputException refused) {
                assertThat(refused.problems()).as(typed).containsKey("latitude");
                assertThat(rows.getAsLong()).as(typed).isEqualTo(before);
            }
            HostileInput.counted("settlement admin");
        }

        // the coordinator's reason, with the status going back and forth between closed and restricted
        signIn.as("mfa.coordinator");
        HostileForms.text("settlement return status", "reason", 500, true, v -> {
            ReturnStatus next = place[0].returnStatus() == ReturnStatus.CLOSED ? ReturnStatus.RESTRICTED
                    : ReturnStatus.CLOSED;
            place[0] = settlements.setReturnStatus(place[0].id(), place[0].version(), new ReturnStatusForm(next, v,
                    LocalDate.now()));
            return jdbc.queryForObject("SELECT return_status_reason FROM settlement WHERE id = ?", String.class,
                    place[0].id());
        }, rows);
        for (LocalDate date : HostileInput.EXTREME_DATES) {
            long before = rows.getAsLong();
            ReturnStatus next = place[0].returnStatus() == ReturnStatus.CLOSED ? ReturnStatus.RESTRICTED
                    : ReturnStatus.CLOSED;
            // a day before the conflict began, or one still to come, is no day a status changed on
            if (date.isBefore(LocalDate.of(1988, 1, 1)) || date.isAfter(LocalDate.now())) {
                assertThatThrownBy(() -> settlements.setReturnStatus(place[0].id(), place[0].version(),
                        new ReturnStatusForm(next, "Reason", date))).as("%s", date)
                        .isInstanceOf(InvalidInputException.class)
                        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsKey("effectiveOn"));
                assertThat(rows.getAsLong()).isEqualTo(before);
            } else {
                place[0] = settlements.setReturnStatus(place[0].id(), place[0].version(), new ReturnStatusForm(next,
                        "Reason", date));
                assertThat(jdbc.queryForObject("SELECT return_status_since FROM settlement WHERE id = ?",
                        LocalDate.class, place[0].id())).isEqualTo(date);
            }
            HostileInput.counted("settlement return status");
        }
    }

    /** What a decimal field hands the service for a typed text: the number, or nothing when it is none. */
    private static BigDecimal decimal(String typed) {
        try {
            return new BigDecimal(typed);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
