package org.fieldaid.aid;

import static org.fieldaid.security.Authority.Codes.REPORT_READ;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.Translations;
import org.fieldaid.household.HouseholdScope;
import org.fieldaid.report.Figure;
import org.fieldaid.report.FigureSource;
import org.fieldaid.report.ReportFilter;
import org.fieldaid.report.Weeks;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aid's figures for the dashboard: what was delivered (not voided), by package type and week, in the period and by
 * the agency that delivered it; and what each package type has in stock against what the open rounds still owe.
 * Deliveries count only to households the reader may count ({@link HouseholdScope}).
 */
@Component
@Order(30)
class AidFigures implements FigureSource {

    private final NamedParameterJdbcTemplate jdbc;
    private final Caller caller;
    private final Translations translations;
    private final java.time.Clock clock;

    AidFigures(NamedParameterJdbcTemplate jdbc, Caller caller, Translations translations, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.caller = caller;
        this.translations = translations;
        this.clock = clock;
    }

    @Override
    public String panelKey() {
        return "report.panel.aid";
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + REPORT_READ + "')")
    public List<Figure> figures(ReportFilter filter, Locale locale) {
        Map<Long, String> names = packageNames(locale);
        return List.of(delivered(filter, locale, names), stockAgainstNeed(filter, locale, names));
    }

    private Figure delivered(ReportFilter filter, Locale locale, Map<Long, String> names) {
        Map<String, Object> params = new HashMap<>(HouseholdScope.parameters(caller));
        params.put("from", java.sql.Timestamp.from(filter.fromInstant()));
        params.put("to", java.sql.Timestamp.from(filter.toInstantExclusive()));
        params.put("agency", filter.agencyOrAny());
        // by day in the database, folded into weeks here: a week's bounds are the same on H2 and PostgreSQL
        TreeMap<LocalDate, Map<Long, Long>> byWeek = new TreeMap<>();
        jdbc.query("SELECT CAST(d.delivered_at AS DATE), e.package_type_id, SUM(d.quantity) FROM aid_delivery d"
                + " JOIN aid_entitlement e ON e.id = d.entitlement_id JOIN household h ON h.id = e.household_id"
                + " WHERE d.voided_at IS NULL AND d.delivered_at >= :from AND d.delivered_at < :to"
                + " AND (:agency = '' OR d.agency_code = :agency) AND " + HouseholdScope.condition("h", caller)
                + " GROUP BY CAST(d.delivered_at AS DATE), e.package_type_id", params, rs -> {
                    LocalDate week = Weeks.startOf(rs.getObject(1, LocalDate.class));
                    byWeek.computeIfAbsent(week, w -> new HashMap<>()).merge(rs.getLong(2), rs.getLong(3), Long::sum);
                });
        while (byWeek.size() > Weeks.MOST) {
            byWeek.pollFirstEntry();
        }
        List<Long> types = byWeek.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        List<Figure.Row> rows = new ArrayList<>();
        byWeek.forEach((week, counts) -> rows.add(new Figure.Row(Formats.date(locale).format(week),
                types.stream().map(t -> counts.getOrDefault(t, 0L)).toList())));
        return new Figure("aid-delivered", t("report.aid-delivered", locale), t("report.aid-delivered.note", locale),
                Figure.Chart.STACKED, t("report.week-of", locale), types.stream().map(names::get).toList(), rows);
    }

    private Figure stockAgainstNeed(ReportFilter filter, Locale locale, Map<Long, String> names) {
        Map<String, Object> params = new HashMap<>();
        params.put("agency", filter.agencyOrAny());
        params.put("today", Date.valueOf(LocalDate.now(clock.withZone(Formats.ZONE))));
        Map<Long, long[]> byType = new LinkedHashMap<>();
        jdbc.query("SELECT b.package_type_id, SUM(b.quantity) FROM aid_stock_balance b JOIN aid_warehouse w"
                + " ON w.id = b.warehouse_id WHERE (:agency = '' OR w.agency_code = :agency)"
                + " GROUP BY b.package_type_id", params, rs -> {
                    byType.computeIfAbsent(rs.getLong(1), k -> new long[2])[0] = rs.getLong(2);
                });
        jdbc.query("SELECT e.package_type_id, SUM(e.quantity) FROM aid_entitlement e JOIN aid_round r"
                + " ON r.id = e.round_id WHERE r.status = 'APPROVED' AND r.period_end >= :today AND e.status = 'DUE'"
                + " AND (:agency = '' OR r.agency_code = :agency) GROUP BY e.package_type_id", params, rs -> {
                    byType.computeIfAbsent(rs.getLong(1), k -> new long[2])[1] = rs.getLong(2);
                });
        List<Figure.Row> rows = new ArrayList<>();
        names.forEach((id, name) -> {
            long[] counts = byType.get(id);
            if (counts != null) {
                rows.add(new Figure.Row(name, List.of(counts[0], counts[1])));
            }
        });
        return new Figure("aid-stock", t("report.aid-stock", locale), t("report.aid-stock.note", locale),
                Figure.Chart.BARS, t("report.package-type", locale),
                List.of(t("report.in-stock", locale), t("report.still-due", locale)), rows);
    }

    private Map<Long, String> packageNames(Locale locale) {
        Map<Long, String> names = new LinkedHashMap<>();
        String column = switch (locale.getLanguage()) {
            case "ru" -> "name_ru";
            case "hy" -> "name_hy";
            case "az" -> "name_az";
            default -> "name_en";
        };
        jdbc.query("SELECT id, " + column + " FROM aid_package_type ORDER BY code", Map.of(), rs -> {
            names.put(rs.getLong(1), rs.getString(2));
        });
        return names;
    }

    private String t(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }
}
