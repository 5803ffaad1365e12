package org.fieldaid.audit;

import static org.fieldaid.report.ColumnAccess.AGGREGATE;
import static org.fieldaid.report.ColumnAccess.PERSONAL;
import static org.fieldaid.report.ColumnAccess.SENSITIVE;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.fieldaid.base.ui.AuditActions;
import org.fieldaid.base.ui.Languages;
import org.fieldaid.base.ui.Translations;
import org.fieldaid.report.ColumnAccess;
import org.fieldaid.report.ExportColumn;
import org.fieldaid.report.ExportSource;
import org.fieldaid.security.Authority;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The audit log as the exporter takes it (decision 021). It is exported by the authority to read it,
 * {@code AUDIT:READ}, which stands in for {@code EXPORT:PERSONAL} here: who did what is the log's purpose. The values
 * before and after can hold a family's health and protection details, so they count as sensitive and also need
 * {@code PII:SENSITIVE}, which no administrator has. Action codes stay the stable English codes; the agency is
 * written by its code and its English name. The summary is written as recorded in English, and once more in the
 * reader's language (decision 022).
 */
@Component
public class AuditExports {

    private final AuditLog auditLog;
    private final Translations translations;

    AuditExports(AuditLog auditLog, Translations translations) {
        this.auditLog = auditLog;
        this.translations = translations;
    }

    /** The log with its summaries also in the reader's language, in a column named and tagged by the language. */
    public ExportSource<AuditEntry> log(AuditFilter filter, Sort sort, Locale reader) {
        Locale language = Languages.supported(reader);
        List<ExportColumn<AuditEntry>> columns = List.of(
                ExportColumn.number("event_id", "#meta+id", AGGREGATE, AuditEntry::id),
                ExportColumn.date("occurred_at", "#date", AGGREGATE, AuditEntry::occurredAt),
                ExportColumn.text("actor", "#contact+name+actor", PERSONAL, AuditEntry::actor),
                ExportColumn.text("agency", "#org+code", AGGREGATE, AuditEntry::agencyCode),
                ExportColumn.text("agency_name", "#org+name", AGGREGATE, e -> agencyName(e.agencyCode())),
                ExportColumn.text("action", "#meta+action", AGGREGATE, AuditEntry::action),
                ExportColumn.text("record_type", "#meta+record+type", AGGREGATE, AuditEntry::entityType),
                ExportColumn.text("record_id", "#meta+record+id", PERSONAL, AuditEntry::entityId),
                ExportColumn.text("summary", "#description", PERSONAL, AuditEntry::summary),
                ExportColumn.text("summary_" + language.getLanguage(), "#description+i_" + language.getLanguage(),
                        PERSONAL, e -> AuditActions.summary(translations, language, e.summaryKey(), e.arguments(),
                                e.summary())),
                ExportColumn.text("before", "#meta+value+before", SENSITIVE, AuditEntry::before),
                ExportColumn.text("after", "#meta+value+after", SENSITIVE, AuditEntry::after));
        return new ExportSource<>() {
            @Override
            public String list() {
                return "audit-log";
            }

            @Override
            public String filter() {
                return filter + ", sort " + sort;
            }

            @Override
            public List<ExportColumn<AuditEntry>> columns() {
                return columns;
            }

            @Override
            public boolean allows(ColumnAccess access, Predicate<Authority> has) {
                return access.allowedToReaders(has, Authority.AUDIT_READ);
            }

            @Override
            public void forEach(Consumer<AuditEntry> sink) {
                auditLog.forEach(filter, sort, sink);
            }
        };
    }

    /** The seeded agencies' English names; an agency added later is known by its code. */
    private String agencyName(String code) {
        return code != null && Translations.exists("agency." + code)
                ? translations.getTranslation("agency." + code, Locale.ENGLISH) : null;
    }
}
