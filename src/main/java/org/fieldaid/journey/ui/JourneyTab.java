package org.fieldaid.journey.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.component.select.Select;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fieldaid.base.ui.DateField;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.GridRows;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.Pickers;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.HouseholdTab;
import org.fieldaid.household.MemberView;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.journey.ConvoyRow;
import org.fieldaid.journey.ConvoyStatus;
import org.fieldaid.journey.JourneyForm;
import org.fieldaid.journey.JourneyRow;
import org.fieldaid.journey.Journeys;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.settlement.ReturnStatus;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.springframework.core.annotation.Order;

/** The household's journeys, the whole history, and planning the next one where the reader may. */
@org.springframework.stereotype.Component
@Order(20)
class JourneyTab implements HouseholdTab {

    private final Journeys journeys;
    private final Settlements settlements;
    private final CurrentUser currentUser;

    JourneyTab(Journeys journeys, Settlements settlements, CurrentUser currentUser) {
        this.journeys = journeys;
        this.settlements = settlements;
        this.currentUser = currentUser;
    }

    @Override
    public String labelKey() {
        return "journey.tab";
    }

    @Override
    public Optional<Component> render(HouseholdDetails household) {
        if (!currentUser.has(Authority.JOURNEY_READ)) {
            return Optional.empty();
        }
        return Optional.of(new Content(household));
    }

    private class Content extends Div {

        private final HouseholdDetails household;
        private final List<SettlementRow> places = settlements.all();
        private final JourneyLabels labels;
        private final Grid<JourneyRow> grid = new Grid<>();

        Content(HouseholdDetails household) {
            this.household = household;
            Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
            this.labels = new JourneyLabels(places, locale);
            addClassName("journey-tab");
            // a household partly returned says so above its tabs; here only what the journeys add
            if (household.status() == HouseholdStatus.RETURNED) {
                Paragraph state = new Paragraph(getTranslation("journey.household.all-returned"));
                state.addClassName("form-help");
                add(state);
            }
            grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
            grid.addColumn(j -> labels.date(j.plannedOn())).setHeader(getTranslation("journey.date")).setWidth("8rem")
                    .setFlexGrow(0);
            grid.addColumn(j -> labels.place(j.destinationId())).setHeader(getTranslation("journey.destination"))
                    .setFlexGrow(2);
            grid.addColumn(JourneyRow::travellers).setHeader(getTranslation("journey.travellers")).setWidth("6rem")
                    .setFlexGrow(0);
            grid.addComponentColumn(j -> {
                Div cell = new Div(JourneyLabels.badge(this, j.status()));
                if (j.flagged()) {
                    cell.add(new Span(" "), JourneyLabels.flag(this));
                }
                return cell;
            }).setHeader(getTranslation("journey.status")).setFlexGrow(1);
            grid.setAllRowsVisible(true);
            GridRows.openWith(grid, j -> getUI().ifPresent(ui -> ui.navigate("journeys/" + j.id())));
            add(grid);
            refresh();
            if (currentUser.has(Authority.JOURNEY_PLAN) && household.status() == HouseholdStatus.REGISTERED) {
                add(planForm());
            }
        }

        private void refresh() {
            List<JourneyRow> all = journeys.journeysOf(household.id());
            grid.setItems(all);
            grid.setVisible(!all.isEmpty());
        }

        private Div planForm() {
            CheckboxGroup<MemberView> members = new CheckboxGroup<>(getTranslation("journey.plan.members"));
            List<MemberView> home = household.members().stream().filter(m -> !m.returned()).toList();
            members.setItems(home);
            members.setItemLabelGenerator(MemberView::fullName);
            members.setValue(new java.util.HashSet<>(home));
            ComboBox<SettlementRow> destination = new ComboBox<>(getTranslation("journey.destination"));
            destination.setItems(places.stream().filter(s -> !s.reception()).toList());
            destination.setItemLabelGenerator(s -> s.label(getLocale()) + (s.returnStatus() == ReturnStatus.OPEN ? ""
                    : " — " + getTranslation("return-status." + s.returnStatus().name())));
            places.stream().filter(s -> household.originSettlementId() != null
                    && s.id() == household.originSettlementId()).findFirst().ifPresent(destination::setValue);
            destination.setHelperText(getTranslation("journey.plan.destination-help"));
            Pickers.acceptTypedChoice(destination);
            destination.setWidth("20rem");
            DateField date = new DateField(getTranslation("journey.date"));
            Select<ConvoyRow> convoy = new Select<>();
            convoy.setLabel(getTranslation("journey.convoy"));
            convoy.setItemLabelGenerator(c -> labels.convoy(this, c));
            convoy.setEmptySelectionAllowed(false);
            convoy.setWidth("22rem");
            List<ConvoyRow> upcoming = journeys.upcomingConvoys().stream()
                    .filter(c -> c.status() == ConvoyStatus.SCHEDULED && c.free() > 0).toList();
            Paragraph next = new Paragraph(upcoming.isEmpty() ? getTranslation("journey.plan.no-convoys")
                    : getTranslation("journey.plan.next-convoys", upcoming.stream().limit(4)
                    .map(c -> labels.date(c.date()) + " (" + c.free() + ")").collect(Collectors.joining(", "))));
            next.addClassName("form-help");
            date.addValueChangeListener(e -> {
                List<ConvoyRow> that = journeys.bookableConvoys(e.getValue());
                convoy.setItems(that);
                convoy.setHelperText(e.getValue() != null && that.isEmpty()
                        ? getTranslation("journey.plan.no-convoy-that-day") : null);
                that.stream().filter(c -> c.free() > 0).findFirst().ifPresent(convoy::setValue);
            });
            upcoming.stream().findFirst().ifPresent(c -> date.setValue(c.date()));
            Map<String, HasValidation> fields = new LinkedHashMap<>();
            fields.put("members", members);
            fields.put("destination", destination);
            fields.put("date", date);
            fields.put("convoy", convoy);
            Paragraph kept = new Paragraph();
            kept.addClassName("form-message");
            kept.setVisible(false);
            Button plan = new Button(getTranslation("journey.plan.button"));
            plan.addThemeVariants(ButtonVariant.PRIMARY);
            plan.addClickListener(e -> {
                FormErrors.clear(fields);
                kept.setVisible(false);
                Map<String, List<String>> unreadable = FormErrors.unreadableDates(fields);
                if (!unreadable.isEmpty()) {
                    FormErrors.show(this, unreadable, fields);
                    return;
                }
                try {
                    JourneyRow planned = journeys.plan(new JourneyForm(household.id(),
                            members.getValue().stream().map(MemberView::id).collect(Collectors.toSet()),
                            destination.getValue() == null ? null : destination.getValue().id(), date.getValue(),
                            convoy.getValue() == null ? null : convoy.getValue().id()));
                    Notifications.success(getTranslation("journey.plan.done", planned.travellers()));
                    refresh();
                    getUI().ifPresent(ui -> ui.navigate("journeys/" + planned.id()));
                } catch (InvalidInputException problem) {
                    FormErrors.show(this, problem, fields).forEach(Notifications::error);
                    kept.setText(getTranslation("journey.plan.kept"));
                    kept.setVisible(true);
                }
            });
            FormShortcuts.click(plan, Key.KEY_S, KeyModifier.ALT);
            HorizontalLayout row = new HorizontalLayout(destination, date, convoy);
            row.setWrap(true);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            Div form = new Div(new H3(getTranslation("journey.plan.title")), members, row, next, plan, kept);
            form.addClassNames("card", "journey-plan");
            return form;
        }
    }
}
