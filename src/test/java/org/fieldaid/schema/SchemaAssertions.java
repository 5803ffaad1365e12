package org.fieldaid.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.jdbc.core.JdbcTemplate;

/** What must hold on every database the application runs on, once it has started. */
final class SchemaAssertions {

    private SchemaAssertions() {
    }

    static void migratedAndSeeded(Flyway flyway, DataSource dataSource) {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty();
        assertThat(Arrays.stream(applied).map(MigrationInfo::getState)).allMatch(s -> s == MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from settlement", Integer.class)).isGreaterThanOrEqualTo(30);
        assertThat(jdbc.queryForObject("select count(*) from settlement where reception = true", Integer.class))
                .isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from settlement s where not exists (select 1 from "
                + "settlement_name n where n.settlement_id = s.id and n.lang = 'en')", Integer.class))
                .as("every settlement has a name in Latin script").isZero();
        assertThat(jdbc.queryForObject("select name from settlement_name n join settlement s on s.id = n.settlement_id "
                + "where s.code = 'NK-STP' and n.tradition = 'AZ' and n.lang = 'az'", String.class)).isEqualTo("Xankəndi");
        assertThat(jdbc.queryForObject("select name from settlement_name n join settlement s on s.id = n.settlement_id "
                + "where s.code = 'NK-STP' and n.tradition = 'HY' and n.lang = 'hy'", String.class)).isEqualTo("Ստեփանակերտ");
        assertThat(jdbc.queryForObject("select count(*) from agency", Integer.class)).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isGreaterThanOrEqualTo(9);
    }
}
