package org.fieldaid.schema;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The migrations run on H2, the default database, and Hibernate validates the schema they build. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:schematest;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
class H2SchemaOwnContextTest {

    @Autowired Flyway flyway;
    @Autowired DataSource dataSource;

    @Test
    void migrationsApplyAndJpaValidatesOnH2() {
        String product = new JdbcTemplate(dataSource).execute(
                (org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("H2");
        SchemaAssertions.migratedAndSeeded(flyway, dataSource);
    }
}
