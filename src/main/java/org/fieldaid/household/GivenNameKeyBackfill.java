package org.fieldaid.household;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the given-name keys of the households registered before V009, once, on the first start after it: the keys
 * come from ICU and the region's fold in {@link NameKeys}, which SQL cannot compute. Runs before the demo and scale
 * data, which write their own keys. One transaction holds the marker row locked, so that a second node starting at
 * the same time waits and then finds nothing left to do.
 */
@Component
@Order(0)
class GivenNameKeyBackfill implements ApplicationRunner {

    static final String MARKER = "household_given_key";
    private static final Logger log = LoggerFactory.getLogger(GivenNameKeyBackfill.class);
    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SearchResults results;

    GivenNameKeyBackfill(JdbcTemplate jdbc, TransactionTemplate transactions, SearchResults results) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.results = results;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            if (jdbc.queryForList("SELECT name FROM index_backfill WHERE name = ? FOR UPDATE", String.class, MARKER)
                    .isEmpty()) {
                return;
            }
            long written = backfill();
            jdbc.update("DELETE FROM index_backfill WHERE name = ?", MARKER);
            if (written > 0) {
                log.info("Given-name search keys written for {} households", written);
            }
        });
    }

    private long backfill() {
        results.changing();
        jdbc.update("DELETE FROM household_given_key");
        long maxId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM household", Long.class);
        long households = 0;
        for (long from = 0; from < maxId; from += CHUNK) {
            record GivenNames(String draftAgency, List<String> names) {
            }
            Map<Long, GivenNames> chunk = new LinkedHashMap<>();
            jdbc.query("""
                    SELECT h.id, h.status, h.agency_code, p.given_name FROM household h
                      JOIN person p ON p.household_id = h.id WHERE h.id > ? AND h.id <= ?""", rs -> {
                String draftAgency = HouseholdIndex.draftAgency(HouseholdStatus.valueOf(rs.getString(2)),
                        rs.getString(3));
                chunk.computeIfAbsent(rs.getLong(1), id -> new GivenNames(draftAgency, new ArrayList<>())).names()
                        .add(rs.getString(4));
            }, from, from + CHUNK);
            List<Object[]> rows = new ArrayList<>();
            chunk.forEach((id, given) -> rows.addAll(HouseholdIndex.householdGivenKeys(given.names(), id,
                    given.draftAgency())));
            jdbc.batchUpdate(HouseholdIndex.INSERT_GIVEN_KEY, rows);
            households += chunk.size();
        }
        return households;
    }
}
