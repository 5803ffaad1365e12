package org.fieldaid.approval;

import static org.fieldaid.security.Authority.Codes.REPORT_READ;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ui.Translations;
import org.fieldaid.report.Figure;
import org.fieldaid.report.FigureSource;
import org.fieldaid.report.ReportFilter;
import org.fieldaid.security.Authority;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests waiting for a decision now, by kind and by how long they have waited. A supervisor counts their own
 * inbox, exactly as it lists them; other readers of the features count their agency's waiting requests; a partner
 * organisation counts none (the requests are about households that are not registered yet). The period does not
 * apply: what waits, waits now.
 */
@Component
@Order(20)
class ApprovalFigures implements FigureSource {

    /** The bounds of the age groups, youngest first. */
    private static final List<Duration> AGES = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));

    private final Approvals approvals;
    private final NamedParameterJdbcTemplate jdbc;
    private final Caller caller;
    private final Translations translations;
    private final Clock clock;

    ApprovalFigures(Approvals approvals, NamedParameterJdbcTemplate jdbc, Caller caller, Translations translations,
                    Clock clock) {
        this.approvals = approvals;
        this.jdbc = jdbc;
        this.caller = caller;
        this.translations = translations;
        this.clock = clock;
    }

    @Override
    public String panelKey() {
        return "report.panel.approvals";
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + REPORT_READ + "')")
    public List<Figure> figures(ReportFilter filter, Locale locale) {
        Instant now = clock.instant();
        Map<String, long[]> byKind;
        if (!approvals.decidableKinds().isEmpty()) {
            byKind = inbox(now);
        } else if (readsCases()) {
            byKind = agencyRequests(now);
        } else {
            return List.of();
        }
        List<Figure.Row> rows = new ArrayList<>();
        byKind.forEach((kind, counts) -> rows.add(new Figure.Row(t("approval.kind." + kind, locale),
                java.util.Arrays.stream(counts).boxed().toList())));
        List<String> series = List.of(t("report.age.under-1-day", locale), t("report.age.1-3-days", locale),
                t("report.age.3-7-days", locale), t("report.age.over-7-days", locale));
        return List.of(new Figure("approvals-pending", t("report.approvals-pending", locale),
                t(approvals.decidableKinds().isEmpty() ? "report.approvals-pending.agency-note"
                        : "report.approvals-pending.note", locale), Figure.Chart.STACKED, t("report.kind", locale),
                series, rows));
    }

    /** The caller's inbox, counted by the inbox's own query at each age bound. */
    private Map<String, long[]> inbox(Instant now) {
        Map<String, long[]> byKind = new LinkedHashMap<>();
        for (ApprovalKind kind : approvals.decidableKinds().stream()
                .sorted(java.util.Comparator.comparing(ApprovalKind::code)).toList()) {
            long[] olderThan = new long[AGES.size() + 1];
            olderThan[0] = approvals.countInbox(new InboxFilter(kind.code(), null));
            for (int i = 0; i < AGES.size(); i++) {
                olderThan[i + 1] = approvals.countInbox(new InboxFilter(kind.code(), now.minus(AGES.get(i))));
            }
            byKind.put(kind.code(), buckets(olderThan));
        }
        return byKind;
    }

    private Map<String, long[]> agencyRequests(Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("agency", caller.agencyCode().orElse(""));
        StringBuilder age = new StringBuilder("CASE");
        for (int i = AGES.size() - 1; i >= 0; i--) {
            age.append(" WHEN requested_at < :age").append(i).append(" THEN ").append(i + 1);
            params.put("age" + i, java.sql.Timestamp.from(now.minus(AGES.get(i))));
        }
        age.append(" ELSE 0 END");
        Map<String, long[]> byKind = new java.util.TreeMap<>();
        jdbc.query("SELECT kind, age_group, COUNT(*) FROM (SELECT kind, " + age + " AS age_group FROM approval_request"
                + " WHERE status = 'PENDING' AND agency_code = :agency) t GROUP BY kind, age_group", params, rs -> {
                    byKind.computeIfAbsent(rs.getString(1), k -> new long[AGES.size() + 1])[rs.getInt(2)] +=
                            rs.getLong(3);
                });
        return byKind;
    }

    /** From "waiting longer than each bound" (the first: any age) to "waiting between two bounds". */
    private static long[] buckets(long[] olderThan) {
        long[] buckets = new long[olderThan.length];
        for (int i = 0; i < olderThan.length; i++) {
            buckets[i] = olderThan[i] - (i + 1 < olderThan.length ? olderThan[i + 1] : 0);
        }
        return buckets;
    }

    private boolean readsCases() {
        return caller.hasAuthority(Authority.HOUSEHOLD_READ.code()) || caller.hasAuthority(Authority.AID_READ.code())
                || caller.hasAuthority(Authority.JOURNEY_READ.code());
    }

    private String t(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }
}
