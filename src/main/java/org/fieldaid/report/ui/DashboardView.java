package org.fieldaid.report.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.DateField;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.report.Dashboard;
import org.fieldaid.report.Figure;
import org.fieldaid.report.Report;
import org.fieldaid.report.ReportFilter;
import org.fieldaid.security.Authority;
import org.fieldaid.settlement.Settlements;

/**
 * The dashboard: what the features count for the reader, filtered by period and agency, as charts drawn on the
 * server with a table under each, and the map of the settlements of origin. The home of supervisors and analysts.
 */
@Route("reports")
@RolesAllowed(Authority.Codes.REPORT_READ)
@Menu(title = "nav.reports", order = 5, icon = "vaadin:chart")
@StyleSheet("report.css")
class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Dashboard dashboard;
    private final Settlements settlements;
    private final DateField from = new DateField();
    private final DateField to = new DateField();
    private final Select<String> agency = new Select<>();
    private final Anchor situation = new Anchor();
    private final Div content = new Div();
    private ReportFilter filter = ReportFilter.none();

    DashboardView(Dashboard dashboard, Settlements settlements) {
        this.dashboard = dashboard;
        this.settlements = settlements;
        addClassNames("dashboard-view", "report-view");
        setPadding(true);
        situation.setText(getTranslation("report.situation.open"));
        situation.addClassName("situation-link");
        add(new ViewHeader(getTranslation("report.title"), getTranslation("report.description"))
                .withActions(situation));
        add(filters());
        content.addClassName("report-panels");
        add(content);
    }

    private Div filters() {
        from.setLabel(getTranslation("report.from"));
        to.setLabel(getTranslation("report.to"));
        from.addClassName("report-from");
        to.addClassName("report-to");
        agency.setLabel(getTranslation("report.agency"));
        agency.addClassName("report-agency");
        agency.setItems(ReportQuery.AGENCIES);
        agency.setItemLabelGenerator(code -> code == null ? getTranslation("filter.any")
                : AgencyNames.of(this, code, code));
        agency.setEmptySelectionAllowed(true);
        agency.setEmptySelectionCaption(getTranslation("filter.any"));
        Button show = new Button(getTranslation("report.show"), VaadinIcon.FILTER.create(), e -> apply());
        show.addThemeVariants(ButtonVariant.PRIMARY);
        show.addClassName("report-apply");
        // the shared shortcut commits the field being typed in (a date) before the click
        FormShortcuts.click(show, Key.ENTER);
        Div bar = new Div(from, to, agency, show);
        bar.addClassName("report-filters");
        return bar;
    }

    /** Reads the fields, says at the field what is wrong, and puts a good filter in the address. */
    private void apply() {
        Map<String, DateField> fields = new LinkedHashMap<>();
        fields.put("from", from);
        fields.put("to", to);
        Map<String, List<String>> problems = new LinkedHashMap<>(FormErrors.unreadableDates(fields));
        if (problems.isEmpty() && from.getValue() != null && to.getValue() != null
                && to.getValue().isBefore(from.getValue())) {
            problems.put("to", List.of("report.error.to-before-from"));
        }
        FormErrors.show(this, problems, fields);
        if (!problems.isEmpty()) {
            return;
        }
        ReportFilter wanted = new ReportFilter(from.getValue(), to.getValue(), agency.getValue());
        getUI().ifPresent(ui -> ui.navigate("reports", ReportQuery.write(wanted)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filter = ReportQuery.read(event.getLocation().getQueryParameters());
        from.setValue(filter.from());
        to.setValue(filter.to());
        agency.setValue(filter.agencyCode());
        situation.setHref(ReportQuery.link("reports/situation", filter));
        render(dashboard.report(filter, getLocale()));
    }

    private void render(Report report) {
        content.removeAll();
        if (report.smallCountsHidden()) {
            Paragraph rule = new Paragraph(getTranslation("report.small-counts"));
            rule.addClassName("report-small-counts");
            content.add(rule);
        }
        for (Report.Panel panel : report.panels()) {
            Div section = new Div();
            section.addClassNames("report-panel", "report-panel-" + panel.titleKey().replace('.', '-'));
            section.add(new H2(getTranslation(panel.titleKey())));
            Div figures = new Div();
            figures.addClassName("report-figures");
            for (Figure figure : panel.figures()) {
                figures.add(ReportParts.figure(this, figure, report, false));
            }
            section.add(figures);
            content.add(section);
            if ("report.panel.households".equals(panel.titleKey())) {
                content.add(mapSection(report));
            }
        }
        if (report.panels().isEmpty()) {
            content.add(new Paragraph(getTranslation("report.nothing")));
        }
    }

    private Div mapSection(Report report) {
        Div section = new Div();
        section.addClassNames("report-panel", "report-panel-map");
        section.add(new H2(getTranslation("report.panel.map")));
        section.add(ReportParts.map(this, report, settlements.all(), false));
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.title") + " · FieldAid";
    }
}
