package org.fieldaid.report.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Locale;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.report.Dashboard;
import org.fieldaid.report.Figure;
import org.fieldaid.report.Report;
import org.fieldaid.report.ReportFilter;
import org.fieldaid.report.SmallCounts;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.security.FieldAidUser;
import org.fieldaid.settlement.Settlements;

/**
 * The situation report for a period: the key figures, the map and every figure with its chart and table, on a page
 * of its own that prints on A4 (the toolbar stays off the paper). Same numbers as the dashboard, for the same reader.
 */
@Route(value = "reports/situation", autoLayout = false)
@RolesAllowed(Authority.Codes.REPORT_READ)
@StyleSheet("report.css")
class SituationReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final Dashboard dashboard;
    private final Settlements settlements;
    private final CurrentUser currentUser;
    private final Clock clock;

    SituationReportView(Dashboard dashboard, Settlements settlements, CurrentUser currentUser, Clock clock) {
        this.dashboard = dashboard;
        this.settlements = settlements;
        this.currentUser = currentUser;
        this.clock = clock;
        addClassNames("situation-report", "report-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ReportFilter filter = ReportQuery.read(event.getLocation().getQueryParameters());
        Report report = dashboard.report(filter, getLocale());
        removeAll();
        add(toolbar(filter));
        FieldAidUser user = currentUser.require();
        Paragraph issuer = new Paragraph(AgencyNames.of(this, user.getAgencyCode(), user.agencyName())
                + " · FieldAid");
        issuer.addClassName("situation-issuer");
        add(issuer, new H1(getTranslation("report.situation.title")));
        Div meta = new Div(line("report.situation.period", period(filter)),
                line("report.agency", filter.agencyCode() == null ? getTranslation("report.all-agencies")
                        : AgencyNames.of(this, filter.agencyCode(), filter.agencyCode())),
                line("report.situation.prepared", getTranslation("report.situation.prepared-by",
                        Formats.dateTime(clock.instant(), getLocale()), user.fullName())));
        meta.addClassName("situation-meta");
        add(meta);
        add(keyFigures(report));
        if (report.smallCountsHidden()) {
            Paragraph rule = new Paragraph(getTranslation("report.small-counts"));
            rule.addClassName("report-small-counts");
            add(rule);
        }
        for (Report.Panel panel : report.panels()) {
            Div section = new Div();
            section.addClassNames("report-panel", "situation-section");
            section.add(new H2(getTranslation(panel.titleKey())));
            for (Figure figure : panel.figures()) {
                section.add(ReportParts.figure(this, figure, report, true));
            }
            add(section);
            if ("report.panel.households".equals(panel.titleKey())) {
                Div map = new Div(new H2(getTranslation("report.panel.map")),
                        ReportParts.map(this, report, settlements.all(), true));
                map.addClassNames("report-panel", "situation-section", "situation-map");
                add(map);
            }
        }
        Paragraph footer = new Paragraph(getTranslation("report.situation.footer"));
        footer.addClassName("situation-footer");
        add(footer);
    }

    private HorizontalLayout toolbar(ReportFilter filter) {
        Button print = new Button(getTranslation("report.situation.print"), VaadinIcon.PRINT.create(),
                click -> getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.PRIMARY);
        print.addClassName("situation-print");
        Anchor back = new Anchor(ReportQuery.link("reports", filter), getTranslation("report.situation.back"));
        HorizontalLayout bar = new HorizontalLayout(print, back);
        bar.addClassName("no-print");
        bar.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        return bar;
    }

    /** The handful of numbers a ministry reads first, each the total of a figure below. */
    private Div keyFigures(Report report) {
        Div grid = new Div();
        grid.addClassName("situation-key-figures");
        for (String id : java.util.List.of("households-by-status", "persons-displaced", "persons-returned",
                "aid-delivered", "journeys-by-week", "approvals-pending")) {
            report.figure(id).ifPresent(figure -> {
                Span value = new Span(report.totalText(id, getLocale()));
                value.addClassName("situation-key-value");
                Span label = new Span(getTranslation("report.key." + id));
                label.addClassName("situation-key-label");
                Div cell = new Div(value, label);
                cell.addClassName("situation-key");
                cell.getElement().setAttribute("data-figure", id);
                grid.add(cell);
            });
        }
        return grid;
    }

    private String period(ReportFilter filter) {
        Locale locale = getLocale();
        if (filter.from() == null && filter.to() == null) {
            return getTranslation("report.situation.all-dates");
        }
        String start = filter.from() == null ? "…" : Formats.date(locale).format(filter.from());
        String end = filter.to() == null ? "…" : Formats.date(locale).format(filter.to());
        return start + " – " + end;
    }

    private Div line(String labelKey, String value) {
        Span name = new Span(getTranslation(labelKey));
        name.addClassName("situation-meta-label");
        Span text = new Span(value);
        text.addClassName("situation-meta-value");
        Div row = new Div(name, text);
        row.addClassName("situation-meta-line");
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.situation.title") + " · FieldAid";
    }
}
