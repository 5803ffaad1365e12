package org.fieldaid.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.PostgresInitializer;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Registration and receipt numbers come from the database (the household's identity and {@code aid_receipt_seq}),
 * never from a node's memory, so two nodes on one PostgreSQL never hand out the same one. The second node here is
 * a connection of its own that takes numbers from the same sequences while this node numbers in several threads.
 */
@IntegrationTest
class PostgresNumberingTest {

    private static final int THREADS = 3;
    private static final int EACH = 6;

    @Autowired AidStore store;
    @Autowired HouseholdRegistry registry;
    @Autowired SignIn signIn;

    private final JdbcTemplate otherNode = new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:postgresql://localhost:" + PostgresInitializer.server().getPort() + "/postgres",
            PostgresInitializer.APP_USER, PostgresInitializer.APP_PASSWORD));

    @Test
    void receiptNumbersNeverRepeatAcrossNodes() throws Exception {
        List<Long> numbers = race(() -> {
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < EACH * 4; i++) {
                mine.add(Long.parseLong(store.nextReceiptNumber(2026).substring("R-2026-".length())));
            }
            return mine;
        }, "SELECT nextval('aid_receipt_seq')", EACH * 4);
        assertThat(numbers).hasSize((THREADS + 1) * EACH * 4).doesNotHaveDuplicates();
    }

    @Test
    void registrationNumbersNeverRepeatAcrossNodes() throws Exception {
        List<Long> numbers = race(() -> signIn.run("mchs.officer", () -> {
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                String number = registry.saveDraft(namesOnly()).registrationNumber();
                assertThat(number).matches("FA-\\d{4}-\\d{6}");
                mine.add(Long.parseLong(number.substring(number.lastIndexOf('-') + 1)));
            }
            return mine;
        }), "SELECT nextval(pg_get_serial_sequence('household', 'id'))", EACH);
        assertThat(numbers).hasSize((THREADS + 1) * EACH).doesNotHaveDuplicates();
    }

    /** This node's threads and the other node number at the same time; @return every number handed out */
    private List<Long> race(Callable<List<Long>> thisNode, String otherNodeSql, int otherNodeCount) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(thisNode));
            }
            futures.add(pool.submit(() -> {
                List<Long> theirs = new ArrayList<>();
                for (int i = 0; i < otherNodeCount; i++) {
                    theirs.add(otherNode.queryForObject(otherNodeSql, Long.class));
                }
                return theirs;
            }));
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RegistrationForm namesOnly() {
        String family = "Numberyan" + Long.toString(System.nanoTime() % 1_000_000, 26).replaceAll("[0-9]", "q");
        MemberForm head = new MemberForm(null, family, "Ani", null, Sex.FEMALE, null, false, Relation.HEAD, null, null,
                EnumSet.noneOf(Vulnerability.class));
        return new RegistrationForm(null, null, null, null, null, false, false, null, List.of(head));
    }
}
