package org.fieldaid.journey.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.DateField;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.GridRows;
import org.fieldaid.base.ui.NarrowScreenColumns;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.journey.ConvoyForm;
import org.fieldaid.journey.ConvoyRow;
import org.fieldaid.journey.ConvoyStatus;
import org.fieldaid.journey.DepartureSummary;
import org.fieldaid.journey.Journeys;
import org.fieldaid.journey.VehicleForm;
import org.fieldaid.journey.VehicleRow;
import org.fieldaid.security.Authority;
import org.fieldaid.settlement.Settlements;

/** Convoys: the coming ones with their seats, a new convoy, its vehicles, the manifest and the departure. */
@Route("journeys/convoys")
@RolesAllowed(Authority.Codes.CONVOY_MANAGE)
@Menu(title = "nav.convoys", order = 41, icon = "vaadin:truck")
@com.vaadin.flow.component.dependency.StyleSheet("journey.css")
class ConvoysView extends VerticalLayout implements HasDynamicTitle {

    static final List<String> VEHICLE_KINDS = List.of("BUS", "MINIBUS", "TRUCK", "ARMOURED", "CAR");

    private final Journeys journeys;
    private final JourneyLabels labels;
    private final Grid<ConvoyRow> grid = new Grid<>();
    private final Div detail = new Div();

    ConvoysView(Journeys journeys, Settlements settlements) {
        this.journeys = journeys;
        this.labels = new JourneyLabels(settlements.all(), getLocale());
        addClassName("convoys-view");
        setWidthFull();
        add(new ViewHeader(getTranslation("nav.convoys"), getTranslation("journey.convoys.description")));
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(c -> labels.date(c.date())).setHeader(getTranslation("journey.date")).setWidth("8rem")
                .setFlexGrow(0);
        grid.addColumn(ConvoyRow::route).setHeader(getTranslation("journey.convoy.route")).setFlexGrow(2);
        Grid.Column<ConvoyRow> escort = grid.addColumn(ConvoyRow::escortUnit)
                .setHeader(getTranslation("journey.convoy.escort")).setFlexGrow(1);
        grid.addColumn(c -> getTranslation("journey.convoy.seats-free", c.free(), c.seats()))
                .setHeader(getTranslation("journey.convoy.seats")).setWidth("9rem").setFlexGrow(0);
        grid.addColumn(c -> getTranslation("journey.convoy.status." + c.status().name()))
                .setHeader(getTranslation("journey.status")).setWidth("8rem").setFlexGrow(0);
        NarrowScreenColumns.hideBelow(grid, 700, List.of(escort));
        grid.setAllRowsVisible(true);
        GridRows.openWith(grid, c -> show(c.id()));
        add(grid, detail, createForm());
        refresh();
    }

    private void refresh() {
        grid.setItems(journeys.upcomingConvoys());
    }

    private Select<String> vehicleKind() {
        Select<String> kind = new Select<>();
        kind.setLabel(getTranslation("journey.vehicle.kind"));
        kind.setItems(VEHICLE_KINDS);
        kind.setItemLabelGenerator(k -> getTranslation("journey.vehicle.kind." + k));
        kind.setValue("BUS");
        return kind;
    }

    private void show(long id) {
        detail.removeAll();
        ConvoyRow c = journeys.convoy(id);
        detail.addClassNames("card", "convoy-detail");
        detail.add(new H3(labels.convoy(this, c)), new Paragraph(getTranslation("journey.convoy.summary",
                c.checkpoint(), c.escortUnit())));
        Grid<VehicleRow> vehicles = new Grid<>();
        vehicles.addThemeVariants(GridVariant.ROW_STRIPES);
        vehicles.addColumn(v -> getTranslation("journey.vehicle.kind." + v.kind())).setHeader(getTranslation(
                "journey.vehicle.kind")).setFlexGrow(1);
        vehicles.addColumn(VehicleRow::plate).setHeader(getTranslation("journey.vehicle.plate")).setFlexGrow(1);
        vehicles.addColumn(v -> getTranslation("journey.convoy.seats-free", v.free(), v.seats()))
                .setHeader(getTranslation("journey.convoy.seats")).setFlexGrow(1);
        vehicles.setItems(c.vehicles());
        vehicles.setAllRowsVisible(true);
        Anchor manifest = new Anchor("journeys/convoys/manifest/" + c.id(), getTranslation("journey.manifest.open"));
        manifest.setTarget(AnchorTarget.BLANK);
        manifest.addClassName("manifest-link");
        detail.add(vehicles, manifest);
        if (c.status() == ConvoyStatus.SCHEDULED) {
            Select<String> kind = vehicleKind();
            TextField plate = new TextField(getTranslation("journey.vehicle.plate"));
            IntegerField seats = new IntegerField(getTranslation("journey.vehicle.seats"));
            Map<String, HasValidation> fields = Map.of("kind", kind, "plate", plate, "seats", seats);
            Button add = new Button(getTranslation("journey.vehicle.add"), e -> {
                FormErrors.clear(fields);
                try {
                    journeys.addVehicle(c.id(), new VehicleForm(kind.getValue(), plate.getValue(), seats.getValue()));
                    Notifications.success(getTranslation("journey.vehicle.added"));
                    refresh();
                    show(c.id());
                } catch (InvalidInputException problem) {
                    FormErrors.show(this, problem, fields).forEach(Notifications::error);
                }
            });
            HorizontalLayout row = new HorizontalLayout(kind, plate, seats, add);
            row.setWrap(true);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            Button depart = new Button(getTranslation("journey.convoy.depart"), e -> {
                try {
                    DepartureSummary done = journeys.depart(c.id(), c.version());
                    Notifications.success(getTranslation("journey.convoy.departed", done.departed(), done.leftBehind()));
                } catch (InvalidInputException problem) {
                    problem.problems().values().forEach(k -> k.forEach(key -> Notifications.error(getTranslation(key))));
                } catch (ConcurrentEditException changed) {
                    Notifications.error(getTranslation("error.concurrent-edit"));
                }
                refresh();
                show(c.id());
            });
            depart.addThemeVariants(ButtonVariant.PRIMARY);
            detail.add(row, new Paragraph(getTranslation("journey.convoy.depart-help")), depart);
        } else {
            detail.add(new Paragraph(getTranslation("journey.convoy.departed-at", c.departedBy())));
        }
    }

    private Div createForm() {
        DateField date = new DateField(getTranslation("journey.date"));
        TextField route = new TextField(getTranslation("journey.convoy.route"));
        route.setValue(getTranslation("journey.convoy.route.default"));
        route.setWidth("24rem");
        TextField checkpoint = new TextField(getTranslation("journey.convoy.checkpoint"));
        checkpoint.setValue(getTranslation("journey.convoy.checkpoint.default"));
        checkpoint.setWidth("20rem");
        TextField escort = new TextField(getTranslation("journey.convoy.escort"));
        Select<String> kind = vehicleKind();
        TextField plate = new TextField(getTranslation("journey.vehicle.plate"));
        IntegerField seats = new IntegerField(getTranslation("journey.vehicle.seats"));
        seats.setValue(40);
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("date", date);
        fields.put("route", route);
        fields.put("checkpoint", checkpoint);
        fields.put("escortUnit", escort);
        fields.put("vehicle0.kind", kind);
        fields.put("vehicle0.plate", plate);
        fields.put("vehicle0.seats", seats);
        Button create = new Button(getTranslation("journey.convoy.create"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> {
            FormErrors.clear(fields);
            Map<String, List<String>> unreadable = FormErrors.unreadableDates(fields);
            if (!unreadable.isEmpty()) {
                FormErrors.show(this, unreadable, fields);
                return;
            }
            try {
                ConvoyRow made = journeys.createConvoy(new ConvoyForm(date.getValue(), route.getValue(),
                        checkpoint.getValue(), escort.getValue(), List.of(new VehicleForm(kind.getValue(),
                        plate.getValue(), seats.getValue()))));
                Notifications.success(getTranslation("journey.convoy.created"));
                refresh();
                show(made.id());
            } catch (InvalidInputException problem) {
                FormErrors.show(this, problem, fields).forEach(Notifications::error);
            }
        });
        FormShortcuts.click(create, Key.KEY_S, KeyModifier.ALT);
        HorizontalLayout first = new HorizontalLayout(date, route, checkpoint, escort);
        HorizontalLayout vehicle = new HorizontalLayout(kind, plate, seats, create);
        for (HorizontalLayout row : List.of(first, vehicle)) {
            row.setWrap(true);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        }
        Div form = new Div(new H3(getTranslation("journey.convoy.new")), first,
                new Paragraph(getTranslation("journey.convoy.first-vehicle")), vehicle);
        form.addClassNames("card", "convoy-form");
        return form;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.convoys") + " · FieldAid";
    }
}
