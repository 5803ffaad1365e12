package org.fieldaid.referral;

import static org.fieldaid.report.ColumnAccess.AGGREGATE;
import static org.fieldaid.report.ColumnAccess.PERSONAL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.fieldaid.report.ExportColumn;
import org.fieldaid.report.ExportSource;
import org.springframework.stereotype.Component;

/**
 * The referral lists as the exporter takes them: by service, agency, status and age in days, the household by its
 * number only, and only for those who may take names. The rows are those the caller's list shows.
 */
@Component
public class ReferralExports {

    private final Referrals referrals;
    private final Clock clock;

    ReferralExports(Referrals referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    public ExportSource<ReferralExportRow> referrals(ReferralQuery query) {
        Instant now = clock.instant();
        List<ExportColumn<ReferralExportRow>> columns = List.of(
                ExportColumn.number("referral_id", "#activity+id", AGGREGATE, ReferralExportRow::id),
                ExportColumn.text("registration_number", "#affected+hh+code", PERSONAL,
                        ReferralExportRow::registrationNumber),
                ExportColumn.text("service", "#service", AGGREGATE, r -> r.service().name()),
                ExportColumn.text("from_agency", "#org+code+from", AGGREGATE, ReferralExportRow::fromAgency),
                ExportColumn.text("to_agency", "#org+code+to", AGGREGATE, ReferralExportRow::toAgency),
                ExportColumn.text("urgency", "#priority", AGGREGATE, r -> r.urgency().name()),
                ExportColumn.text("status", "#status", AGGREGATE, r -> r.status().name()),
                ExportColumn.number("members", "#affected+ind", AGGREGATE, ReferralExportRow::members),
                ExportColumn.text("consent_given", "#meta+consent", AGGREGATE, r -> r.consentGiven() ? "yes" : "no"),
                ExportColumn.date("sent_at", "#date+sent", AGGREGATE, ReferralExportRow::sentAt),
                ExportColumn.number("age_days", "#date+age+days", AGGREGATE, r -> Duration.between(r.sentAt(),
                        r.endedAt() == null ? now : r.endedAt()).toDays()),
                ExportColumn.date("accepted_at", "#date+accepted", AGGREGATE, ReferralExportRow::acceptedAt),
                ExportColumn.date("ended_at", "#date+ended", AGGREGATE, ReferralExportRow::endedAt),
                ExportColumn.text("outcome", "#status+outcome", AGGREGATE,
                        r -> r.outcome() == null ? null : r.outcome().name()),
                ExportColumn.text("overdue", "#status+overdue", AGGREGATE, r -> r.overdue() ? "yes" : "no"));
        return new Source(query, columns);
    }

    private final class Source implements ExportSource<ReferralExportRow> {
        private final ReferralQuery query;
        private final List<ExportColumn<ReferralExportRow>> columns;

        Source(ReferralQuery query, List<ExportColumn<ReferralExportRow>> columns) {
            this.query = query;
            this.columns = columns;
        }

        @Override
        public String list() {
            return query.box() == ReferralQuery.Box.RECEIVED ? "referrals-received" : "referrals-sent";
        }

        @Override
        public String filter() {
            return query.toString();
        }

        @Override
        public List<ExportColumn<ReferralExportRow>> columns() {
            return columns;
        }

        @Override
        public void forEach(Consumer<ReferralExportRow> sink) {
            referrals.forEach(query, sink);
        }
    }
}
