package org.fieldaid.aid.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.AidExports;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.aid.RoundForm;
import org.fieldaid.aid.RoundRow;
import org.fieldaid.aid.RoundStatus;
import org.fieldaid.aid.WarehouseRow;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.base.ui.DateField;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.GridRows;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.Pickers;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.report.Exports;
import org.fieldaid.report.ui.ExportDialog;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;

/** Distribution rounds: the list, planning a new one, and what a round needs against the stock it has. */
@Route("aid/rounds")
@RolesAllowed({Authority.Codes.AID_READ, Authority.Codes.AID_PLAN})
@Menu(title = "nav.aid.rounds", order = 32, icon = "vaadin:calendar")
class RoundsView extends VerticalLayout implements HasDynamicTitle, HasUrlParameter<Long> {

    private final Aid aid;
    private final AidLabels labels;
    private final CurrentUser currentUser;
    private final Grid<RoundRow> grid = new Grid<>();
    private final Div detail = new Div();
    /** The round whose detail is open, which an export takes; null for none. */
    private RoundRow shown;

    RoundsView(Aid aid, Settlements settlements, CurrentUser currentUser, AidExports aidExports, Exports exports) {
        this.aid = aid;
        this.currentUser = currentUser;
        List<SettlementRow> places = settlements.all();
        List<WarehouseRow> warehouses = aid.warehouses();
        List<PackageTypeRow> types = aid.packageTypes();
        this.labels = new AidLabels(types, places, warehouses, getLocale());
        addClassName("aid-view");
        setWidthFull();
        ViewHeader header = new ViewHeader(getTranslation("nav.aid.rounds"), getTranslation("aid.rounds.description"));
        if (currentUser.has(Authority.EXPORT_PERSONAL) || currentUser.has(Authority.EXPORT_AGGREGATE)) {
            // the round that is open, or every round when none is
            header.withActions(ExportDialog.button(exports, () -> shown == null
                            ? getTranslation("aid.export.every-round") : labels.round(this, shown),
                    () -> List.of(aidExports.entitlements(shownId()), aidExports.deliveries(shownId()))));
        }
        add(header);

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(r -> labels.place(r.pointSettlementId())).setHeader(getTranslation("aid.round.point"))
                .setFlexGrow(1);
        grid.addColumn(labels::period).setHeader(getTranslation("aid.round.period")).setWidth("16rem").setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Span badge = new Span(getTranslation("aid.round.status." + r.status().name()));
            badge.addClassNames("badge", switch (r.status()) {
                case APPROVED -> "badge-success";
                case SUBMITTED -> "badge-warning";
                case REJECTED -> "badge-error";
                case PLANNED -> "badge-muted";
            });
            return badge;
        }).setHeader(getTranslation("aid.status")).setWidth("10rem").setFlexGrow(0);
        grid.addColumn(RoundRow::households).setHeader(getTranslation("aid.round.households")).setWidth("7rem")
                .setFlexGrow(0);
        grid.setAllRowsVisible(true);
        GridRows.openWith(grid, r -> show(r.id()));
        add(grid, detail);
        if (currentUser.has(Authority.AID_PLAN)) {
            add(planForm(places, warehouses, types));
        }
        refresh();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        if (id != null) {
            // a guessed or stale address fails the navigation, so that the error view answers it as it answers
            // every record that is missing or not the caller's, and audits it
            aid.round(id);
            show(id);
        }
    }

    private void refresh() {
        grid.setItems(aid.rounds());
    }

    private Long shownId() {
        return shown == null ? null : shown.id();
    }

    private void show(long id) {
        detail.removeAll();
        shown = null;
        RoundRow round;
        try {
            round = aid.round(id);
        } catch (RecordNotFoundException missing) {
            Notifications.error(getTranslation("aid.round.not-found"));
            return;
        }
        shown = round;
        detail.add(new H3(labels.round(this, round)), new RoundSummary(aid, labels, round));
        if (currentUser.has(Authority.AID_PLAN)
                && (round.status() == RoundStatus.PLANNED || round.status() == RoundStatus.REJECTED)) {
            Button submit = new Button(getTranslation("aid.round.submit"), e -> {
                try {
                    aid.submitRound(round.id(), round.version());
                    Notifications.success(getTranslation("aid.round.submitted"));
                } catch (InvalidInputException problem) {
                    problem.problems().values().forEach(keys -> keys.forEach(k -> Notifications.error(getTranslation(k))));
                } catch (ConcurrentEditException changed) {
                    Notifications.error(getTranslation("error.concurrent-edit"));
                }
                refresh();
                show(round.id());
            });
            submit.addThemeVariants(ButtonVariant.PRIMARY);
            detail.add(submit);
        }
    }

    private Div planForm(List<SettlementRow> places, List<WarehouseRow> warehouses, List<PackageTypeRow> types) {
        ComboBox<SettlementRow> point = new ComboBox<>(getTranslation("aid.round.point"));
        point.setItems(places.stream().filter(SettlementRow::reception).toList());
        point.setItemLabelGenerator(p -> p.label(getLocale()));
        Pickers.acceptTypedChoice(point);
        Select<WarehouseRow> warehouse = new Select<>();
        warehouse.setLabel(getTranslation("aid.warehouse"));
        warehouse.setItems(warehouses);
        warehouse.setItemLabelGenerator(w -> labels.warehouse(w.id()));
        MultiSelectComboBox<PackageTypeRow> packages = new MultiSelectComboBox<>(getTranslation("aid.round.packages"));
        packages.setItems(types.stream().filter(PackageTypeRow::active).toList());
        packages.setItemLabelGenerator(t -> t.name(getLocale()));
        DateField start = new DateField(getTranslation("aid.round.start"));
        DateField end = new DateField(getTranslation("aid.round.end"));
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("point", point);
        fields.put("warehouse", warehouse);
        fields.put("packageTypes", packages);
        fields.put("periodStart", start);
        fields.put("periodEnd", end);
        Button plan = new Button(getTranslation("aid.round.plan"));
        plan.addThemeVariants(ButtonVariant.PRIMARY);
        plan.addClickListener(e -> {
            FormErrors.clear(fields);
            Map<String, List<String>> unreadable = FormErrors.unreadableDates(fields);
            if (!unreadable.isEmpty()) {
                FormErrors.show(this, unreadable, fields);
                return;
            }
            try {
                RoundRow round = aid.planRound(new RoundForm(point.getValue() == null ? null : point.getValue().id(),
                        warehouse.getValue() == null ? null : warehouse.getValue().id(),
                        packages.getValue().stream().map(PackageTypeRow::id).collect(Collectors.toSet()),
                        start.getValue(), end.getValue()));
                Notifications.success(getTranslation("aid.round.planned", round.entitlements()));
                refresh();
                show(round.id());
            } catch (InvalidInputException problem) {
                FormErrors.show(this, problem, fields).forEach(Notifications::error);
            }
        });
        HorizontalLayout row = new HorizontalLayout(point, warehouse, packages, start, end, plan);
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Div section = new Div(new H3(getTranslation("aid.round.new")), row);
        section.addClassName("aid-stock-form");
        FormShortcuts.click(plan, Key.KEY_S, KeyModifier.ALT);
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.aid.rounds");
    }
}
