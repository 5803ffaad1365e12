package org.fieldaid.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.PostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the application connects as a role of its own, which may add audit rows but never change or remove
 * one: Flyway runs as the schema's owner and its callback grants the application only what it needs (decision
 * 032).
 */
@IntegrationTest
class PostgresAuditGrantsTest {

    @Autowired DataSource dataSource;

    @Test
    void theApplicationsDataSourceCannotUpdateDeleteOrTruncateAuditRows() {
        JdbcTemplate app = new JdbcTemplate(dataSource);
        assertThat(app.queryForObject("SELECT current_user", String.class)).isEqualTo(PostgresInitializer.APP_USER);
        Long id = app.queryForObject("SELECT MIN(id) FROM audit_event", Long.class);
        assertThat(id).as("the demo data left audit rows").isNotNull();
        String before = app.queryForObject("SELECT summary FROM audit_event WHERE id = ?", String.class, id);

        assertThatThrownBy(() -> app.update("UPDATE audit_event SET summary = 'changed' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> app.update("DELETE FROM audit_event WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> app.execute("TRUNCATE audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("permission denied for table audit_event");

        assertThat(app.queryForObject("SELECT summary FROM audit_event WHERE id = ?", String.class, id))
                .isEqualTo(before);
    }

    @Test
    void theApplicationsRoleStillWritesNewAuditRowsAndOtherTables() {
        JdbcTemplate app = new JdbcTemplate(dataSource);
        assertThat(app.queryForObject("SELECT has_table_privilege(current_user, 'audit_event', 'INSERT')",
                Boolean.class)).isTrue();
        assertThat(app.queryForObject("SELECT has_table_privilege(current_user, 'household', 'UPDATE')",
                Boolean.class)).isTrue();
        assertThat(app.queryForObject("SELECT has_table_privilege(current_user, 'household', 'DELETE')",
                Boolean.class)).isTrue();
        assertThat(app.queryForObject("SELECT has_table_privilege(current_user, 'flyway_schema_history', 'SELECT')",
                Boolean.class)).as("Flyway's history is the owner's").isFalse();
        assertThat(app.queryForObject("SELECT has_schema_privilege(current_user, 'public', 'CREATE')",
                Boolean.class)).as("no schema changes from the application").isFalse();
    }

    @Test
    void theOwnerStillRunsTheMigrationsAndOwnsTheAuditTable() {
        JdbcTemplate owner = new JdbcTemplate(PostgresInitializer.server().getPostgresDatabase());
        assertThat(owner.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event'",
                String.class)).isEqualTo("postgres");
        assertThat(owner.queryForObject("SELECT installed_by FROM flyway_schema_history WHERE success ORDER BY "
                + "installed_rank DESC LIMIT 1", String.class)).isEqualTo("postgres");
    }
}
