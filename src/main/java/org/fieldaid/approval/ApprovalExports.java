package org.fieldaid.approval;

import static org.fieldaid.report.ColumnAccess.AGGREGATE;
import static org.fieldaid.report.ColumnAccess.PERSONAL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.fieldaid.report.ColumnAccess;
import org.fieldaid.report.ExportColumn;
import org.fieldaid.report.ExportSource;
import org.fieldaid.security.Authority;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The supervisors' inbox as the exporter takes it. It is exported by the people who decide it (decision 021): an
 * approver's authority stands in for {@code EXPORT:AGGREGATE}, so a supervisor may take the backlog (kinds, agencies,
 * ages, whether a note waits) to a coordinator; what names a family or a colleague needs {@code EXPORT:PERSONAL}.
 */
@Component
public class ApprovalExports {

    static final Set<Authority> APPROVERS = EnumSet.of(Authority.HOUSEHOLD_APPROVE, Authority.AID_APPROVE,
            Authority.JOURNEY_APPROVE);

    private final Approvals approvals;
    private final Clock clock;

    ApprovalExports(Approvals approvals, Clock clock) {
        this.approvals = approvals;
        this.clock = clock;
    }

    public ExportSource<ApprovalExportRow> inbox(InboxFilter filter, Sort sort) {
        Instant now = clock.instant();
        List<ExportColumn<ApprovalExportRow>> columns = List.of(
                ExportColumn.number("request_id", "#meta+id", AGGREGATE, ApprovalExportRow::id),
                ExportColumn.text("kind", "#meta+kind", AGGREGATE, ApprovalExportRow::kind),
                ExportColumn.number("subject_id", "#meta+subject+id", PERSONAL, ApprovalExportRow::subjectId),
                ExportColumn.text("subject", "#meta+subject", PERSONAL, ApprovalExportRow::subjectLabel),
                ExportColumn.text("agency", "#org+code", AGGREGATE, ApprovalExportRow::agencyCode),
                ExportColumn.text("requested_by", "#contact+name+requester", PERSONAL, ApprovalExportRow::requestedBy),
                ExportColumn.date("requested_at", "#date+requested", AGGREGATE, ApprovalExportRow::requestedAt),
                ExportColumn.number("age_days", "#meta+age+days", AGGREGATE,
                        r -> Duration.between(r.requestedAt(), now).toDays()),
                ExportColumn.text("status", "#status", AGGREGATE, ApprovalExportRow::status),
                ExportColumn.text("has_note", "#meta+note", AGGREGATE, r -> r.note() != null),
                ExportColumn.text("note", "#description+note", PERSONAL, ApprovalExportRow::note));
        return new ExportSource<>() {
            @Override
            public String list() {
                return "approvals";
            }

            @Override
            public String filter() {
                return filter + ", sort " + sort;
            }

            @Override
            public List<ExportColumn<ApprovalExportRow>> columns() {
                return columns;
            }

            @Override
            public boolean allows(ColumnAccess access, Predicate<Authority> has) {
                return access.allowedTo(has)
                        || access == AGGREGATE && APPROVERS.stream().anyMatch(has);
            }

            @Override
            public void forEach(Consumer<ApprovalExportRow> sink) {
                approvals.forEachInInbox(filter, sort, sink);
            }
        };
    }
}
