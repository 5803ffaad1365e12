package org.fieldaid.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.PostgresInitializer;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TableChecksums;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * PostgreSQL backups are the database's own business (pg_dump, see the README), not the screen's. The embedded
 * PostgreSQL of the tests ships no pg_dump (only initdb, pg_ctl and postgres), and the machine's pg_dump 15 refuses
 * a server of 17, so this test makes the same kind of copy with the server's COPY, table by table in one snapshot,
 * restores it into a fresh database with the schema from the migrations, and compares every table.
 */
@IntegrationTest
class PostgresCopyRestoreTest {

    @Autowired Backups backups;
    @Autowired SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void aCopyOfEveryTableRestoresToTheSameRowsAndChecksums() throws Exception {
        Map<String, TableChecksums.Table> before;
        Map<String, byte[]> dump = new LinkedHashMap<>();
        // a backup is the database administrator's, who reads every table, Flyway's history too
        try (Connection live = PostgresInitializer.server().getPostgresDatabase().getConnection()) {
            live.setAutoCommit(false);
            live.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            before = TableChecksums.of(live, "public");
            CopyManager copy = live.unwrap(PGConnection.class).getCopyAPI();
            for (String table : TableChecksums.tables(live, "public")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                copy.copyOut("COPY public.\"" + table + "\" TO STDOUT (FORMAT binary)", out);
                dump.put(table, out.toByteArray());
            }
            live.commit();
        }
        assertThat(before).hasSizeGreaterThan(20);
        assertThat(before.get("household").rows()).isGreaterThan(50);

        String name = "restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // the database administrator's work: the application's own role may not create databases
        try (Connection admin = PostgresInitializer.server().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        DataSource restoredSource = PostgresInitializer.server().getDatabase("postgres", name);
        Flyway.configure().dataSource(restoredSource).locations("classpath:db/migration").load().migrate();
        try (Connection restored = restoredSource.getConnection(); Statement statement = restored.createStatement()) {
            List<String> tables = TableChecksums.tables(restored, "public");
            assertThat(tables).containsExactlyInAnyOrderElementsOf(dump.keySet());
            statement.execute("TRUNCATE " + String.join(", ", tables.stream().map(t -> "public.\"" + t + "\"")
                    .toList()) + " CASCADE");
            // the rows come in table by table: the foreign keys are checked by the live database already
            statement.execute("SET session_replication_role = replica");
            CopyManager copy = restored.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<String, byte[]> table : dump.entrySet()) {
                copy.copyIn("COPY public.\"" + table.getKey() + "\" FROM STDIN (FORMAT binary)",
                        new ByteArrayInputStream(table.getValue()));
            }
            statement.execute("SET session_replication_role = DEFAULT");
            assertThat(TableChecksums.of(restored, "public")).isEqualTo(before);
        }
    }

    @Test
    void theScreenOffersNoBackupOnPostgresAndOnlyToTheAdministrator() {
        signIn.as("admin");
        assertThat(backups.available()).isFalse();
        assertThatThrownBy(backups::runH2Backup).isInstanceOf(InvalidInputException.class);
        signIn.as("mchs.supervisor");
        assertThatThrownBy(backups::available).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(backups::runH2Backup).isInstanceOf(AccessDeniedException.class);
    }
}
