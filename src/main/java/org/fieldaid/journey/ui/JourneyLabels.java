package org.fieldaid.journey.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.journey.ConvoyRow;
import org.fieldaid.journey.JourneyStatus;
import org.fieldaid.settlement.SettlementRow;

/** Names of places, convoys and statuses as the journey screens write them. */
final class JourneyLabels {

    private final Map<Long, SettlementRow> places;
    private final Locale locale;

    JourneyLabels(List<SettlementRow> places, Locale locale) {
        this.places = places.stream().collect(Collectors.toMap(SettlementRow::id, Function.identity()));
        this.locale = locale;
    }

    String place(Long id) {
        if (id == null) {
            return "";
        }
        SettlementRow s = places.get(id);
        return s == null ? "" : s.label(locale);
    }

    String date(LocalDate date) {
        return date == null ? "" : Formats.date(locale).format(date);
    }

    String convoy(Component context, ConvoyRow c) {
        return context.getTranslation("journey.convoy.label", date(c.date()), c.route(), c.free(), c.seats());
    }

    static Span badge(Component context, JourneyStatus status) {
        Span badge = new Span(context.getTranslation("journey.status." + status.name()));
        badge.addClassNames("badge", switch (status) {
            case ARRIVED, APPROVED -> "badge-success";
            case SUBMITTED, DEPARTED, CROSSED -> "badge-warning";
            case REJECTED, ABORTED -> "badge-error";
            case PLANNED -> "badge-muted";
        });
        return badge;
    }

    static Span flag(Component context) {
        Span flag = new Span(context.getTranslation("journey.flagged"));
        flag.addClassNames("badge", "badge-error", "journey-flag");
        return flag;
    }
}
