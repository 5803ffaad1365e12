package org.fieldaid.settlement.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.DateField;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.GridRows;
import org.fieldaid.base.ui.NarrowScreenColumns;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.security.Authority;
import org.fieldaid.settlement.ReturnStatus;
import org.fieldaid.settlement.ReturnStatusChange;
import org.fieldaid.settlement.ReturnStatusForm;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;

/**
 * Where coordinators decide whether families may go home to a settlement: open, restricted or closed, always with
 * a reason and a date, and with the whole history beside it.
 */
@Route("settlements/return-status")
@RolesAllowed({Authority.Codes.SETTLEMENT_STATUS, Authority.Codes.SETTLEMENT_MANAGE})
@Menu(title = "nav.return-status", order = 45, icon = "vaadin:road-branches")
class ReturnStatusView extends VerticalLayout implements HasDynamicTitle {

    private final Settlements settlements;
    private final Grid<SettlementRow> grid = new Grid<>();
    private final Div detail = new Div();

    ReturnStatusView(Settlements settlements) {
        this.settlements = settlements;
        addClassName("return-status-view");
        setWidthFull();
        add(new ViewHeader(getTranslation("nav.return-status"), getTranslation("return-status.description")));
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(s -> s.label(getLocale())).setHeader(getTranslation("settlement.names")).setFlexGrow(2);
        Grid.Column<SettlementRow> district = grid.addColumn(SettlementRow::district)
                .setHeader(getTranslation("settlement.district")).setFlexGrow(1);
        grid.addComponentColumn(s -> badge(s.returnStatus())).setHeader(getTranslation("settlement.return-status"))
                .setWidth("9rem").setFlexGrow(0);
        grid.setAllRowsVisible(true);
        NarrowScreenColumns.hideBelow(grid, 700, List.of(district));
        GridRows.openWith(grid, this::show);
        Paragraph hint = new Paragraph(getTranslation("return-status.open-hint"));
        hint.addClassName("form-help");
        add(hint, detail, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(settlements.all().stream().filter(s -> !s.reception()).toList());
    }

    private Span badge(ReturnStatus status) {
        Span badge = new Span(getTranslation("return-status." + status.name()));
        badge.addClassNames("badge", switch (status) {
            case OPEN -> "badge-success";
            case RESTRICTED -> "badge-warning";
            case CLOSED -> "badge-error";
        });
        return badge;
    }

    private void show(SettlementRow settlement) {
        detail.removeAll();
        detail.addClassName("card");
        List<ReturnStatusChange> history = settlements.returnStatusHistory(settlement.id());
        H3 title = new H3(settlement.label(getLocale()));
        Paragraph now = new Paragraph(getTranslation("return-status.now",
                getTranslation("return-status." + settlement.returnStatus().name())));
        history.stream().findFirst().ifPresent(last -> now.setText(getTranslation("return-status.now-since",
                getTranslation("return-status." + settlement.returnStatus().name()),
                Formats.date(getLocale()).format(last.effectiveOn()), last.reason())));

        RadioButtonGroup<ReturnStatus> status = new RadioButtonGroup<>(getTranslation("return-status.new"));
        status.setItems(ReturnStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("return-status." + s.name()));
        TextArea reason = new TextArea(getTranslation("return-status.reason"));
        reason.setWidthFull();
        reason.setMaxLength(500);
        reason.setHelperText(getTranslation("return-status.reason.help"));
        DateField effective = new DateField(getTranslation("return-status.effective-on"));
        effective.setValue(LocalDate.now(Formats.ZONE));
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("status", status);
        fields.put("reason", reason);
        fields.put("effectiveOn", effective);
        Paragraph warning = new Paragraph(getTranslation("return-status.closing-flags"));
        warning.addClassName("form-message");
        Button save = new Button(getTranslation("return-status.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            FormErrors.clear(fields);
            Map<String, List<String>> unreadable = FormErrors.unreadableDates(fields);
            if (!unreadable.isEmpty()) {
                FormErrors.show(this, unreadable, fields);
                return;
            }
            try {
                SettlementRow saved = settlements.setReturnStatus(settlement.id(), settlement.version(),
                        new ReturnStatusForm(status.getValue(), reason.getValue(), effective.getValue()));
                Notifications.success(getTranslation("return-status.saved", saved.label(getLocale()),
                        getTranslation("return-status." + saved.returnStatus().name())));
                refresh();
                show(saved);
            } catch (InvalidInputException problem) {
                FormErrors.show(this, problem, fields).forEach(Notifications::error);
            } catch (ConcurrentEditException changed) {
                Notifications.error(getTranslation("error.concurrent-edit"));
            }
        });
        FormShortcuts.click(save, Key.KEY_S, KeyModifier.ALT);

        Grid<ReturnStatusChange> past = new Grid<>();
        past.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        past.addComponentColumn(c -> badge(c.status())).setHeader(getTranslation("settlement.return-status"))
                .setWidth("9rem").setFlexGrow(0);
        past.addColumn(c -> Formats.date(getLocale()).format(c.effectiveOn()))
                .setHeader(getTranslation("return-status.effective-on")).setWidth("8rem").setFlexGrow(0);
        past.addColumn(ReturnStatusChange::reason).setHeader(getTranslation("return-status.reason")).setFlexGrow(2);
        Grid.Column<ReturnStatusChange> who = past.addColumn(c -> c.setBy() + " · "
                        + Formats.dateTime(c.setAt(), getLocale())).setHeader(getTranslation("return-status.set-by"))
                .setFlexGrow(1);
        NarrowScreenColumns.hideBelow(past, 700, List.of(who));
        past.setItems(history);
        past.setAllRowsVisible(true);
        detail.add(title, now, status, reason, effective, warning, save,
                new H3(getTranslation("return-status.history")), past);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.return-status") + " · FieldAid";
    }
}
