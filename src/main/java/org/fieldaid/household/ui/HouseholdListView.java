package org.fieldaid.household.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.GridRows;
import org.fieldaid.base.ui.NarrowScreenColumns;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.household.HouseholdExports;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdRow;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.report.Exports;
import org.fieldaid.report.ui.ExportDialog;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.springframework.data.domain.Sort;

/** Finds any family fast: by name in any script, registration number or document number, and by filters. */
@Route("households")
@RolesAllowed({Authority.Codes.HOUSEHOLD_READ, Authority.Codes.HOUSEHOLD_READ_CONSENTED})
@Menu(title = "nav.households", order = 10, icon = "vaadin:family")
class HouseholdListView extends VerticalLayout implements HasDynamicTitle {

    /** Window width in pixels from which every column fits beside the side navigation. */
    private static final int WIDE = 1250;

    private final HouseholdRegistry registry;
    private final Places places;
    private final Grid<HouseholdRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<SettlementRow> origin;
    private final ComboBox<SettlementRow> current;
    private final Select<HouseholdStatus> status = new Select<>();
    private final Select<Vulnerability> vulnerability = new Select<>();
    private final Select<String> agency = new Select<>();
    private final Span count = new Span();
    /** The number of matches of the current filter, asked once per change of filter, not per page or sort. */
    private long matches;
    private final List<Grid.Column<HouseholdRow>> secondary = new ArrayList<>();

    HouseholdListView(HouseholdRegistry registry, Settlements settlements, CurrentUser currentUser,
                      HouseholdExports householdExports, Exports exports) {
        this.registry = registry;
        this.places = new Places(settlements.all(), getLocale());
        addClassName("admin-view");
        setSizeFull();

        search.setPlaceholder(getTranslation("household.search.placeholder"));
        search.setAriaLabel(getTranslation("household.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("household-search");
        ViewHeader header = new ViewHeader(getTranslation("nav.households"), getTranslation("household.list.description"));
        header.withActions(search);
        if (currentUser.has(Authority.EXPORT_PERSONAL) || currentUser.has(Authority.EXPORT_AGGREGATE)) {
            // the file holds what the list shows now: its filters and its order
            header.withActions(ExportDialog.button(exports, getTranslation("nav.households"),
                    () -> List.of(householdExports.households(filter(), sort()), householdExports.persons(filter(), sort()))));
        }
        if (currentUser.has(Authority.HOUSEHOLD_WRITE)) {
            Button register = new Button(getTranslation("household.register"), VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("households/new")));
            register.addThemeVariants(ButtonVariant.PRIMARY);
            FormShortcuts.click(register, Key.KEY_N, com.vaadin.flow.component.KeyModifier.ALT);
            header.withActions(register);
        }
        add(header);

        origin = places.picker(getTranslation("household.origin.short"), false);
        current = places.picker(getTranslation("household.current.short"), true);
        status.setLabel(getTranslation("household.status"));
        status.setItems(HouseholdStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("filter.any")
                : getTranslation("household.status." + s.name()));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("filter.any"));
        vulnerability.setLabel(getTranslation("household.vulnerability"));
        vulnerability.setItems(Arrays.stream(Vulnerability.values())
                .filter(v -> !v.sensitive() || currentUser.has(Authority.PII_SENSITIVE)).toList());
        vulnerability.setItemLabelGenerator(v -> v == null ? getTranslation("filter.any")
                : getTranslation("vulnerability." + v.name()));
        vulnerability.setEmptySelectionAllowed(true);
        vulnerability.setEmptySelectionCaption(getTranslation("filter.any"));
        agency.setLabel(getTranslation("household.agency"));
        agency.setItems("MCHS", "MOD", "HEALTH", "BORDER", "MFA", "PARTNER");
        agency.setEmptySelectionAllowed(true);
        agency.setEmptySelectionCaption(getTranslation("filter.any"));
        Div filters = new Div(origin, current, status, vulnerability, agency);
        filters.addClassName("filter-bar");
        count.addClassName("result-count");
        add(filters, count);
        search.addValueChangeListener(e -> refresh());
        origin.addValueChangeListener(e -> refresh());
        current.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        vulnerability.addValueChangeListener(e -> refresh());
        agency.addValueChangeListener(e -> refresh());

        configureGrid();
        addAndExpand(grid);
        refresh();
        // a focus asked for before the view is in the page is lost
        addAttachListener(e -> search.focus());
        // on a tablet the grid keeps the columns that tell families apart and drops the rest
        NarrowScreenColumns.hideBelow(grid, WIDE, secondary);
    }

    private void configureGrid() {
        DateTimeFormatter date = Formats.date(getLocale());
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addClassName("household-grid");
        grid.addColumn(HouseholdRow::registrationNumber).setHeader(getTranslation("household.registration-number"))
                .setKey("registrationNumber").setSortable(true).setWidth("8.5rem").setFlexGrow(0);
        grid.addColumn(r -> r.headFamilyName() + " " + r.headGivenName()).setHeader(getTranslation("household.head"))
                .setKey("headFamilyName").setSortable(true).setWidth("8.5rem").setFlexGrow(2);
        secondary.add(grid.addColumn(HouseholdRow::memberCount).setHeader(abbreviated("household.members"))
                .setKey("memberCount").setSortable(true).setWidth("5.5rem").setFlexGrow(0));
        grid.addColumn(r -> places.label(r.originSettlementId())).setHeader(getTranslation("household.origin.short"))
                .setWidth("8rem").setFlexGrow(1);
        grid.addColumn(r -> places.label(r.currentSettlementId())).setHeader(getTranslation("household.current.short"))
                .setWidth("6rem").setFlexGrow(1);
        secondary.add(grid.addColumn(r -> r.displacedOn() == null ? Places.NOT_YET : date.format(r.displacedOn()))
                .setHeader(getTranslation("household.displaced-on")).setKey("displacedOn").setSortable(true)
                .setWidth("7rem").setFlexGrow(0));
        grid.addComponentColumn(r -> StatusBadge.of(r.status(), this)).setHeader(getTranslation("household.status"))
                .setKey("status").setSortable(true).setWidth("10.5rem").setFlexGrow(0);
        secondary.add(grid.addColumn(HouseholdRow::agencyCode).setHeader(getTranslation("household.agency"))
                .setWidth("5.5rem").setFlexGrow(0));
        grid.setItems(query -> {
            var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            if (page.getSort().isUnsorted()) {
                page = page.withSort(Sort.by(Sort.Direction.DESC, "id"));
            }
            return registry.find(filter(), page).stream();
        }, query -> (int) Math.min(matches, Integer.MAX_VALUE));
        GridRows.openWith(grid, row -> getUI().ifPresent(ui -> ui.navigate("households/" + row.id())));
    }

    /** A short header that a tablet has room for, with the full words for the mouse and for screen readers. */
    private Span abbreviated(String key) {
        Span header = new Span(getTranslation(key + ".short"));
        header.getElement().setAttribute("title", getTranslation(key));
        header.getElement().setAttribute("aria-label", getTranslation(key));
        return header;
    }

    /** The grid's order as the person chose it, newest first when none. */
    private Sort sort() {
        return org.fieldaid.base.ui.GridSorts.of(grid, Sort.by(Sort.Direction.DESC, "id"));
    }

    private HouseholdFilter filter() {
        return new HouseholdFilter(search.getValue(), origin.getValue() == null ? null : origin.getValue().id(),
                current.getValue() == null ? null : current.getValue().id(), status.getValue(),
                vulnerability.getValue(), agency.getValue());
    }

    private void refresh() {
        matches = registry.count(filter());
        count.setText(getTranslation("result.count", Formats.number(matches, getLocale())));
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.households") + " · FieldAid";
    }
}
