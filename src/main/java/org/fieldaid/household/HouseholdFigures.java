package org.fieldaid.household;

import static org.fieldaid.security.Authority.Codes.REPORT_READ;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.Translations;
import org.fieldaid.report.Figure;
import org.fieldaid.report.FigureSource;
import org.fieldaid.report.PlaceCount;
import org.fieldaid.report.PlaceFigures;
import org.fieldaid.report.ReportFilter;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's figures for the dashboard: households by status, persons still displaced and returned by sex and
 * age group, and households per settlement of origin for the map. The period is the date of displacement, the
 * agency the one that registered the household. Counted in the database, whatever the number of households.
 */
@Component
@Order(10)
class HouseholdFigures implements FigureSource, PlaceFigures {

    /** The households whose members the person figures count: in the caseload, not a draft, rejected or closed. */
    private static final String CASELOAD = "h.status IN ('SUBMITTED', 'REGISTERED', 'RETURNED')";

    private static final java.util.Set<HouseholdStatus> PARTNER_STATUSES = java.util.EnumSet.of(
            HouseholdStatus.REGISTERED, HouseholdStatus.RETURNED, HouseholdStatus.CLOSED);

    /** Age groups by completed years, as humanitarian reports usually break them down. */
    enum AgeGroup {
        CHILD_UNDER_5(0), CHILD(5), ADULT(18), OLDER(60);

        final int fromYears;

        AgeGroup(int fromYears) {
            this.fromYears = fromYears;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Caller caller;
    private final Translations translations;
    private final java.time.Clock clock;

    HouseholdFigures(NamedParameterJdbcTemplate jdbc, Caller caller, Translations translations,
                     java.time.Clock clock) {
        this.jdbc = jdbc;
        this.caller = caller;
        this.translations = translations;
        this.clock = clock;
    }

    @Override
    public String panelKey() {
        return "report.panel.households";
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + REPORT_READ + "')")
    public List<Figure> figures(ReportFilter filter, Locale locale) {
        return List.of(byStatus(filter, locale), persons(filter, locale, false), persons(filter, locale, true));
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + REPORT_READ + "')")
    public Map<Long, PlaceCount> bySettlement(ReportFilter filter) {
        Map<Long, PlaceCount> counts = new HashMap<>();
        jdbc.query("SELECT h.origin_settlement_id, SUM(CASE WHEN h.status = 'RETURNED' THEN 0 ELSE 1 END),"
                + " SUM(CASE WHEN h.status = 'RETURNED' THEN 1 ELSE 0 END) FROM household h WHERE "
                + where(filter) + " AND " + CASELOAD + " GROUP BY h.origin_settlement_id", parameters(filter),
                rs -> {
                    counts.put(rs.getLong(1), new PlaceCount(rs.getLong(2), rs.getLong(3)));
                });
        return counts;
    }

    private Figure byStatus(ReportFilter filter, Locale locale) {
        Map<HouseholdStatus, Long> counts = new EnumMap<>(HouseholdStatus.class);
        jdbc.query("SELECT h.status, COUNT(*) FROM household h WHERE " + where(filter) + " GROUP BY h.status",
                parameters(filter), rs -> {
                    counts.put(HouseholdStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        List<Figure.Row> rows = new ArrayList<>();
        boolean consentedOnly = HouseholdScope.consentedOnly(caller);
        for (HouseholdStatus status : HouseholdStatus.values()) {
            if (!consentedOnly || PARTNER_STATUSES.contains(status)) {
                rows.add(new Figure.Row(t("household.status." + status, locale),
                        List.of(counts.getOrDefault(status, 0L))));
            }
        }
        return new Figure("households-by-status", t("report.households-by-status", locale),
                t("report.households-by-status.note", locale), Figure.Chart.BARS, t("report.status", locale),
                List.of(t("report.households", locale)), rows);
    }

    /** @param returned the members marked home, or those still displaced */
    private Figure persons(ReportFilter filter, Locale locale, boolean returned) {
        LocalDate asOf = filter.to() != null ? filter.to() : LocalDate.now(clock.withZone(Formats.ZONE));
        Map<String, Object> params = parameters(filter);
        StringBuilder group = new StringBuilder("CASE");
        AgeGroup[] groups = AgeGroup.values();
        for (int i = groups.length - 1; i > 0; i--) {
            group.append(" WHEN p.birth_date <= :born").append(i).append(" THEN ").append(i);
            params.put("born" + i, asOf.minusYears(groups[i].fromYears));
        }
        group.append(" ELSE 0 END");
        params.put("returned", returned);
        long[][] counts = new long[groups.length][Sex.values().length];
        // grouped over a derived table: H2 does not group by a select item's position
        jdbc.query("SELECT age_group, sex, COUNT(*) FROM (SELECT " + group + " AS age_group, p.sex AS sex FROM person p"
                + " JOIN household h ON h.id = p.household_id WHERE " + where(filter) + " AND " + CASELOAD
                + " AND p.returned = :returned) t GROUP BY age_group, sex", params, rs -> {
                    counts[rs.getInt(1)][Sex.valueOf(rs.getString(2)).ordinal()] += rs.getLong(3);
                });
        List<Figure.Row> rows = new ArrayList<>();
        for (AgeGroup g : groups) {
            List<Long> values = new ArrayList<>();
            for (Sex sex : Sex.values()) {
                values.add(counts[g.ordinal()][sex.ordinal()]);
            }
            rows.add(new Figure.Row(t("report.age." + g.name(), locale), values));
        }
        String id = returned ? "persons-returned" : "persons-displaced";
        return new Figure(id, t("report." + id, locale), t("report." + id + ".note", locale), Figure.Chart.BARS,
                t("report.age-group", locale), List.of(t("sex.FEMALE", locale), t("sex.MALE", locale)), rows);
    }

    private String where(ReportFilter filter) {
        return HouseholdScope.condition("h", caller)
                + " AND h.displaced_on BETWEEN :from AND :to AND (:agency = '' OR h.agency_code = :agency)";
    }

    private Map<String, Object> parameters(ReportFilter filter) {
        Map<String, Object> params = new HashMap<>(HouseholdScope.parameters(caller));
        params.put("from", filter.fromOrEarliest());
        params.put("to", filter.toOrLatest());
        params.put("agency", filter.agencyOrAny());
        return params;
    }

    private String t(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }
}
