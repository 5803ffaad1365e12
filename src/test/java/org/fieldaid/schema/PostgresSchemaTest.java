package org.fieldaid.schema;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.fieldaid.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same migrations run unchanged on a real PostgreSQL server, and Hibernate validates the schema there too. */
@IntegrationTest
class PostgresSchemaTest {

    @Autowired Flyway flyway;
    @Autowired DataSource dataSource;

    @Test
    void migrationsApplyAndJpaValidatesOnPostgres() {
        String version = new JdbcTemplate(dataSource).queryForObject("select version()", String.class);
        assertThat(version).startsWith("PostgreSQL 17");
        SchemaAssertions.migratedAndSeeded(flyway, dataSource);
    }
}
