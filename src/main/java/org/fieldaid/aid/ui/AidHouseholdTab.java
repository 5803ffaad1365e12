package org.fieldaid.aid.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.DeliveryRow;
import org.fieldaid.aid.EntitlementRow;
import org.fieldaid.aid.ExceptionForm;
import org.fieldaid.aid.ExceptionRow;
import org.fieldaid.aid.ExceptionStatus;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.aid.RoundRow;
import org.fieldaid.aid.WarehouseRow;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.HouseholdTab;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.settlement.Settlements;
import org.springframework.core.annotation.Order;

/**
 * The Aid tab of the household view: what the family is entitled to, what it was given (and what was taken back),
 * the packages asked for outside the entitlement, and the action that asks for one. Only for readers of aid; the
 * service checks that again on every call.
 */
@org.springframework.stereotype.Component
@Order(10)
class AidHouseholdTab implements HouseholdTab {

    private final Aid aid;
    private final Settlements settlements;
    private final CurrentUser currentUser;

    AidHouseholdTab(Aid aid, Settlements settlements, CurrentUser currentUser) {
        this.aid = aid;
        this.settlements = settlements;
        this.currentUser = currentUser;
    }

    @Override
    public String labelKey() {
        return "aid.tab.label";
    }

    @Override
    public Optional<Component> render(HouseholdDetails household) {
        if (!currentUser.has(Authority.AID_READ)) {
            return Optional.empty();
        }
        Div content = new Div();
        content.addClassName("aid-household-tab");
        fill(content, household);
        return Optional.of(content);
    }

    private void fill(Div content, HouseholdDetails household) {
        content.removeAll();
        Locale locale = locale();
        AidLabels labels = new AidLabels(aid.packageTypes(), settlements.all(), aid.warehouses(), locale);
        if (currentUser.has(Authority.AID_PLAN) && household.status() == HouseholdStatus.REGISTERED) {
            Button ask = new Button(content.getTranslation("aid.exception.ask"), VaadinIcon.PLUS.create(),
                    click -> askForException(content, household, labels));
            ask.addClassName("aid-ask-exception");
            content.add(ask);
        }
        List<EntitlementRow> entitlements = aid.entitlementsOf(household.id());
        content.add(new H3(content.getTranslation("aid.tab.entitlements")));
        if (entitlements.isEmpty()) {
            content.add(new Paragraph(content.getTranslation("aid.tab.no-entitlements")));
        } else {
            Map<Long, RoundRow> rounds = new java.util.HashMap<>();
            Grid<EntitlementRow> grid = new Grid<>();
            grid.setId("aid-tab-entitlements");
            grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
            grid.addColumn(e -> labels.type(e.packageTypeId())).setHeader(content.getTranslation("aid.package"))
                    .setFlexGrow(1);
            grid.addColumn(e -> basis(content, labels, rounds, e)).setHeader(content.getTranslation("aid.tab.basis"))
                    .setFlexGrow(2);
            grid.addColumn(e -> e.deliveredQuantity() + " / " + e.quantity())
                    .setHeader(content.getTranslation("aid.delivered-of")).setWidth("8rem").setFlexGrow(0);
            grid.addComponentColumn(e -> EntitlementBadge.of(content, e)).setHeader(content.getTranslation("aid.status"))
                    .setWidth("11rem").setFlexGrow(0);
            grid.setItems(entitlements);
            grid.setAllRowsVisible(true);
            content.add(grid);
        }
        List<DeliveryRow> deliveries = aid.deliveriesOf(household.id());
        content.add(new H3(content.getTranslation("aid.delivery.title")));
        if (deliveries.isEmpty()) {
            content.add(new Paragraph(content.getTranslation("aid.tab.no-deliveries")));
        } else {
            Map<Long, EntitlementRow> byId = new java.util.HashMap<>();
            entitlements.forEach(e -> byId.put(e.id(), e));
            Grid<DeliveryRow> grid = new Grid<>();
            grid.setId("aid-tab-deliveries");
            grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
            grid.addComponentColumn(d -> {
                Anchor receipt = new Anchor("aid/receipt/" + d.receiptNumber(), d.receiptNumber());
                receipt.setTarget("_blank");
                return receipt;
            }).setHeader(content.getTranslation("aid.delivery.receipt")).setWidth("10rem").setFlexGrow(0);
            grid.addColumn(d -> Optional.ofNullable(byId.get(d.entitlementId())).map(e -> labels.type(e.packageTypeId()))
                    .orElse("") + " × " + d.quantity()).setHeader(content.getTranslation("aid.package")).setFlexGrow(1);
            grid.addColumn(d -> d.recipientName() + (d.proxyDocument() == null ? ""
                    : " (" + content.getTranslation("aid.delivery.proxy", d.proxyDocument()) + ")"))
                    .setHeader(content.getTranslation("aid.deliver.recipient")).setFlexGrow(1);
            grid.addColumn(d -> Formats.dateTime(d.deliveredAt(), locale) + " · " + d.officer())
                    .setHeader(content.getTranslation("aid.delivery.when")).setFlexGrow(1);
            grid.addComponentColumn(d -> {
                if (!d.voided()) {
                    return new Span();
                }
                Span voided = new Span(content.getTranslation("aid.delivery.voided", d.voidReason(), d.voidedBy()));
                voided.addClassNames("badge", "badge-error");
                return voided;
            }).setAutoWidth(true).setFlexGrow(0);
            grid.setItems(deliveries);
            grid.setAllRowsVisible(true);
            content.add(grid);
        }
        List<ExceptionRow> exceptions = aid.exceptionsOf(household.id());
        content.add(new H3(content.getTranslation("aid.exception.title")));
        if (exceptions.isEmpty()) {
            content.add(new Paragraph(content.getTranslation("aid.tab.no-exceptions")));
        } else {
            Grid<ExceptionRow> grid = new Grid<>();
            grid.setId("aid-tab-exceptions");
            grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
            grid.addColumn(x -> Formats.dateTime(x.requestedAt(), locale) + " · " + x.requestedBy())
                    .setHeader(content.getTranslation("aid.exception.requested")).setFlexGrow(1);
            grid.addColumn(x -> labels.type(x.packageTypeId()) + " × " + x.quantity())
                    .setHeader(content.getTranslation("aid.package")).setFlexGrow(1);
            grid.addColumn(ExceptionRow::reason).setHeader(content.getTranslation("aid.exception.reason"))
                    .setFlexGrow(2);
            grid.addComponentColumn(x -> exceptionBadge(content, x)).setHeader(content.getTranslation("aid.status"))
                    .setWidth("12rem").setFlexGrow(0);
            grid.setItems(exceptions);
            grid.setAllRowsVisible(true);
            content.add(grid);
        }
    }

    private static Locale locale() {
        return com.vaadin.flow.component.UI.getCurrent() == null ? Locale.ENGLISH
                : com.vaadin.flow.component.UI.getCurrent().getLocale();
    }

    private String basis(Component context, AidLabels labels, Map<Long, RoundRow> rounds, EntitlementRow e) {
        String basis = e.roundId() != null
                ? labels.round(context, rounds.computeIfAbsent(e.roundId(), aid::round))
                : context.getTranslation("aid.tab.basis-exception", e.exceptionId());
        return e.followUp() ? basis + " · " + context.getTranslation("aid.entitlement.follow-up") : basis;
    }

    static Span exceptionBadge(Component context, ExceptionRow x) {
        Span badge = new Span(x.status() == ExceptionStatus.REJECTED
                ? context.getTranslation("aid.exception.rejected-because", x.rejectionReason())
                : context.getTranslation("aid.exception.status." + x.status().name()));
        badge.addClassNames("badge", switch (x.status()) {
            case SUBMITTED -> "badge-warning";
            case APPROVED -> "badge-success";
            case REJECTED -> "badge-error";
        });
        return badge;
    }

    private void askForException(Div content, HouseholdDetails household, AidLabels labels) {
        Dialog dialog = new Dialog(content.getTranslation("aid.exception.ask-title", household.registrationNumber()));
        dialog.setWidth("min(36rem, 95vw)");
        Select<PackageTypeRow> type = new Select<>();
        type.setLabel(content.getTranslation("aid.package"));
        type.setItems(aid.packageTypes().stream().filter(PackageTypeRow::active).toList());
        type.setItemLabelGenerator(t -> t.name(locale()));
        type.setWidthFull();
        IntegerField quantity = new IntegerField(content.getTranslation("aid.deliver.quantity"));
        quantity.setMin(1);
        quantity.setValue(1);
        quantity.setStepButtonsVisible(true);
        Select<WarehouseRow> warehouse = new Select<>();
        warehouse.setLabel(content.getTranslation("aid.exception.warehouse"));
        List<WarehouseRow> warehouses = aid.warehouses();
        warehouse.setItems(warehouses);
        warehouse.setItemLabelGenerator(w -> labels.warehouse(w.id()));
        warehouse.setWidthFull();
        // the warehouse where the family lives, when there is one
        warehouses.stream().filter(w -> household.currentSettlementId() != null
                && w.settlementId() == household.currentSettlementId()).findFirst()
                .or(() -> warehouses.stream().findFirst()).ifPresent(warehouse::setValue);
        TextArea reason = new TextArea(content.getTranslation("aid.exception.reason"));
        reason.setHelperText(content.getTranslation("aid.exception.reason.help"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        Span rest = new Span();
        rest.addClassName("aid-field-error");
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("packageType", type);
        fields.put("quantity", quantity);
        fields.put("warehouse", warehouse);
        fields.put("reason", reason);
        Button send = new Button(content.getTranslation("aid.exception.send"));
        send.addThemeVariants(ButtonVariant.PRIMARY);
        FormShortcuts.click(send, Key.KEY_S, KeyModifier.ALT);
        send.addClickListener(click -> {
            try {
                FormErrors.clear(fields);
                rest.setText("");
                ExceptionRow sent = aid.requestException(new ExceptionForm(household.id(),
                        type.getValue() == null ? null : type.getValue().id(), quantity.getValue(),
                        warehouse.getValue() == null ? null : warehouse.getValue().id(), reason.getValue()));
                Notifications.success(content.getTranslation("aid.exception.sent", labels.type(sent.packageTypeId())));
                dialog.close();
                fill(content, household);
            } catch (InvalidInputException problem) {
                rest.setText(String.join(" ", FormErrors.show(content, problem, fields)));
            }
        });
        HorizontalLayout line = new HorizontalLayout(type, quantity);
        line.setWidthFull();
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        line.expand(type);
        dialog.add(line, warehouse, reason, rest);
        dialog.getFooter().add(new Button(content.getTranslation("action.cancel"), c -> dialog.close()), send);
        dialog.open();
        type.focus();
    }
}
