package org.fieldaid.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TableChecksums;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The H2 backup an administrator starts from the screen, on the H2 file database of the demo, restored: every
 * table has the same rows, counted and checksummed. In a JVM of its own (see IntegrationTest).
 */
@SpringBootTest
@ActiveProfiles("demo")
@Import(SignIn.class)
class BackupH2OwnContextTest {

    private static final Path DATA_DIR = temporaryFolder("fieldaid-backup-test");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry properties) {
        properties.add("fieldaid.data-dir", DATA_DIR::toString);
    }

    @Autowired Backups backups;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void anAdminsBackupRestoresToTheSameRowsInEveryTable() throws Exception {
        Map<String, TableChecksums.Table> before;
        try (Connection live = dataSource.getConnection()) {
            before = TableChecksums.of(live, "PUBLIC");
        }
        assertThat(before).hasSizeGreaterThan(20);
        assertThat(before.get("household").rows()).as("the demo data is there").isGreaterThan(50);
        long audited = backupRows();

        signIn.as("admin");
        BackupFile file = backups.runH2Backup();

        assertThat(file.path()).startsWith(DATA_DIR.resolve("backup").toAbsolutePath().normalize()).exists();
        assertThat(file.path().getFileName().toString()).matches("fieldaid-\\d{8}-\\d{6}(-\\d+)?\\.zip");
        assertThat(file.bytes()).isEqualTo(Files.size(file.path())).isPositive();
        assertThat(backupRows()).as("audited").isEqualTo(audited + 1);
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE action = 'BACKUP_MADE' ORDER BY id DESC"
                + " LIMIT 1", String.class)).isEqualTo("admin");

        Path restored = Files.createTempDirectory("fieldaid-restored");
        unzip(file.path(), restored);
        assertThat(restored.resolve("fieldaid.mv.db")).exists();
        try (Connection copy = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("fieldaid")
                + ";IFEXISTS=TRUE", "sa", "")) {
            Map<String, TableChecksums.Table> after = TableChecksums.of(copy, "PUBLIC");
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void onlyTheAdministratorMayStartABackup() throws Exception {
        long audited = backupRows();
        long files = files();
        for (String user : new String[] {"mchs.supervisor", "mfa.analyst", "mchs.officer"}) {
            signIn.as(user);
            assertThatThrownBy(backups::runH2Backup).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(backups::folder).as(user).isInstanceOf(AccessDeniedException.class);
        }
        signIn.out();
        assertThatThrownBy(backups::runH2Backup).isInstanceOf(Exception.class);
        assertThat(backupRows()).as("no audit row for a refused backup").isEqualTo(audited);
        assertThat(files()).as("and no file").isEqualTo(files);
        assertThat(signIn.run("admin", backups::available)).as("on H2 the screen offers it").isTrue();
    }

    private long backupRows() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'BACKUP_MADE'", Long.class);
    }

    private static long files() throws IOException {
        Path folder = DATA_DIR.resolve("backup");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var list = Files.list(folder)) {
            return list.count();
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
