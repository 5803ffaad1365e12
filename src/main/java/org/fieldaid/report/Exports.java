package org.fieldaid.report;

import static org.fieldaid.security.Authority.Codes.AID_APPROVE;
import static org.fieldaid.security.Authority.Codes.AUDIT_READ;
import static org.fieldaid.security.Authority.Codes.EXPORT_AGGREGATE;
import static org.fieldaid.security.Authority.Codes.EXPORT_PERSONAL;
import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_APPROVE;
import static org.fieldaid.security.Authority.Codes.JOURNEY_APPROVE;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.apache.commons.csv.CSVFormat;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.Caller;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.security.Authority;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a list to CSV (RFC 4180, UTF-8) as it streams from the database, with the columns the caller may take,
 * and audits every export, finished or not (decision 020).
 */
@Service
public class Exports {

    /**
     * Who may export at all: the matrix's exporters, and the readers of the lists that are exported by the authority
     * to read them (decision 021). Which columns, if any, a caller takes is then the source's rule.
     */
    private static final String EXPORTERS = "hasAnyAuthority('" + EXPORT_PERSONAL + "', '" + EXPORT_AGGREGATE + "', '"
            + AUDIT_READ + "', '" + HOUSEHOLD_APPROVE + "', '" + AID_APPROVE + "', '" + JOURNEY_APPROVE + "')";
    /** Progress is reported every this many rows. */
    static final int PROGRESS_STEP = 2_000;
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final Caller caller;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate audit;

    Exports(Caller caller, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.caller = caller;
        this.events = events;
        this.audit = new TransactionTemplate(transactions);
        this.audit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The columns of the source that the caller may take, in the source's order.
     *
     * @throws AccessDeniedException when the caller may take none: they may not export this list
     */
    @PreAuthorize(EXPORTERS)
    public <R> List<ExportColumn<R>> columnsFor(ExportSource<R> source) {
        List<ExportColumn<R>> columns = source.columns().stream().filter(c -> source.allows(c.access(), this::has))
                .toList();
        if (columns.isEmpty()) {
            throw new AccessDeniedException("Not allowed to export " + source.list());
        }
        return columns;
    }

    /** Whether the caller may take such columns of the source: for a screen that says what is left out and why. */
    @PreAuthorize(EXPORTERS)
    public boolean mayTake(ExportSource<?> source, ColumnAccess access) {
        columnsFor(source);
        return source.allows(access, this::has);
    }

    /**
     * Writes the export to the stream, which it does not close.
     *
     * @param cancelled asked between rows; when it answers true the export stops, and is audited as cancelled
     * @param progress told the number of rows written, every {@value #PROGRESS_STEP} rows and at the end
     * @throws InvalidInputException for a passphrase too short ({@code passphrase})
     */
    @PreAuthorize(EXPORTERS)
    public <R> ExportResult write(ExportSource<R> source, ExportOptions options, OutputStream out,
                                  BooleanSupplier cancelled, LongConsumer progress) {
        List<ExportColumn<R>> columns = columnsFor(source);
        checkPassphrase(options);
        List<String> names = columns.stream().map(ExportColumn::name).toList();
        long[] rows = {0};
        boolean complete = false;
        try {
            OutputStream target = options.encrypted() ? encrypted(out, options.passphrase(), source.list() + ".csv")
                    : out;
            Writer writer = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
            if (options.byteOrderMark()) {
                writer.write('\uFEFF');
            }
            // each record is printed by the format into a builder and written at once: a printer takes its lock
            // for every value, and a Writer for every call the format makes on it, character by character (a
            // fifth of the export's time together)
            Records records = new Records(writer);
            CSV.printRecord(records.record, names.toArray());
            if (options.hxlTags()) {
                CSV.printRecord(records.record, columns.stream().map(ExportColumn::hxl).toArray());
            }
            records.write();
            Object[] cells = new Object[columns.size()];
            try {
                source.forEach(row -> {
                    if (cancelled.getAsBoolean()) {
                        throw new ExportCancelled();
                    }
                    for (int i = 0; i < cells.length; i++) {
                        ExportColumn<R> column = columns.get(i);
                        cells[i] = cell(column, column.value().apply(row));
                    }
                    try {
                        CSV.printRecord(records.record, cells);
                        records.write();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (++rows[0] % PROGRESS_STEP == 0) {
                        progress.accept(rows[0]);
                    }
                });
                complete = true;
            } catch (ExportCancelled stopped) {
                // what was written stays a readable file; the audit says it is not all
            }
            writer.flush();
            if (target != out) {
                ((ZipOutputStream) target).closeEntry();
                target.close();
            }
            progress.accept(rows[0]);
            return new ExportResult(rows[0], names, complete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            audit(source, options, names, rows[0], complete);
        }
    }

    /** The records printed so far into a builder, written to the writer a record at a time. */
    private static final class Records {
        final StringBuilder record = new StringBuilder(512);
        private final Writer writer;
        private char[] chars = new char[512];

        Records(Writer writer) {
            this.writer = writer;
        }

        void write() throws IOException {
            int length = record.length();
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            record.getChars(0, length, chars, 0);
            writer.write(chars, 0, length);
            record.setLength(0);
        }
    }

    private static void checkPassphrase(ExportOptions options) {
        if (options.encrypted() && options.passphrase().strip().length() < ExportOptions.MIN_PASSPHRASE) {
            throw InvalidInputException.of("passphrase", "export.error.passphrase-short");
        }
        if (options.encrypted()) {
            org.fieldaid.base.TextInput.require("passphrase", options.passphrase(), ExportOptions.MAX_PASSPHRASE,
                    false);
        }
    }

    /**
     * The ZIP keeps the stream open below it: zip4j closes what it wraps, and the download handler owns the
     * response's stream.
     */
    private static ZipOutputStream encrypted(OutputStream out, String passphrase, String fileName) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        }, passphrase.toCharArray());
        ZipParameters parameters = new ZipParameters();
        parameters.setCompressionMethod(CompressionMethod.DEFLATE);
        parameters.setEncryptFiles(true);
        parameters.setEncryptionMethod(EncryptionMethod.AES);
        parameters.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        parameters.setFileNameInZip(fileName);
        zip.putNextEntry(parameters);
        return zip;
    }

    static Object cell(ExportColumn<?> column, Object value) {
        if (value == null) {
            return "";
        }
        return switch (column.kind()) {
            case NUMBER -> value.toString();
            case DATE -> switch (value) {
                case LocalDate d -> d.toString();
                case LocalDateTime t -> t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                case Instant i -> DateTimeFormatter.ISO_INSTANT.format(i);
                default -> neutralised(value.toString());
            };
            case TEXT -> neutralised(value.toString());
        };
    }

    /**
     * A text cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return first) gets a
     * leading apostrophe, as OWASP advises against CSV injection; the value is otherwise kept as it is.
     */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    private void audit(ExportSource<?> source, ExportOptions options, List<String> columns, long rows,
                       boolean complete) {
        String summary = "Exported " + source.list() + ": " + rows + " rows" + (complete ? "" : " (not complete)")
                + (options.encrypted() ? ", encrypted" : "");
        String details = "filter: " + source.filter() + "; columns: " + String.join(", ", columns)
                + "; rows: " + rows + "; complete: " + complete + "; encrypted: " + options.encrypted();
        String key = "export" + (complete ? "" : "-stopped") + (options.encrypted() ? "-encrypted" : "");
        audit.executeWithoutResult(status -> events.publishEvent(AuditRecord.of(complete ? "EXPORT" : "EXPORT_STOPPED",
                "EXPORT", source.list(), summary, null, details)
                .saying(key, AuditRecord.term("export.list.", source.list()), rows)));
    }

    private boolean has(Authority authority) {
        return caller.hasAuthority(authority.code());
    }
}
