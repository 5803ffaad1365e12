package org.fieldaid.referral;

import static org.fieldaid.security.Authority.Codes.REPORT_READ;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ui.Translations;
import org.fieldaid.household.HouseholdScope;
import org.fieldaid.report.Figure;
import org.fieldaid.report.FigureSource;
import org.fieldaid.report.ReportFilter;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals for the dashboard (issue 13): those sent in the period by service and status, and those still open
 * (sent or accepted) by the agency they went to and how long ago they were sent. Counted for the households the
 * reader may count ({@link HouseholdScope}); the agency filter takes a referral sent by or to the agency.
 */
@Component
@Order(50)
class ReferralFigures implements FigureSource {

    /** The age bands of an open referral, in days since it was sent: up to 1, 2 to 3, 4 to 7, more. */
    static final List<Integer> AGE_BANDS = List.of(1, 3, 7);

    private final NamedParameterJdbcTemplate jdbc;
    private final Caller caller;
    private final Translations translations;
    private final Clock clock;

    ReferralFigures(NamedParameterJdbcTemplate jdbc, Caller caller, Translations translations, Clock clock) {
        this.jdbc = jdbc;
        this.caller = caller;
        this.translations = translations;
        this.clock = clock;
    }

    @Override
    public String panelKey() {
        return "report.panel.referrals";
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + REPORT_READ + "')")
    public List<Figure> figures(ReportFilter filter, Locale locale) {
        Map<String, Object> params = new HashMap<>(HouseholdScope.parameters(caller));
        params.put("from", java.sql.Timestamp.from(filter.fromInstant()));
        params.put("to", java.sql.Timestamp.from(filter.toInstantExclusive()));
        params.put("agency", filter.agencyOrAny());
        String scope = " FROM referral r JOIN household h ON h.id = r.household_id WHERE r.sent_at >= :from"
                + " AND r.sent_at < :to AND (:agency = '' OR r.from_agency = :agency OR r.to_agency = :agency) AND "
                + HouseholdScope.condition("h", caller);

        Map<ServiceKind, Map<ReferralStatus, Long>> byService = new EnumMap<>(ServiceKind.class);
        jdbc.query("SELECT r.service, r.status, COUNT(*)" + scope + " GROUP BY r.service, r.status", params, rs -> {
            byService.computeIfAbsent(ServiceKind.valueOf(rs.getString(1)), s -> new EnumMap<>(ReferralStatus.class))
                    .merge(ReferralStatus.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
        });
        List<ReferralStatus> statuses = List.of(ReferralStatus.values()).stream()
                .filter(s -> byService.values().stream().anyMatch(m -> m.containsKey(s))).toList();
        List<Figure.Row> serviceRows = new ArrayList<>();
        byService.forEach((service, counts) -> serviceRows.add(new Figure.Row(t("referral.service." + service, locale),
                statuses.stream().map(s -> counts.getOrDefault(s, 0L)).toList())));

        Instant now = clock.instant();
        Map<String, long[]> openByAgency = new LinkedHashMap<>();
        jdbc.query("SELECT r.to_agency, r.sent_at" + scope + " AND r.status IN ('SENT', 'ACCEPTED')"
                + " ORDER BY r.to_agency", params, rs -> {
                    Instant sent = rs.getTimestamp(2).toInstant();
                    openByAgency.computeIfAbsent(rs.getString(1), a -> new long[AGE_BANDS.size() + 1])
                            [band(Duration.between(sent, now))]++;
                });
        List<Figure.Row> ageRows = new ArrayList<>();
        openByAgency.forEach((agency, counts) -> ageRows.add(new Figure.Row(t("agency." + agency, locale),
                java.util.Arrays.stream(counts).boxed().toList())));
        List<String> bands = List.of(t("report.referrals.age.1", locale), t("report.referrals.age.3", locale),
                t("report.referrals.age.7", locale), t("report.referrals.age.more", locale));

        return List.of(
                new Figure("referrals-by-service", t("report.referrals-by-service", locale),
                        t("report.referrals-by-service.note", locale), Figure.Chart.STACKED,
                        t("referral.service", locale), statuses.stream().map(s -> t("referral.status." + s, locale))
                        .toList(), serviceRows),
                new Figure("referrals-open-by-age", t("report.referrals-open-by-age", locale),
                        t("report.referrals-open-by-age.note", locale), Figure.Chart.STACKED,
                        t("report.referrals.to-agency", locale), bands, ageRows));
    }

    /** The age band of a referral sent that long ago. */
    static int band(Duration age) {
        long days = age.toDays();
        for (int i = 0; i < AGE_BANDS.size(); i++) {
            if (days < AGE_BANDS.get(i)) {
                return i;
            }
        }
        return AGE_BANDS.size();
    }

    private String t(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }
}
