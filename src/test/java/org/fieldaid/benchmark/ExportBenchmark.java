package org.fieldaid.benchmark;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.fieldaid.FieldAidApplication;
import org.fieldaid.household.HouseholdExports;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.report.ExportOptions;
import org.fieldaid.report.ExportResult;
import org.fieldaid.report.Exports;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Exporting every person of the scale data, as an analyst with every personal column, on H2 and PostgreSQL: rows
 * per second next to the database's own CSV writer on the same rows (H2 {@code CSVWRITE}, PostgreSQL
 * {@code COPY ... TO STDOUT WITH CSV}), and how much the live heap grows while the export streams.
 */
class ExportBenchmark {

    private static final int HOUSEHOLDS = Integer.getInteger("benchmark.households", 250_000);
    /** The persons export's rows as the database writes them itself: the same join and the same order. */
    private static final String SAME_ROWS = """
            SELECT h.registration_number, h.status, p.relation, p.family_name, p.given_name, p.patronymic, p.sex,
                   p.birth_date, p.birth_date_estimated, p.document_type, p.document_number, p.vulnerabilities,
                   h.origin_settlement_id, h.current_settlement_id, p.returned
              FROM person p JOIN household h ON h.id = p.household_id
             WHERE h.status <> 'DRAFT' OR h.agency_code = 'MFA'
             ORDER BY h.id DESC, p.position""";

    @Test
    void everyPersonOfTheScaleDataExportedAtScale() throws Exception {
        List<String> report = ScaleDatabases.measureEach(this::measure);
        System.out.println();
        System.out.println("Export benchmark, " + HOUSEHOLDS + " households");
        report.forEach(System.out::println);
    }

    private String measure(String database, List<String> connection) throws Exception {
        List<String> args = new ArrayList<>(connection);
        args.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.org.fieldaid=info"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FieldAidApplication.class)
                .profiles("demo").run(args.toArray(String[]::new))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            BenchmarkSignIn.as(app, "mfa.analyst");
            Exports exports = app.getBean(Exports.class);
            HouseholdExports households = app.getBean(HouseholdExports.class);
            long persons = jdbc.queryForObject("SELECT COUNT(*) FROM person", Long.class);

            // warm-up: the first thousands of rows
            AtomicLong warm = new AtomicLong();
            exports.write(households.persons(HouseholdFilter.none(), Sort.unsorted()), ExportOptions.plain(),
                    OutputStream.nullOutputStream(), () -> warm.incrementAndGet() > 50_000, rows -> { });

            CountingStream out = new CountingStream();
            Cpu cpu = new Cpu(database);
            long start = System.nanoTime();
            Cpu.Reading cpuBefore = cpu.read();
            ExportResult result = exports.write(households.persons(HouseholdFilter.none(), Sort.unsorted()),
                    ExportOptions.plain(), out, () -> false, rows -> { });
            Cpu.Reading exportCpu = cpu.read().minus(cpuBefore);
            double seconds = (System.nanoTime() - start) / 1e9;

            long start2 = System.nanoTime();
            Cpu.Reading cpuBefore2 = cpu.read();
            long databaseRows = databaseWriter(database, jdbc);
            Cpu.Reading databaseCpu = cpu.read().minus(cpuBefore2);
            double databaseSeconds = (System.nanoTime() - start2) / 1e9;

            // the live heap: collected at every 100,000 rows, against what it was before the export
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            long[] highest = {0};
            exports.write(households.persons(HouseholdFilter.none(), Sort.unsorted()), ExportOptions.plain(),
                    OutputStream.nullOutputStream(), () -> false, rows -> {
                        if (rows % 100_000 == 0 || rows == result.rows()) {
                            System.gc();
                            highest[0] = Math.max(highest[0], memory.getHeapMemoryUsage().getUsed() - before);
                        }
                    });
            return String.format(Locale.ROOT, """
                    %s: %,d persons
                      export, all persons, every personal column   %,d rows in %.1f s = %,.0f rows/s, %,d MB written
                      the database's own CSV writer, same rows     %,d rows in %.1f s = %,.0f rows/s   (export at %.2f× its rate)
                      live heap growth while exporting             %.1f MB (largest, collected every 100,000 rows)
                      CPU time, export                             %s
                      CPU time, the database's own CSV writer      %s   (export: %.2f× its rows per CPU second)""",
                    database, persons, result.rows(), seconds, result.rows() / seconds, out.bytes.get() >> 20,
                    databaseRows, databaseSeconds, databaseRows / databaseSeconds,
                    (result.rows() / seconds) / (databaseRows / databaseSeconds),
                    highest[0] / 1048576.0, exportCpu, databaseCpu,
                    databaseCpu.total() / (double) exportCpu.total() * result.rows() / databaseRows);
        }
    }

    /** The same rows written to CSV by the database itself; the number of rows it wrote. */
    private static long databaseWriter(String database, JdbcTemplate jdbc) throws Exception {
        if ("H2".equals(database)) {
            Path file = Files.createTempFile("h2-csvwrite", ".csv");
            try {
                return jdbc.queryForObject("CALL CSVWRITE('" + file + "', '" + SAME_ROWS.replace("'", "''")
                        + "', 'charset=UTF-8')", Long.class);
            } finally {
                Files.delete(file);
            }
        }
        try (var connection = jdbc.getDataSource().getConnection()) {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + SAME_ROWS
                    + ") TO STDOUT WITH CSV HEADER", OutputStream.nullOutputStream());
        }
    }

    /**
     * The CPU time the export takes, whatever else the machine is doing: this JVM's (the export, its collector and
     * compiler) and, on PostgreSQL, the embedded server's processes'. A rate ratio on a loaded machine says more
     * about the other load than about the export.
     */
    private record Cpu(String database) {

        record Reading(long jvmNanos, long databaseNanos) {
            Reading minus(Reading other) {
                return new Reading(jvmNanos - other.jvmNanos, databaseNanos - other.databaseNanos);
            }

            long total() {
                return jvmNanos + databaseNanos;
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%.2f s (JVM %.2f s, database server %.2f s)", total() / 1e9,
                        jvmNanos / 1e9, databaseNanos / 1e9);
            }
        }

        Reading read() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new Reading(jvm, "PostgreSQL".equals(database) ? postgresNanos() : 0);
        }

        /** The embedded server of this JVM: the postmaster started on its port, and every backend below it. */
        private static long postgresNanos() {
            String port = String.valueOf(org.fieldaid.support.PostgresInitializer.server().getPort());
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains(port)).orElse(false))
                    .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                    .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L)).sum();
        }
    }

    private static final class CountingStream extends OutputStream {
        final AtomicLong bytes = new AtomicLong();

        @Override
        public void write(int b) {
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.addAndGet(len);
        }
    }
}
