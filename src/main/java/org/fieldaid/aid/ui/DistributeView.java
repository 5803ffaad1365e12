package org.fieldaid.aid.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.DeliveryForm;
import org.fieldaid.aid.DeliveryOutcome;
import org.fieldaid.aid.DeliveryRow;
import org.fieldaid.aid.EntitlementRow;
import org.fieldaid.aid.RoundRow;
import org.fieldaid.aid.RoundStatus;
import org.fieldaid.aid.StockLevel;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.GridRows;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdRow;
import org.fieldaid.household.MemberView;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.settlement.Settlements;
import org.springframework.data.domain.PageRequest;

/**
 * The distribution point: find the family with the registry's search, see what is due now, and hand it over in one
 * action. A second handover of the same package is refused with a message, never an error page.
 */
@Route("aid/distribute")
@RolesAllowed(Authority.Codes.AID_DISTRIBUTE)
@Menu(title = "nav.aid.distribute", order = 30, icon = "vaadin:package")
class DistributeView extends VerticalLayout implements HasDynamicTitle {

    /** Stands for "somebody else collects for the family" in the recipient choice. */
    private static final long PROXY = -1;

    private final Aid aid;
    private final HouseholdRegistry registry;
    private final AidLabels labels;
    private final TextField search = new TextField();
    private final Grid<HouseholdRow> found = new Grid<>();
    private final Div household = new Div();
    private final Grid<EntitlementRow> entitlements = new Grid<>();
    private final Grid<DeliveryRow> deliveries = new Grid<>();
    private final boolean mayVoid;
    private List<EntitlementRow> shownEntitlements = List.of();
    private final Div form = new Div();
    private final Span result = new Span();

    private HouseholdDetails selected;
    private EntitlementRow handing;
    /** One key per handover being prepared: a double click or a resent request records it once. */
    private String requestKey;

    DistributeView(Aid aid, HouseholdRegistry registry, Settlements settlements, CurrentUser currentUser) {
        this.aid = aid;
        this.mayVoid = currentUser.has(Authority.AID_APPROVE);
        this.registry = registry;
        this.labels = new AidLabels(aid.packageTypes(), settlements.all(), aid.warehouses(), getLocale());
        addClassName("aid-view");
        setWidthFull();

        search.setPlaceholder(getTranslation("aid.distribute.search"));
        search.setAriaLabel(getTranslation("aid.distribute.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("household-search");
        search.addValueChangeListener(e -> find());
        add(new ViewHeader(getTranslation("nav.aid.distribute"), getTranslation("aid.distribute.description"))
                .withActions(search));

        found.addThemeVariants(GridVariant.ROW_STRIPES);
        found.addColumn(HouseholdRow::registrationNumber).setHeader(getTranslation("aid.household.number"))
                .setWidth("11rem").setFlexGrow(0);
        found.addColumn(r -> r.headFamilyName() + " " + r.headGivenName()).setHeader(getTranslation("aid.household.head"))
                .setFlexGrow(1);
        found.addColumn(HouseholdRow::memberCount).setHeader(getTranslation("aid.household.members")).setWidth("6rem")
                .setFlexGrow(0);
        found.addColumn(r -> labels.place(r.currentSettlementId())).setHeader(getTranslation("aid.household.current"))
                .setFlexGrow(1);
        found.setAllRowsVisible(true);
        found.setVisible(false);
        GridRows.openWith(found, row -> open(row.id()));

        result.addClassName("aid-result");
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");

        entitlements.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        entitlements.addColumn(e -> labels.type(e.packageTypeId())
                + (e.exceptionId() != null ? " · " + getTranslation("aid.entitlement.exception") : "")
                + (e.followUp() ? " · " + getTranslation("aid.entitlement.follow-up") : ""))
                .setHeader(getTranslation("aid.package")).setFlexGrow(1);
        entitlements.addColumn(e -> e.deliveredQuantity() + " / " + e.quantity())
                .setHeader(getTranslation("aid.delivered-of")).setWidth("9rem").setFlexGrow(0);
        entitlements.addComponentColumn(e -> EntitlementBadge.of(this, e)).setHeader(getTranslation("aid.status")).setWidth("11rem")
                .setFlexGrow(0);
        entitlements.addComponentColumn(this::handOverButton).setWidth("10rem").setFlexGrow(0);
        entitlements.setId("aid-entitlements");
        entitlements.setAllRowsVisible(true);
        GridRows.openWith(entitlements, e -> {
            if (e.deliverable()) {
                startHandover(e);
            }
        });
        deliveries.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        deliveries.addComponentColumn(d -> {
            Anchor receipt = new Anchor("aid/receipt/" + d.receiptNumber(), d.receiptNumber());
            receipt.setTarget("_blank");
            receipt.getElement().setAttribute("title", getTranslation("aid.print.receipt-link"));
            return receipt;
        }).setHeader(getTranslation("aid.delivery.receipt")).setWidth("10rem").setFlexGrow(0);
        deliveries.addColumn(d -> packageOf(d) + " × " + d.quantity()).setHeader(getTranslation("aid.package"))
                .setFlexGrow(2);
        deliveries.addColumn(d -> d.recipientName() + (d.proxyDocument() == null ? ""
                : " (" + getTranslation("aid.delivery.proxy", d.proxyDocument()) + ")"))
                .setHeader(getTranslation("aid.deliver.recipient")).setFlexGrow(1);
        deliveries.addColumn(d -> Formats.dateTime(d.deliveredAt(), getLocale()) + " · " + d.officer())
                .setHeader(getTranslation("aid.delivery.when")).setWidth("12rem").setFlexGrow(0);
        deliveries.addComponentColumn(this::deliveryState).setWidth("11rem").setFlexGrow(0);
        deliveries.setId("aid-deliveries");
        deliveries.setAllRowsVisible(true);

        household.addClassName("aid-household");
        household.setVisible(false);
        form.addClassName("aid-delivery-form");
        add(found, result, household);
    }

    private void find() {
        String text = search.getValue().strip();
        result.setText("");
        if (text.length() < 2) {
            found.setVisible(false);
            return;
        }
        List<HouseholdRow> rows = registry.find(HouseholdFilter.text(text), PageRequest.of(0, 20)).getContent();
        found.setItems(rows);
        // one match opens at once; the list would only push what is due below the fold on a tablet
        found.setVisible(rows.size() > 1);
        result.getElement().removeAttribute("data-result");
        if (rows.isEmpty()) {
            result.setText(getTranslation("aid.distribute.none-found"));
        } else if (rows.size() == 1) {
            open(rows.getFirst().id());
        }
    }

    private void open(long householdId) {
        selected = registry.get(householdId);
        handing = null;
        showHousehold();
    }

    private void showHousehold() {
        household.removeAll();
        household.setVisible(true);
        MemberView head = selected.members().getFirst();
        household.add(new H3(selected.registrationNumber() + " · " + head.fullName()));
        household.add(new Paragraph(getTranslation("aid.distribute.household-line", selected.members().size(),
                labels.place(selected.currentSettlementId()))));
        List<EntitlementRow> rows = aid.entitlementsOf(selected.id());
        if (rows.isEmpty()) {
            household.add(new Paragraph(getTranslation("aid.distribute.nothing-due")));
            return;
        }
        shownEntitlements = rows;
        entitlements.setItems(rows);
        household.add(entitlements, form);
        form.removeAll();
        if (handing != null) {
            buildForm();
        }
        List<DeliveryRow> given = aid.deliveriesOf(selected.id());
        if (!given.isEmpty()) {
            deliveries.setItems(given);
            household.add(new H3(getTranslation("aid.delivery.title")), deliveries);
            if (selected.currentSettlementId() != null) {
                Anchor day = new Anchor(DayListView.route(selected.currentSettlementId(),
                        java.time.LocalDate.now(Formats.ZONE)), getTranslation("aid.print.day-list-link",
                        labels.place(selected.currentSettlementId())));
                day.setTarget("_blank");
                day.addClassName("aid-print-link");
                household.add(new Paragraph(day));
            }
        }
    }

    private String packageOf(DeliveryRow d) {
        return shownEntitlements.stream().filter(e -> e.id() == d.entitlementId()).findFirst()
                .map(e -> labels.type(e.packageTypeId())).orElse("");
    }

    private com.vaadin.flow.component.Component deliveryState(DeliveryRow d) {
        if (d.voided()) {
            Span voided = new Span(getTranslation("aid.delivery.voided", d.voidReason(), d.voidedBy()));
            voided.addClassNames("badge", "badge-error");
            return voided;
        }
        if (!mayVoid) {
            return new Span();
        }
        Button voidButton = new Button(getTranslation("aid.delivery.void"), click -> confirmVoid(d));
        voidButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.ERROR);
        return voidButton;
    }

    private void confirmVoid(DeliveryRow d) {
        Dialog dialog = new Dialog(getTranslation("aid.delivery.void-title", d.receiptNumber()));
        TextArea reason = new TextArea(getTranslation("aid.delivery.void-reason"));
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("aid.delivery.void"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.addClickListener(click -> {
            try {
                aid.voidDelivery(d.id(), d.version(), reason.getValue());
                Notifications.success(getTranslation("aid.delivery.voided-done", d.receiptNumber()));
                dialog.close();
                showHousehold();
            } catch (InvalidInputException problem) {
                FormErrors.show(this, problem, Map.of("reason", reason)).forEach(Notifications::error);
            } catch (ConcurrentEditException changed) {
                Notifications.error(getTranslation("error.concurrent-edit"));
                dialog.close();
                showHousehold();
            }
        });
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), c -> dialog.close()), confirm);
        dialog.open();
        reason.focus();
    }

    private com.vaadin.flow.component.Component handOverButton(EntitlementRow e) {
        if (!e.deliverable()) {
            return new Span();
        }
        Button hand = new Button(getTranslation("aid.deliver.open"), click -> startHandover(e));
        hand.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return hand;
    }

    private void startHandover(EntitlementRow e) {
        handing = e;
        requestKey = UUID.randomUUID().toString();
        form.removeAll();
        buildForm();
    }

    private void buildForm() {
        EntitlementRow e = handing;
        int inStock = aid.stock(e.warehouseId()).stream().filter(s -> s.packageTypeId() == e.packageTypeId())
                .findFirst().map(StockLevel::quantity).orElse(0);
        form.add(new H3(getTranslation("aid.deliver.title", labels.type(e.packageTypeId()))));
        form.add(new Paragraph(getTranslation("aid.deliver.stock-line", labels.warehouse(e.warehouseId()),
                inStock)));
        List<org.fieldaid.aid.DuplicateDelivery> twins = aid.duplicateDeliveries(e.id());
        if (!twins.isEmpty()) {
            Paragraph ahead = new Paragraph(getTranslation("aid.duplicate.ahead", twins.stream()
                    .map(org.fieldaid.aid.DuplicateDelivery::registrationNumber).distinct()
                    .collect(java.util.stream.Collectors.joining(", "))));
            ahead.addClassNames("badge", "badge-warning", "aid-duplicate-ahead");
            form.add(ahead);
        }

        Select<Long> recipient = new Select<>();
        recipient.setLabel(getTranslation("aid.deliver.recipient"));
        recipient.setWidth("22rem");
        List<Long> choices = new java.util.ArrayList<>(selected.members().stream().map(MemberView::id).toList());
        choices.add(PROXY);
        recipient.setItems(choices);
        recipient.setItemLabelGenerator(id -> id == PROXY ? getTranslation("aid.deliver.proxy")
                : member(id).map(m -> m.fullName() + (m.documentNumber() == null ? "" : " · " + m.documentNumber()))
                        .orElse(""));
        recipient.setValue(selected.members().getFirst().id());
        TextField proxyName = new TextField(getTranslation("aid.deliver.proxy-name"));
        TextField proxyDocument = new TextField(getTranslation("aid.deliver.proxy-document"));
        proxyName.setVisible(false);
        proxyDocument.setVisible(false);
        recipient.addValueChangeListener(v -> {
            boolean proxy = v.getValue() != null && v.getValue() == PROXY;
            proxyName.setVisible(proxy);
            proxyDocument.setVisible(proxy);
        });
        IntegerField quantity = new IntegerField(getTranslation("aid.deliver.quantity"));
        quantity.setMin(1);
        quantity.setMax(e.stillDue());
        quantity.setStepButtonsVisible(true);
        quantity.setValue(e.stillDue());
        quantity.setHelperText(getTranslation("aid.deliver.quantity.help", e.stillDue()));
        Checkbox identity = new Checkbox(getTranslation("aid.deliver.identity-checked"));
        Span identityError = new Span();
        identityError.addClassName("aid-field-error");

        Button deliver = new Button(getTranslation("aid.deliver.submit"), VaadinIcon.CHECK.create());
        deliver.addThemeVariants(ButtonVariant.PRIMARY);
        deliver.setDisableOnClick(true);
        FormShortcuts.click(deliver, Key.KEY_S, KeyModifier.ALT);
        Button cancel = new Button(getTranslation("action.cancel"), c -> {
            handing = null;
            form.removeAll();
        });
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("recipient", recipient);
        fields.put("proxyName", proxyName);
        fields.put("proxyDocument", proxyDocument);
        fields.put("quantity", quantity);
        deliver.addClickListener(click -> {
            try {
                identityError.setText("");
                Long chosen = recipient.getValue();
                boolean proxy = chosen == null || chosen == PROXY;
                DeliveryForm delivery = new DeliveryForm(e.id(), quantity.getValue(), proxy ? null : chosen,
                        proxy ? null : member(chosen).map(MemberView::fullName).orElse(null),
                        proxy ? proxyName.getValue() : null, proxy ? proxyDocument.getValue() : null,
                        identity.getValue(), requestKey);
                FormErrors.clear(fields);
                DeliveryOutcome outcome = aid.deliver(delivery);
                if (outcome.result() == DeliveryOutcome.Result.DUPLICATE_WARNING) {
                    confirmDespiteDuplicates(delivery, outcome);
                } else {
                    shown(outcome);
                }
            } catch (InvalidInputException problem) {
                List<String> rest = FormErrors.show(this, problem, fields);
                identityError.setText(String.join(" ", rest));
            } finally {
                deliver.setEnabled(true);
            }
        });
        HorizontalLayout people = new HorizontalLayout(recipient, proxyName, proxyDocument, quantity);
        people.setWrap(true);
        people.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout buttons = new HorizontalLayout(deliver, cancel);
        form.add(people, identity, identityError, buttons);
        recipient.focus();
    }

    /** A possible duplicate of the family already received this package in this round: the officer decides. */
    private void confirmDespiteDuplicates(DeliveryForm delivery, DeliveryOutcome warning) {
        Dialog dialog = new Dialog(getTranslation("aid.duplicate.title"));
        dialog.setWidth("min(34rem, 95vw)");
        dialog.getElement().setAttribute("aria-label", getTranslation("aid.duplicate.title"));
        dialog.add(new Paragraph(getTranslation("aid.duplicate.explain")));
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        warning.duplicates().forEach(d -> list.add(new com.vaadin.flow.component.html.ListItem(
                getTranslation("aid.duplicate.line", d.registrationNumber(), d.receiptNumber(),
                        Formats.dateTime(d.deliveredAt(), getLocale()),
                        getTranslation("household.duplicates.reason." + d.matchReason())))));
        dialog.add(list, new Paragraph(getTranslation("aid.duplicate.ask")));
        Button handOver = new Button(getTranslation("aid.duplicate.confirm"), click -> {
            dialog.close();
            shown(aid.deliver(delivery.confirmingDuplicate()));
        });
        handOver.addThemeVariants(ButtonVariant.ERROR);
        handOver.setDisableOnClick(true);
        Button stop = new Button(getTranslation("aid.duplicate.stop"), click -> {
            dialog.close();
            result.setText(getTranslation("aid.duplicate.stopped"));
            result.getElement().setAttribute("data-result", "DUPLICATE_STOPPED");
            handing = null;
            requestKey = null;
            showHousehold();
        });
        stop.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(handOver, stop);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
        stop.focus();
    }

    private void shown(DeliveryOutcome outcome) {
        String message = getTranslation(outcome.messageKey(),
                outcome.delivery() == null ? "" : outcome.delivery().receiptNumber());
        result.setText(message);
        result.getElement().setAttribute("data-result", outcome.result().name());
        if (outcome.recorded()) {
            Notifications.success(message);
        } else {
            Notifications.error(message);
        }
        // whatever the answer, this form is done: a refused handover left open invites pressing it again
        handing = null;
        requestKey = null;
        showHousehold();
    }

    private Optional<MemberView> member(Long id) {
        return selected.members().stream().filter(m -> id != null && m.id() == id).findFirst();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.aid.distribute");
    }
}
