package org.fieldaid.journey.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.base.ui.DateField;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.GridRows;
import org.fieldaid.base.ui.NarrowScreenColumns;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.Pickers;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.journey.JourneyExports;
import org.fieldaid.report.Exports;
import org.fieldaid.report.ui.ExportDialog;
import org.fieldaid.journey.ConvoyRow;
import org.fieldaid.journey.CrossingRow;
import org.fieldaid.journey.JourneyFilter;
import org.fieldaid.journey.JourneyRow;
import org.fieldaid.journey.JourneyStatus;
import org.fieldaid.journey.Journeys;
import org.fieldaid.journey.TravellerRow;
import org.fieldaid.journey.TravellerStatus;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;

/**
 * The journey board: every journey, newest first, paged and counted in the database, filtered by status, date,
 * convoy and destination; and one journey with what may be done with it next.
 */
@Route("journeys")
@RolesAllowed({Authority.Codes.JOURNEY_READ, Authority.Codes.JOURNEY_PLAN})
@Menu(title = "nav.journeys", order = 40, icon = "vaadin:road")
@com.vaadin.flow.component.dependency.StyleSheet("journey.css")
class JourneyBoardView extends VerticalLayout implements HasDynamicTitle, HasUrlParameter<Long> {

    private final Journeys journeys;
    private final CurrentUser currentUser;
    private final JourneyLabels labels;
    private final Grid<JourneyRow> grid = new Grid<>();
    private final Div detail = new Div();
    private final Span total = new Span();
    private final Select<JourneyStatus> status = new Select<>();
    private final DateField date = new DateField();
    private final Select<ConvoyRow> convoy = new Select<>();
    private final ComboBox<SettlementRow> destination = new ComboBox<>();
    private final Checkbox flagged = new Checkbox();
    private final Checkbox mine = new Checkbox();

    JourneyBoardView(Journeys journeys, Settlements settlements, CurrentUser currentUser,
                     JourneyExports journeyExports, Exports exports) {
        this.journeys = journeys;
        this.currentUser = currentUser;
        List<SettlementRow> places = settlements.all();
        this.labels = new JourneyLabels(places, getLocale());
        addClassName("journey-board");
        setWidthFull();
        ViewHeader header = new ViewHeader(getTranslation("nav.journeys"), getTranslation("journey.board.description"));
        if (currentUser.has(Authority.EXPORT_PERSONAL) || currentUser.has(Authority.EXPORT_AGGREGATE)) {
            // the board as it is filtered now, and the checkpoint crossings of its journeys
            header.withActions(ExportDialog.button(exports, getTranslation("nav.journeys"),
                    () -> List.of(journeyExports.journeys(filter()), journeyExports.crossings(filter()))));
        }
        add(header);
        if (currentUser.has(Authority.JOURNEY_APPROVE)) {
            long review = journeys.flaggedApprovedByMe();
            if (review > 0) {
                Paragraph reminder = new Paragraph(getTranslation("journey.board.review", review));
                reminder.addClassNames("form-message", "journey-review");
                Button show = new Button(getTranslation("journey.board.review-show"), e -> mine.setValue(true));
                add(new Div(reminder, show));
            }
        }
        status.setLabel(getTranslation("journey.status"));
        status.setItems(JourneyStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("journey.board.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("journey.board.any")
                : getTranslation("journey.status." + s.name()));
        date.setLabel(getTranslation("journey.date"));
        date.setClearButtonVisible(true);
        convoy.setLabel(getTranslation("journey.convoy"));
        convoy.setItems(journeys.upcomingConvoys());
        convoy.setEmptySelectionAllowed(true);
        convoy.setEmptySelectionCaption(getTranslation("journey.board.any"));
        convoy.setItemLabelGenerator(c -> c == null ? getTranslation("journey.board.any") : labels.convoy(this, c));
        destination.setLabel(getTranslation("journey.destination"));
        destination.setItems(places.stream().filter(s -> !s.reception()).toList());
        destination.setItemLabelGenerator(s -> s.label(getLocale()));
        destination.setClearButtonVisible(true);
        Pickers.acceptTypedChoice(destination);
        flagged.setLabel(getTranslation("journey.board.flagged-only"));
        mine.setLabel(getTranslation("journey.board.flagged-mine"));
        mine.setVisible(currentUser.has(Authority.JOURNEY_APPROVE));
        HorizontalLayout filters = new HorizontalLayout(status, date, convoy, destination, flagged, mine);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        status.addValueChangeListener(e -> refresh());
        date.addValueChangeListener(e -> refresh());
        convoy.addValueChangeListener(e -> refresh());
        destination.addValueChangeListener(e -> refresh());
        flagged.addValueChangeListener(e -> refresh());
        mine.addValueChangeListener(e -> refresh());

        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(j -> labels.date(j.plannedOn())).setHeader(getTranslation("journey.date")).setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addColumn(j -> j.registrationNumber() + " · " + j.headName()).setHeader(getTranslation("journey.household"))
                .setFlexGrow(2);
        grid.addColumn(j -> labels.place(j.destinationId())).setHeader(getTranslation("journey.destination"))
                .setFlexGrow(2);
        Grid.Column<JourneyRow> count = grid.addColumn(JourneyRow::travellers)
                .setHeader(getTranslation("journey.travellers")).setWidth("6rem").setFlexGrow(0);
        grid.addComponentColumn(j -> {
            Div cell = new Div(JourneyLabels.badge(this, j.status()));
            if (j.flagged()) {
                cell.add(new Span(" "), JourneyLabels.flag(this));
            }
            return cell;
        }).setHeader(getTranslation("journey.status")).setWidth("10rem").setFlexGrow(0);
        NarrowScreenColumns.hideBelow(grid, 700, List.of(count));
        grid.setPageSize(50);
        grid.setHeight("28rem");
        GridRows.openWith(grid, j -> getUI().ifPresent(ui -> ui.navigate("journeys/" + j.id())));
        total.addClassName("form-help");
        add(filters, total, grid, detail);
        refresh();
    }

    private JourneyFilter filter() {
        return new JourneyFilter(status.getValue(), date.getValue(), convoy.getValue() == null ? null
                : convoy.getValue().id(), destination.getValue() == null ? null : destination.getValue().id(),
                flagged.getValue(), mine.getValue());
    }

    private void refresh() {
        JourneyFilter filter = filter();
        long found = journeys.count(filter);
        total.setText(getTranslation("journey.board.count", Formats.number(found, getLocale())));
        grid.setItems(query -> journeys.board(filter, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, journeys.count(filter)));
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        detail.removeAll();
        if (id != null) {
            // a guessed or stale address fails the navigation, so that the error view answers it as it answers
            // every record that is missing or not the caller's, and audits it
            journeys.journey(id);
            show(id);
        }
    }

    private void show(long id) {
        detail.removeAll();
        JourneyRow j;
        try {
            j = journeys.journey(id);
        } catch (RecordNotFoundException missing) {
            Notifications.error(getTranslation("error.not-found"));
            return;
        }
        detail.addClassNames("card", "journey-detail");
        Div head = new Div(new H3(j.registrationNumber() + " · " + j.headName()), JourneyLabels.badge(this, j.status()));
        head.addClassName("journey-detail-head");
        detail.add(head);
        ConvoyRow c = journeys.convoy(j.convoyId());
        detail.add(new Paragraph(getTranslation("journey.detail.summary", labels.place(j.fromSettlementId()),
                labels.place(j.destinationId()), labels.date(j.plannedOn()), c.route(), c.escortUnit())));
        if (j.flagged()) {
            Paragraph flag = new Paragraph(getTranslation("journey.detail.flagged", j.flagReason()));
            flag.addClassNames("form-message", "journey-flag-reason");
            detail.add(flag);
        }
        if (j.rejectionReason() != null) {
            detail.add(new Paragraph(getTranslation("journey.detail.rejected", j.decidedBy(), j.rejectionReason())));
        } else if (j.decidedBy() != null) {
            detail.add(new Paragraph(getTranslation("journey.detail.approved-by", j.decidedBy())));
        }
        if (j.abortReason() != null) {
            detail.add(new Paragraph(getTranslation("journey.detail.aborted", j.abortReason())));
        }
        List<TravellerRow> travellers = journeys.travellers(id);
        Grid<TravellerRow> people = new Grid<>();
        people.addThemeVariants(GridVariant.ROW_STRIPES);
        people.addColumn(TravellerRow::fullName).setHeader(getTranslation("journey.traveller")).setFlexGrow(2);
        people.addColumn(TravellerRow::vehiclePlate).setHeader(getTranslation("journey.vehicle")).setFlexGrow(1);
        people.addColumn(t -> getTranslation("journey.traveller.status." + t.status().name()))
                .setHeader(getTranslation("journey.status")).setFlexGrow(1);
        people.setItems(travellers);
        people.setAllRowsVisible(true);
        detail.add(people);
        journeys.crossing(id).ifPresent(crossing -> detail.add(crossing(crossing, travellers)));
        actions(j, travellers);
    }

    private Div crossing(CrossingRow crossing, List<TravellerRow> travellers) {
        Div box = new Div(new Paragraph(getTranslation("journey.detail.crossed", crossing.checkpoint(),
                Formats.dateTime(crossing.crossedAt(), getLocale()), crossing.officer(), crossing.crossed())));
        Map<Long, String> names = travellers.stream().collect(Collectors.toMap(TravellerRow::id, TravellerRow::fullName));
        crossing.discrepancies().forEach(d -> {
            Paragraph line = new Paragraph(getTranslation("checkpoint.discrepancy." + d.kind().name(),
                    d.travellerId() == null ? d.personName() : names.getOrDefault(d.travellerId(), ""),
                    d.documentTyped() == null ? "" : d.documentTyped()));
            line.addClassNames("form-message", "journey-discrepancy");
            box.add(line);
        });
        return box;
    }

    private void actions(JourneyRow j, List<TravellerRow> travellers) {
        boolean escort = currentUser.has(Authority.CONVOY_MANAGE) || currentUser.has(Authority.JOURNEY_PLAN);
        if (j.status() == JourneyStatus.PLANNED && currentUser.has(Authority.JOURNEY_PLAN)) {
            Button submit = new Button(getTranslation("journey.submit"), e -> act(j.id(),
                    () -> journeys.submit(j.id(), j.version()), "journey.submitted"));
            submit.addThemeVariants(ButtonVariant.PRIMARY);
            detail.add(submit);
        }
        if (j.flagged() && currentUser.has(Authority.JOURNEY_APPROVE)) {
            detail.add(new Button(getTranslation("journey.clear-flag"), e -> act(j.id(),
                    () -> journeys.clearFlag(j.id(), j.version()), "journey.flag-cleared")));
        }
        if (j.status() == JourneyStatus.CROSSED && escort) {
            CheckboxGroup<TravellerRow> arrived = new CheckboxGroup<>(getTranslation("journey.arrival.who"));
            List<TravellerRow> crossed = travellers.stream().filter(t -> t.status() == TravellerStatus.CROSSED).toList();
            arrived.setItems(crossed);
            arrived.setItemLabelGenerator(TravellerRow::fullName);
            arrived.setValue(new java.util.HashSet<>(crossed));
            Button confirm = new Button(getTranslation("journey.arrival.confirm"));
            confirm.addThemeVariants(ButtonVariant.PRIMARY);
            confirm.addClickListener(e -> {
                arrived.setInvalid(false);
                try {
                    Set<Long> ids = arrived.getValue().stream().map(TravellerRow::id).collect(Collectors.toSet());
                    journeys.confirmArrival(j.id(), j.version(), ids);
                    Notifications.success(getTranslation("journey.arrival.done", ids.size()));
                    refresh();
                    show(j.id());
                } catch (InvalidInputException problem) {
                    FormErrors.show(this, problem, Map.of("arrived", arrived)).forEach(Notifications::error);
                } catch (ConcurrentEditException changed) {
                    Notifications.error(getTranslation("error.concurrent-edit"));
                    show(j.id());
                }
            });
            Div arrival = new Div(new H3(getTranslation("journey.arrival.title")), arrived, confirm);
            arrival.addClassName("journey-arrival");
            detail.add(arrival);
        }
        if (!j.status().ended() && escort) {
            TextField reason = new TextField(getTranslation("journey.abort.reason"));
            reason.setWidth("22rem");
            reason.setMaxLength(500);
            Button abort = new Button(getTranslation("journey.abort"));
            abort.addThemeVariants(ButtonVariant.ERROR);
            abort.addClickListener(e -> {
                reason.setInvalid(false);
                try {
                    journeys.abort(j.id(), j.version(), reason.getValue());
                    Notifications.success(getTranslation("journey.aborted"));
                    refresh();
                    show(j.id());
                } catch (InvalidInputException problem) {
                    FormErrors.show(this, problem, Map.of("reason", reason)).forEach(Notifications::error);
                } catch (ConcurrentEditException changed) {
                    Notifications.error(getTranslation("error.concurrent-edit"));
                    show(j.id());
                }
            });
            FormShortcuts.click(abort, Key.KEY_A, KeyModifier.ALT);
            HorizontalLayout row = new HorizontalLayout(reason, abort);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
            detail.add(row);
        }
    }

    private void act(long id, Runnable action, String doneKey) {
        try {
            action.run();
            Notifications.success(getTranslation(doneKey));
        } catch (InvalidInputException problem) {
            problem.problems().values().forEach(keys -> keys.forEach(k -> Notifications.error(getTranslation(k))));
        } catch (ConcurrentEditException changed) {
            Notifications.error(getTranslation("error.concurrent-edit"));
        }
        refresh();
        show(id);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.journeys") + " · FieldAid";
    }
}
