package org.fieldaid.backup;

import static org.fieldaid.security.Authority.Codes.BACKUP_RUN;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a consistent copy of the H2 database, while the application runs, with H2's own {@code BACKUP TO}: a zip
 * of the database file in the data directory's {@code backup} folder. On PostgreSQL the database server's own
 * tools make backups ({@code pg_dump}, see the README); this service says so instead.
 */
@Service
public class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Path folder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Backups(DataSource dataSource, @Value("${fieldaid.data-dir}") Path dataDir, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.dataSource = dataSource;
        this.folder = dataDir.resolve("backup");
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Whether this application runs on H2, so that a backup can be started from the screen. */
    @PreAuthorize("hasAuthority('" + BACKUP_RUN + "')")
    public boolean available() {
        return isH2();
    }

    /** The folder the backups are written to. */
    @PreAuthorize("hasAuthority('" + BACKUP_RUN + "')")
    public Path folder() {
        return folder.toAbsolutePath().normalize();
    }

    /**
     * Writes {@code fieldaid-<UTC time>.zip} and audits it.
     *
     * @throws InvalidInputException {@code backup.error.not-h2} on PostgreSQL
     */
    @PreAuthorize("hasAuthority('" + BACKUP_RUN + "')")
    public BackupFile runH2Backup() {
        if (!isH2()) {
            throw InvalidInputException.of("backup", "backup.error.not-h2");
        }
        Instant now = clock.instant();
        Path target = freeName(now);
        try {
            Files.createDirectories(target.getParent());
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
            }
            BackupFile file = new BackupFile(target, Files.size(target), now);
            transaction.executeWithoutResult(status -> events.publishEvent(AuditRecord.of("BACKUP_MADE", "BACKUP",
                    target.getFileName(), "H2 backup written to " + target + " (" + file.bytes() + " bytes)", null,
                    null).saying("backup-made", target, file.bytes())));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup to " + target, e);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 could not write the backup to " + target, e);
        }
    }

    private Path freeName(Instant now) {
        Path target = folder().resolve("fieldaid-" + STAMP.format(now) + ".zip");
        for (int n = 2; Files.exists(target); n++) {
            target = folder().resolve("fieldaid-" + STAMP.format(now) + "-" + n + ".zip");
        }
        return target;
    }

    private boolean isH2() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("H2");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach the database", e);
        }
    }
}
