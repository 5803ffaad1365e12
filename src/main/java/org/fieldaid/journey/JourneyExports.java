package org.fieldaid.journey;

import static org.fieldaid.report.ColumnAccess.AGGREGATE;
import static org.fieldaid.report.ColumnAccess.PERSONAL;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.fieldaid.report.ExportColumn;
import org.fieldaid.report.ExportSource;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.springframework.stereotype.Component;

/**
 * The journey board and its checkpoint crossings as the exporter takes them (decision 021), with the board's
 * filter. Rows stream through {@link Journeys}, which checks that the caller reads journeys. Places are written by
 * the Latin-script names of both traditions.
 */
@Component
public class JourneyExports {

    private final Journeys journeys;
    private final Settlements settlements;

    JourneyExports(Journeys journeys, Settlements settlements) {
        this.journeys = journeys;
        this.settlements = settlements;
    }

    public ExportSource<JourneyRow> journeys(JourneyFilter filter) {
        Map<Long, String> places = places();
        return ExportSource.of("journeys", filter + ", newest first", List.of(
                ExportColumn.number("journey_id", "#meta+id", AGGREGATE, JourneyRow::id),
                ExportColumn.text("registration_number", "#affected+hh+code", PERSONAL, JourneyRow::registrationNumber),
                ExportColumn.text("head_name", "#affected+hh+head+name", PERSONAL, JourneyRow::headName),
                ExportColumn.text("status", "#status", AGGREGATE, JourneyRow::status),
                ExportColumn.date("planned_on", "#date+planned", AGGREGATE, JourneyRow::plannedOn),
                ExportColumn.text("from_settlement", "#loc+name+origin", AGGREGATE,
                        j -> j.fromSettlementId() == null ? null : places.get(j.fromSettlementId())),
                ExportColumn.text("destination", "#loc+name+dest", AGGREGATE, j -> places.get(j.destinationId())),
                ExportColumn.number("travellers", "#affected+ind", AGGREGATE, JourneyRow::travellers),
                ExportColumn.number("convoy_id", "#meta+convoy", AGGREGATE, JourneyRow::convoyId),
                ExportColumn.text("flagged", "#status+flagged", AGGREGATE, JourneyRow::flagged),
                ExportColumn.text("flag_reason", "#status+flagged+reason", AGGREGATE, JourneyRow::flagReason),
                ExportColumn.text("agency", "#org+code", AGGREGATE, JourneyRow::agencyCode),
                ExportColumn.text("planned_by", "#contact+name+planner", PERSONAL, JourneyRow::plannedBy),
                ExportColumn.date("planned_at", "#date+created", AGGREGATE, JourneyRow::plannedAt),
                ExportColumn.text("decided_by", "#contact+name+decider", PERSONAL, JourneyRow::decidedBy),
                ExportColumn.text("rejection_reason", "#meta+reason+rejected", PERSONAL, JourneyRow::rejectionReason),
                ExportColumn.date("departed_at", "#date+departed", AGGREGATE, JourneyRow::departedAt),
                ExportColumn.date("crossed_at", "#date+crossed", AGGREGATE, JourneyRow::crossedAt),
                ExportColumn.date("arrived_at", "#date+arrived", AGGREGATE, JourneyRow::arrivedAt),
                ExportColumn.text("abort_reason", "#meta+reason+aborted", PERSONAL, JourneyRow::abortReason)),
                sink -> journeys.forEachJourney(filter, sink));
    }

    public ExportSource<CrossingExportRow> crossings(JourneyFilter filter) {
        Map<Long, String> places = places();
        return ExportSource.of("crossings", filter + ", newest journey first", List.of(
                ExportColumn.number("crossing_id", "#meta+id", AGGREGATE, CrossingExportRow::id),
                ExportColumn.number("journey_id", "#meta+journey", AGGREGATE, CrossingExportRow::journeyId),
                ExportColumn.text("registration_number", "#affected+hh+code", PERSONAL,
                        CrossingExportRow::registrationNumber),
                ExportColumn.text("checkpoint", "#loc+name+checkpoint", AGGREGATE, CrossingExportRow::checkpoint),
                ExportColumn.date("crossed_at", "#date+crossed", AGGREGATE, CrossingExportRow::crossedAt),
                ExportColumn.text("destination", "#loc+name+dest", AGGREGATE, c -> places.get(c.destinationId())),
                ExportColumn.number("travellers", "#affected+ind+planned", AGGREGATE, CrossingExportRow::travellers),
                ExportColumn.number("crossed", "#reached+ind", AGGREGATE, CrossingExportRow::crossed),
                ExportColumn.number("discrepancies", "#meta+discrepancies+num", AGGREGATE,
                        CrossingExportRow::discrepancies),
                ExportColumn.text("discrepancy_details", "#meta+discrepancies", PERSONAL,
                        CrossingExportRow::discrepancyDetails),
                ExportColumn.text("officer", "#contact+name+officer", PERSONAL, CrossingExportRow::officer),
                ExportColumn.text("note", "#description+note", PERSONAL, CrossingExportRow::note)),
                sink -> journeys.forEachCrossing(filter, sink));
    }

    private Map<Long, String> places() {
        return settlements.all().stream().collect(Collectors.toMap(SettlementRow::id, s -> s.label(Locale.ENGLISH)));
    }
}
