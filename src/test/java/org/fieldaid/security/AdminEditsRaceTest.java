package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two administrators edit one user, one agency or one settlement at the same moment, in two real transactions
 * that have both read the record before either writes (a barrier holds them between reading and writing). One
 * edit wins; the other is told (a concurrent-edit or optimistic-lock failure, which the screens explain); the
 * database, read with SQL, holds the winner's value, one new version and one audit row. Three rounds each.
 */
@IntegrationTest
class AdminEditsRaceTest {

    private static final int ROUNDS = 3;

    @Autowired UserAdministration users;
    @Autowired AgencyAdministration agencies;
    @Autowired Settlements settlements;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    /** One administrator's edit: read the record, wait for the other, write the value. */
    interface Edit {
        void apply(String value);
    }

    @Test
    void twoEditsOfOneUserAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        long centre = jdbc.queryForObject("SELECT id FROM agency WHERE code = 'CENTRE'", Long.class);
        for (int round = 0; round < ROUNDS; round++) {
            String username = "race." + TestNames.syllables(5).toLowerCase();
            UserRow user = signIn.run("admin", () -> users.create(new UserForm(username, "Race Tester", centre,
                    EnumSet.of(Role.ANALYST), true, "Qx7!" + TestNames.syllables(5) + "#2w")));
            race("USER", username, "SELECT full_name FROM app_user WHERE id = " + user.id(),
                    "SELECT version FROM app_user WHERE id = " + user.id(), () -> users.get(user.id()),
                    name -> users.update(user.id(), user.version(), new UserForm(username, name, centre,
                            EnumSet.of(Role.ANALYST), true, null)), "USER_UPDATED");
        }
    }

    @Test
    void twoEditsOfOneAgencyAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String code = "RACE_" + TestNames.syllables(5).toUpperCase();
            AgencyRow agency = signIn.run("admin", () -> agencies.create(code, "Race agency",
                    EnumSet.noneOf(Capability.class)));
            race("AGENCY", code, "SELECT name FROM agency WHERE id = " + agency.id(),
                    "SELECT version FROM agency WHERE id = " + agency.id(), agencies::all,
                    name -> agencies.update(agency.id(), agency.version(), name, Set.of(), false), "AGENCY_UPDATED");
        }
    }

    @Test
    void twoEditsOfOneSettlementAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String code = "ZZ-" + TestNames.syllables(5).toUpperCase();
            SettlementRow settlement = signIn.run("admin", () -> settlements.create(
                    AdministrativeChangesAuditTest.settlement(code, "Race district")));
            race("SETTLEMENT", code, "SELECT district FROM settlement WHERE id = " + settlement.id(),
                    "SELECT version FROM settlement WHERE id = " + settlement.id(),
                    () -> settlements.get(settlement.id()), district -> settlements.update(settlement.id(),
                            settlement.version(), AdministrativeChangesAuditTest.settlement(code, district)),
                    "SETTLEMENT_UPDATED");
        }
    }

    private void race(String entityType, String entityId, String valueSql, String versionSql, Supplier<?> read,
                      Edit write, String auditAction) throws Exception {
        int versionBefore = jdbc.queryForObject(versionSql, Integer.class);
        String first = "First " + TestNames.syllables(5);
        String second = "Second " + TestNames.syllables(5);
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Throwable> one = pool.submit(() -> edit(read, write, first, bothHaveRead));
            Future<Throwable> two = pool.submit(() -> edit(read, write, second, bothHaveRead));
            List<Throwable> outcomes = new ArrayList<>();
            outcomes.add(one.get(60, TimeUnit.SECONDS));
            outcomes.add(two.get(60, TimeUnit.SECONDS));

            assertThat(outcomes).as("one edit wins").filteredOn(t -> t == null).hasSize(1);
            assertThat(outcomes).as("the other is told").filteredOn(t -> t != null).singleElement()
                    .satisfies(told -> assertThat(told).isInstanceOfAny(ConcurrentEditException.class,
                            OptimisticLockingFailureException.class));
            String winner = outcomes.get(0) == null ? first : second;
            assertThat(jdbc.queryForObject(valueSql, String.class)).as("the winner's value is stored")
                    .isEqualTo(winner);
            assertThat(jdbc.queryForObject(versionSql, Integer.class)).as("one new version")
                    .isEqualTo(versionBefore + 1);
            List<String> audited = jdbc.queryForList("SELECT after_value FROM audit_event WHERE action = ?"
                    + " AND entity_type = ? AND entity_id = ?", String.class, auditAction, entityType, entityId);
            assertThat(audited).as("one audit row, of the winner").singleElement()
                    .satisfies(after -> assertThat(after).contains(winner)
                            .doesNotContain(winner.equals(first) ? second : first));
        } finally {
            pool.shutdownNow();
        }
    }

    private Throwable edit(Supplier<?> read, Edit write, String value, CyclicBarrier bothHaveRead) {
        signIn.as("admin");
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                read.get();
                try {
                    bothHaveRead.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                write.apply(value);
            });
            return null;
        } catch (ConcurrentEditException | OptimisticLockingFailureException told) {
            return told;
        } finally {
            signIn.out();
        }
    }
}
