package org.fieldaid.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.fieldaid.support.PostgresInitializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrations that change rows already in the database (V006, V007, V012 and V030) run on a database holding
 * rows from before each of them: the database is migrated to the version before, rows are written with SQL as that
 * version's schema has them, and the next migration must turn them into what the code now expects. Then every
 * later migration must run on them too. The backfill of V009 is the application's and has its own test
 * ({@code household.GivenNameKeyBackfillTest}).
 */
class MigrationsOnExistingRowsTest {

    private static String name;
    private static DataSource database;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void emptyDatabase() throws Exception {
        name = "migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = PostgresInitializer.server().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        database = PostgresInitializer.server().getDatabase("postgres", name);
        jdbc = new JdbcTemplate(database);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        try (Connection admin = PostgresInitializer.server().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Test
    void rowsFromBeforeEachMigrationThatChangesRowsComeThroughItAndEveryLaterOne() {
        migrateTo("5");
        long origin = jdbc.queryForObject("SELECT MIN(id) FROM settlement WHERE reception = FALSE", Long.class);
        long reception = jdbc.queryForObject("SELECT MIN(id) FROM settlement WHERE reception = TRUE", Long.class);
        long draft = household("DRAFT", "MCHS", origin, reception);
        long registered = household("REGISTERED", "MOD", origin, reception);
        long mother = person(draft, 0, "Hovhannisyan", "Anahit", "hovhannisyan", "anahit", "FEMALE");
        long son = person(draft, 1, "Hovhannisyan", "Tigran", "hovhannisyan", "tigran", "MALE");
        long father = person(registered, 0, "Mammadov", "Elvin", "mammadov", "elvin", "MALE");
        key("HVNSN", mother, draft);
        key("HVNSN", son, draft);
        key("HOVANISAN", son, draft);
        key("MMTF", father, registered);
        jdbc.update("INSERT INTO household_vulnerability (code, household_id) VALUES ('PREGNANT', ?)", draft);
        jdbc.update("INSERT INTO household_vulnerability (code, household_id) VALUES ('LOST_HOME', ?)", draft);

        migrateTo("6");
        assertThat(jdbc.queryForList("SELECT name_key || ' ' || household_id FROM household_name_key"
                + " ORDER BY name_key, household_id", String.class)).as("one key row per household and key")
                .containsExactly("HOVANISAN " + draft, "HVNSN " + draft, "MMTF " + registered);

        migrateTo("7");
        assertThat(jdbc.queryForObject("SELECT needs FROM household WHERE id = ?", String.class, draft))
                .isEqualTo(",LOST_HOME,PREGNANT,");
        assertThat(jdbc.queryForObject("SELECT needs FROM household WHERE id = ?", String.class, registered)).isNull();
        assertThat(jdbc.queryForList("SELECT name_key || ' ' || COALESCE(draft_agency, '-') FROM household_name_key"
                + " ORDER BY name_key", String.class)).containsExactly("HOVANISAN MCHS", "HVNSN MCHS", "MMTF -");
        assertThat(jdbc.queryForList("SELECT code || ' ' || COALESCE(draft_agency, '-') FROM household_vulnerability"
                + " ORDER BY code", String.class)).containsExactly("LOST_HOME MCHS", "PREGNANT MCHS");

        migrateTo("11");
        warehouse("WH-GOR", "Goris central warehouse", origin);
        warehouse("WH-YER", "Yerevan logistics hub", reception);
        warehouse("WH-OWN", "A warehouse of this deployment", reception);

        migrateTo("12");
        assertThat(jdbc.queryForList("SELECT code || ' ' || COALESCE(name_ru, '-') || ' ' || COALESCE(name_az, '-')"
                + " FROM aid_warehouse ORDER BY code", String.class)).containsExactly(
                "WH-GOR Центральный склад Гориса Gorus mərkəzi anbarı",
                "WH-OWN - -",
                "WH-YER Логистический центр Еревана İrəvan logistika mərkəzi");

        migrateTo("30");
        assertThat(jdbc.queryForList("SELECT name_key || ' ' || person_id || ' ' || given_folded || ' ' || sex"
                + " FROM person_name_key ORDER BY name_key, person_id", String.class)).containsExactly(
                "HOVANISAN " + son + " tigran MALE",
                "HVNSN " + mother + " anahit FEMALE",
                "HVNSN " + son + " tigran MALE",
                "MMTF " + father + " elvin MALE");

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person", Long.class)).isEqualTo(3);
    }

    private static void migrateTo(String version) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(version).load().migrate();
        assertThat(jdbc.queryForObject("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history"
                + " WHERE success", Integer.class)).isEqualTo(Integer.parseInt(version));
    }

    private static long household(String status, String agency, long origin, long current) {
        jdbc.update("INSERT INTO household (registration_number, status, head_family_name, head_given_name,"
                + " member_count, origin_settlement_id, current_settlement_id, displaced_on, consent_share_partners,"
                + " consent_contact, agency_code, registered_by, created_at, updated_at) VALUES (?, ?, 'Head', 'Of',"
                + " 1, ?, ?, DATE '2020-10-15', FALSE, TRUE, ?, 'someone', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                "FA-" + agency + "-" + status, status, origin, current, agency);
        return jdbc.queryForObject("SELECT MAX(id) FROM household", Long.class);
    }

    private static long person(long household, int position, String family, String given, String familyFolded,
                               String givenFolded, String sex) {
        jdbc.update("INSERT INTO person (household_id, position, family_name, given_name, family_folded, given_folded,"
                + " sex, birth_date, birth_date_estimated, relation) VALUES (?, ?, ?, ?, ?, ?, ?, DATE '1980-05-05',"
                + " FALSE, ?)", household, position, family, given, familyFolded, givenFolded, sex,
                position == 0 ? "HEAD" : "CHILD");
        return jdbc.queryForObject("SELECT MAX(id) FROM person", Long.class);
    }

    private static void key(String key, long person, long household) {
        jdbc.update("INSERT INTO person_name_key (name_key, birth_date, person_id, household_id) VALUES (?,"
                + " DATE '1980-05-05', ?, ?)", key, person, household);
    }

    private static void warehouse(String code, String name, long settlement) {
        jdbc.update("INSERT INTO aid_warehouse (code, name, agency_code, settlement_id) VALUES (?, ?, 'MCHS', ?)", code,
                name, settlement);
    }
}
