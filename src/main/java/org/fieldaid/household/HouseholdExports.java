package org.fieldaid.household;

import static org.fieldaid.report.ColumnAccess.AGGREGATE;
import static org.fieldaid.report.ColumnAccess.PERSONAL;
import static org.fieldaid.report.ColumnAccess.SENSITIVE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.fieldaid.report.ExportColumn;
import org.fieldaid.report.ExportSource;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The household list and its persons as the exporter takes them: stable English column names with HXL hashtags,
 * place names in Latin script (both traditions'), and the rows the caller's list shows, streamed by the registry.
 */
@Component
public class HouseholdExports {

    private final HouseholdRegistry registry;
    private final Settlements settlements;
    private final Clock clock;

    HouseholdExports(HouseholdRegistry registry, Settlements settlements, Clock clock) {
        this.registry = registry;
        this.settlements = settlements;
        this.clock = clock;
    }

    public ExportSource<HouseholdExportRow> households(HouseholdFilter filter, Sort sort) {
        Places places = places();
        return new Source<>("households", filter, sort, List.of(
                ExportColumn.text("registration_number", "#affected+hh+code", PERSONAL,
                        HouseholdExportRow::registrationNumber),
                ExportColumn.text("status", "#status", AGGREGATE, HouseholdExportRow::status),
                ExportColumn.text("head_family_name", "#affected+hh+head+name+family", PERSONAL,
                        HouseholdExportRow::headFamilyName),
                ExportColumn.text("head_given_name", "#affected+hh+head+name+given", PERSONAL,
                        HouseholdExportRow::headGivenName),
                ExportColumn.number("members", "#affected+ind", AGGREGATE, HouseholdExportRow::memberCount),
                ExportColumn.text("origin_settlement", "#loc+name+origin", AGGREGATE,
                        r -> places.name(r.originSettlementId())),
                ExportColumn.text("origin_district", "#adm1+name+origin", AGGREGATE,
                        r -> places.district(r.originSettlementId())),
                ExportColumn.text("current_settlement", "#loc+name+current", AGGREGATE,
                        r -> places.name(r.currentSettlementId())),
                ExportColumn.text("current_address", "#loc+address+current", PERSONAL,
                        HouseholdExportRow::currentAddress),
                ExportColumn.date("displaced_on", "#date+displaced", AGGREGATE, HouseholdExportRow::displacedOn),
                ExportColumn.text("phone", "#contact+phone", PERSONAL, HouseholdExportRow::phone),
                ExportColumn.text("consent_share_partners", "#meta+consent+partners", AGGREGATE,
                        HouseholdExportRow::consentSharePartners),
                ExportColumn.text("consent_contact", "#meta+consent+contact", AGGREGATE,
                        HouseholdExportRow::consentContact),
                ExportColumn.text("needs", "#affected+needs", AGGREGATE, HouseholdExportRow::needs),
                ExportColumn.text("sensitive_needs", "#affected+needs+sensitive", SENSITIVE,
                        HouseholdExportRow::sensitiveNeeds),
                ExportColumn.text("agency", "#org+code", AGGREGATE, HouseholdExportRow::agencyCode),
                ExportColumn.date("registered_at", "#date+registered", AGGREGATE, HouseholdExportRow::registeredAt)),
                sink -> registry.forEachHousehold(filter, sort, sink));
    }

    public ExportSource<PersonExportRow> persons(HouseholdFilter filter, Sort sort) {
        Places places = places();
        LocalDate today = LocalDate.now(clock);
        return new Source<>("persons", filter, sort, List.of(
                ExportColumn.text("registration_number", "#affected+hh+code", PERSONAL,
                        PersonExportRow::registrationNumber),
                ExportColumn.text("household_status", "#status", AGGREGATE, PersonExportRow::householdStatus),
                ExportColumn.text("relation", "#affected+relation", AGGREGATE, PersonExportRow::relation),
                ExportColumn.text("family_name", "#affected+name+family", PERSONAL, PersonExportRow::familyName),
                ExportColumn.text("given_name", "#affected+name+given", PERSONAL, PersonExportRow::givenName),
                ExportColumn.text("patronymic", "#affected+name+patronymic", PERSONAL, PersonExportRow::patronymic),
                ExportColumn.text("sex", "#affected+sex", AGGREGATE, PersonExportRow::sex),
                ExportColumn.date("birth_date", "#date+birth", PERSONAL, PersonExportRow::birthDate),
                ExportColumn.number("age", "#affected+age", AGGREGATE, (PersonExportRow r) -> r.birthDate() == null
                        ? null : Period.between(r.birthDate(), today).getYears()),
                ExportColumn.text("birth_date_estimated", "#date+birth+estimated", PERSONAL,
                        PersonExportRow::birthDateEstimated),
                ExportColumn.text("document_type", "#meta+document+type", PERSONAL, PersonExportRow::documentType),
                ExportColumn.text("document_number", "#meta+document+id", PERSONAL, PersonExportRow::documentNumber),
                ExportColumn.text("needs", "#affected+needs", AGGREGATE, PersonExportRow::needs),
                ExportColumn.text("sensitive_needs", "#affected+needs+sensitive", SENSITIVE,
                        PersonExportRow::sensitiveNeeds),
                ExportColumn.text("origin_settlement", "#loc+name+origin", AGGREGATE,
                        r -> places.name(r.originSettlementId())),
                ExportColumn.text("current_settlement", "#loc+name+current", AGGREGATE,
                        r -> places.name(r.currentSettlementId())),
                ExportColumn.text("returned", "#status+returned", AGGREGATE, PersonExportRow::returned)),
                sink -> registry.forEachPerson(filter, sort, sink));
    }

    /** Each settlement's names and district, made once for the export rather than once per row. */
    private Places places() {
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> districts = new HashMap<>();
        for (SettlementRow row : settlements.all()) {
            names.put(row.id(), row.label(Locale.ENGLISH));
            if (row.district() != null) {
                districts.put(row.id(), row.district());
            }
        }
        return new Places(names, districts);
    }

    private record Places(Map<Long, String> names, Map<Long, String> districts) {
        String name(Long id) {
            return id == null ? null : names.get(id);
        }

        String district(Long id) {
            return id == null ? null : districts.get(id);
        }
    }

    private record Source<R>(String list, HouseholdFilter householdFilter, Sort sort, List<ExportColumn<R>> columns,
                             Consumer<Consumer<R>> rows) implements ExportSource<R> {
        @Override
        public String filter() {
            return householdFilter + ", sort " + sort;
        }

        @Override
        public void forEach(Consumer<R> sink) {
            rows.accept(sink);
        }
    }
}
