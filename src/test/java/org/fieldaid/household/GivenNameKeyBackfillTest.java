package org.fieldaid.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fieldaid.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A database migrated to V009 with households in it gets their given-name keys on the next start. */
@IntegrationTest
class GivenNameKeyBackfillTest {

    private static final String ROWS = """
            SELECT given_key || ' ' || household_id || ' ' || COALESCE(draft_agency, '-') FROM household_given_key
             ORDER BY household_id, given_key""";

    @Autowired GivenNameKeyBackfill backfill;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theBackfillWritesTheKeysTheRegistryWritesOnceAndThenNothing() {
        List<String> written = jdbc.queryForList(ROWS, String.class);
        assertThat(written).isNotEmpty().anySatisfy(row -> assertThat(row).endsWith(" MCHS"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM index_backfill", Long.class)).isZero();

        jdbc.update("DELETE FROM household_given_key");
        jdbc.update("INSERT INTO index_backfill (name) VALUES (?)", GivenNameKeyBackfill.MARKER);
        backfill.run(null);

        assertThat(jdbc.queryForList(ROWS, String.class)).isEqualTo(written);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM index_backfill", Long.class)).isZero();
        jdbc.update("DELETE FROM household_given_key WHERE household_id = (SELECT MIN(id) FROM household)");
        backfill.run(null);
        assertThat(jdbc.queryForList(ROWS, String.class)).as("no marker, no backfill").hasSizeLessThan(written.size());
        jdbc.update("INSERT INTO index_backfill (name) VALUES (?)", GivenNameKeyBackfill.MARKER);
        backfill.run(null);
        assertThat(jdbc.queryForList(ROWS, String.class)).isEqualTo(written);
    }
}
