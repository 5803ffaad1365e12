package org.fieldaid.journey;

import static org.fieldaid.security.Authority.Codes.REPORT_READ;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
 * Journeys for the dashboard: by the week of their planned date and their status, in the period and by the agency
 * that planned them, for the households the reader may count ({@link HouseholdScope}).
 */
@Component
@Order(40)
class JourneyFigures implements FigureSource {

    private final NamedParameterJdbcTemplate jdbc;
    private final Caller caller;
    private final Translations translations;

    JourneyFigures(NamedParameterJdbcTemplate jdbc, Caller caller, Translations translations) {
        this.jdbc = jdbc;
        this.caller = caller;
        this.translations = translations;
    }

    @Override
    public String panelKey() {
        return "report.panel.journeys";
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + REPORT_READ + "')")
    public List<Figure> figures(ReportFilter filter, Locale locale) {
        Map<String, Object> params = new HashMap<>(HouseholdScope.parameters(caller));
        params.put("from", filter.fromOrEarliest());
        params.put("to", filter.toOrLatest());
        params.put("agency", filter.agencyOrAny());
        TreeMap<LocalDate, Map<JourneyStatus, Long>> byWeek = new TreeMap<>();
        jdbc.query("SELECT j.planned_on, j.status, COUNT(*) FROM journey j JOIN household h ON h.id = j.household_id"
                + " WHERE j.planned_on BETWEEN :from AND :to AND (:agency = '' OR j.agency_code = :agency) AND "
                + HouseholdScope.condition("h", caller) + " GROUP BY j.planned_on, j.status", params, rs -> {
                    LocalDate week = Weeks.startOf(rs.getObject(1, LocalDate.class));
                    byWeek.computeIfAbsent(week, w -> new EnumMap<>(JourneyStatus.class))
                            .merge(JourneyStatus.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
                });
        while (byWeek.size() > Weeks.MOST) {
            byWeek.pollFirstEntry();
        }
        List<JourneyStatus> statuses = List.of(JourneyStatus.values()).stream()
                .filter(s -> byWeek.values().stream().anyMatch(m -> m.containsKey(s))).toList();
        List<Figure.Row> rows = new ArrayList<>();
        byWeek.forEach((week, counts) -> rows.add(new Figure.Row(Formats.date(locale).format(week),
                statuses.stream().map(s -> counts.getOrDefault(s, 0L)).toList())));
        return List.of(new Figure("journeys-by-week", t("report.journeys-by-week", locale),
                t("report.journeys-by-week.note", locale), Figure.Chart.STACKED, t("report.week-of", locale),
                statuses.stream().map(s -> t("journey.status." + s, locale)).toList(), rows));
    }

    private String t(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }
}
