package org.fieldaid.aid.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
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
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.AidExports;
import org.fieldaid.aid.CorrectionForm;
import org.fieldaid.aid.CorrectionReason;
import org.fieldaid.aid.MovementRow;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.aid.ReceiptForm;
import org.fieldaid.aid.StockLevel;
import org.fieldaid.aid.TransferForm;
import org.fieldaid.aid.TransferRow;
import org.fieldaid.aid.TransferStatus;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import org.fieldaid.aid.WarehouseRow;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.GridRows;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.report.Exports;
import org.fieldaid.report.ui.ExportDialog;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.settlement.Settlements;

/** Stock levels per warehouse with their minimum levels; receipts and corrections for those who manage stock. */
@Route("aid/stock")
@RolesAllowed({Authority.Codes.AID_READ, Authority.Codes.STOCK_MANAGE})
@Menu(title = "nav.aid.stock", order = 31, icon = "vaadin:stock")
class StockView extends VerticalLayout implements HasDynamicTitle {

    private final Aid aid;
    private final AidLabels labels;
    private final List<PackageTypeRow> types;
    private final Select<WarehouseRow> warehouse = new Select<>();
    private final Grid<StockLevel> levels = new Grid<>();
    private final Grid<MovementRow> ledger = new Grid<>();
    private final H3 ledgerTitle = new H3();
    /** The package type whose ledger is open, which an export takes; null for none. */
    private Long ledgerType;
    private final Grid<TransferRow> transfers = new Grid<>();
    private final boolean managesStock;
    private java.util.Map<Long, Integer> inTransit = java.util.Map.of();

    StockView(Aid aid, Settlements settlements, CurrentUser currentUser, AidExports aidExports, Exports exports) {
        this.aid = aid;
        this.types = aid.packageTypes();
        this.managesStock = currentUser.has(Authority.STOCK_MANAGE);
        List<WarehouseRow> warehouses = aid.warehouses();
        this.labels = new AidLabels(types, settlements.all(), warehouses, getLocale());
        addClassName("aid-view");
        setWidthFull();

        warehouse.setAriaLabel(getTranslation("aid.warehouse"));
        warehouse.setWidth("22rem");
        warehouse.setItems(warehouses);
        warehouse.setItemLabelGenerator(w -> labels.warehouse(w.id()));
        warehouse.addValueChangeListener(e -> {
            // another warehouse's ledger is not this one's
            ledgerType = null;
            ledger.setVisible(false);
            ledgerTitle.setVisible(false);
            refresh();
        });
        ViewHeader header = new ViewHeader(getTranslation("nav.aid.stock"), getTranslation("aid.stock.description"))
                .withActions(warehouse);
        if (currentUser.has(Authority.EXPORT_PERSONAL) || currentUser.has(Authority.EXPORT_AGGREGATE)) {
            // the warehouse chosen; the package type whose ledger is open, or all of them
            Button export = ExportDialog.button(exports, () -> labels.warehouse(warehouse.getValue().id())
                            + (ledgerType == null ? "" : " · " + labels.type(ledgerType)),
                    () -> List.of(aidExports.ledger(warehouse.getValue().id(), ledgerType)));
            export.setEnabled(!warehouses.isEmpty());
            header.withActions(export);
        }
        add(header);

        levels.addThemeVariants(GridVariant.ROW_STRIPES);
        levels.addColumn(s -> labels.type(s.packageTypeId())).setHeader(getTranslation("aid.package")).setFlexGrow(1);
        levels.addColumn(s -> Formats.number(s.quantity(), getLocale())).setHeader(getTranslation("aid.stock.quantity"))
                .setWidth("8rem").setFlexGrow(0);
        levels.addColumn(s -> Formats.number(s.minimumLevel(), getLocale()))
                .setHeader(getTranslation("aid.stock.minimum")).setWidth("8rem").setFlexGrow(0);
        levels.addColumn(s -> inTransit.getOrDefault(s.packageTypeId(), 0) == 0 ? ""
                : "+" + Formats.number(inTransit.get(s.packageTypeId()), getLocale()))
                .setHeader(getTranslation("aid.stock.in-transit")).setWidth("8rem").setFlexGrow(0);
        levels.addComponentColumn(s -> {
            Span badge = new Span(getTranslation(s.low() ? "aid.stock.low" : "aid.stock.ok"));
            badge.addClassNames("badge", s.low() ? "badge-error" : "badge-success");
            return badge;
        }).setHeader(getTranslation("aid.status")).setWidth("9rem").setFlexGrow(0);
        levels.setAllRowsVisible(true);
        GridRows.openWith(levels, this::showLedger);
        add(levels);

        transfers.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        transfers.setId("aid-transfers");
        transfers.addColumn(t -> Formats.dateTime(t.sentAt(), getLocale())).setHeader(getTranslation("aid.transfer.sent-at"))
                .setWidth("8rem").setFlexGrow(0);
        transfers.addColumn(t -> labels.warehousePlace(t.fromWarehouseId()) + " → "
                + labels.warehousePlace(t.toWarehouseId())).setHeader(getTranslation("aid.transfer.route"))
                .setFlexGrow(1);
        transfers.addColumn(t -> labels.type(t.packageTypeId())).setHeader(getTranslation("aid.package")).setFlexGrow(1);

        transfers.addColumn(t -> t.quantityReceived() == null ? Integer.toString(t.quantitySent())
                : t.quantityReceived() + " / " + t.quantitySent())
                .setHeader(getTranslation("aid.transfer.received-of-sent")).setWidth("7rem").setFlexGrow(0);
        transfers.addColumn(TransferRow::waybill).setHeader(getTranslation("aid.receipt.waybill")).setWidth("8rem")
                .setFlexGrow(0);
        transfers.addComponentColumn(this::transferState).setHeader(getTranslation("aid.status")).setWidth("10rem")
                .setFlexGrow(1);
        transfers.setAllRowsVisible(true);
        add(new H3(getTranslation("aid.transfer.list")), transfers);
        if (managesStock) {
            add(receiptForm(), correctionForm(), transferForm(warehouses));
        }

        ledger.addThemeVariants(GridVariant.ROW_STRIPES);
        ledger.addColumn(m -> Formats.dateTime(m.recordedAt(), getLocale())).setHeader(getTranslation("aid.ledger.when"))
                .setWidth("10rem").setFlexGrow(0);
        ledger.addColumn(m -> getTranslation("aid.movement." + m.kind().name()))
                .setHeader(getTranslation("aid.ledger.kind")).setWidth("9rem").setFlexGrow(0);
        ledger.addColumn(m -> (m.quantity() > 0 ? "+" : "") + m.quantity()).setHeader(getTranslation("aid.ledger.change"))
                .setWidth("6rem").setFlexGrow(0);
        ledger.addColumn(this::details).setHeader(getTranslation("aid.ledger.details")).setFlexGrow(1);
        ledger.addColumn(MovementRow::recordedBy).setHeader(getTranslation("aid.ledger.by")).setWidth("9rem")
                .setFlexGrow(0);
        ledger.setAllRowsVisible(true);
        ledger.setVisible(false);
        ledgerTitle.setVisible(false);
        add(ledgerTitle, ledger);
        if (!warehouses.isEmpty()) {
            warehouse.setValue(warehouses.getFirst());
        }
    }

    private String details(MovementRow m) {
        return switch (m.kind()) {
            case RECEIPT -> m.source() + " · " + m.waybill();
            case CORRECTION -> getTranslation("aid.correction.reason." + m.reason().name()) + " · " + m.note();
            case TRANSFER_SENT, TRANSFER_RECEIVED -> m.waybill() + " · " + m.note();
            default -> m.note() == null ? "" : m.note();
        };
    }

    private void refresh() {
        if (warehouse.getValue() != null) {
            inTransit = aid.inTransitTo(warehouse.getValue().id());
            levels.setItems(aid.stock(warehouse.getValue().id()));
            transfers.setItems(aid.transfers(warehouse.getValue().id(), 50));
        }
    }

    private com.vaadin.flow.component.Component transferState(TransferRow t) {
        if (t.status() == TransferStatus.RECEIVED) {
            Span badge = new Span(t.lost() == 0 ? getTranslation("aid.transfer.received")
                    : getTranslation("aid.transfer.lost", t.lost()));
            badge.addClassNames("badge", t.lost() == 0 ? "badge-success" : "badge-error");
            return badge;
        }
        Span badge = new Span(getTranslation("aid.transfer.in-transit"));
        badge.addClassNames("badge", "badge-warning");
        if (!managesStock || warehouse.getValue() == null || warehouse.getValue().id() != t.toWarehouseId()) {
            return badge;
        }
        Button receive = new Button(getTranslation("aid.transfer.receive"), click -> confirmReceipt(t));
        receive.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout both = new HorizontalLayout(badge, receive);
        both.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        both.setWrap(true);
        both.getStyle().set("gap", "var(--lumo-space-xs)");
        return both;
    }

    private void confirmReceipt(TransferRow t) {
        Dialog dialog = new Dialog(getTranslation("aid.transfer.receive-title", t.waybill()));
        dialog.add(new Paragraph(getTranslation("aid.transfer.receive-line", t.quantitySent(),
                labels.type(t.packageTypeId()), labels.warehouse(t.fromWarehouseId()))));
        IntegerField counted = new IntegerField(getTranslation("aid.transfer.counted"));
        counted.setMin(0);
        counted.setMax(t.quantitySent());
        counted.setValue(t.quantitySent());
        counted.setHelperText(getTranslation("aid.transfer.counted.help"));
        Button confirm = new Button(getTranslation("aid.transfer.receive"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(click -> {
            try {
                counted.setInvalid(false);
                TransferRow done = aid.receiveTransfer(t.id(), t.version(), counted.getValue());
                Notifications.success(done.lost() == 0 ? getTranslation("aid.transfer.received-done")
                        : getTranslation("aid.transfer.received-short", done.lost()));
                dialog.close();
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(this, problem, Map.of("received", counted)).forEach(Notifications::error);
            } catch (org.fieldaid.base.ConcurrentEditException changed) {
                Notifications.error(getTranslation("error.concurrent-edit"));
                dialog.close();
                refresh();
            }
        });
        FormShortcuts.click(confirm, Key.ENTER).listenOn(dialog);
        dialog.add(counted);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), c -> dialog.close()), confirm);
        dialog.open();
        counted.focus();
    }

    private Div transferForm(List<WarehouseRow> warehouses) {
        Select<PackageTypeRow> type = packagePicker();
        Select<WarehouseRow> to = new Select<>();
        to.setLabel(getTranslation("aid.transfer.to"));
        to.setItems(warehouses);
        to.setItemLabelGenerator(w -> labels.warehouse(w.id()));
        IntegerField quantity = new IntegerField(getTranslation("aid.transfer.quantity"));
        quantity.setMin(1);
        TextField waybill = new TextField(getTranslation("aid.receipt.waybill"));
        TextField note = new TextField(getTranslation("aid.transfer.note"));
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("fromWarehouse", warehouse);
        fields.put("toWarehouse", to);
        fields.put("packageType", type);
        fields.put("quantity", quantity);
        fields.put("waybill", waybill);
        fields.put("note", note);
        Button save = new Button(getTranslation("aid.transfer.submit"));
        save.addClickListener(e -> {
            try {
                FormErrors.clear(fields);
                aid.sendTransfer(new TransferForm(warehouseId(), to.getValue() == null ? null : to.getValue().id(),
                        type.getValue() == null ? null : type.getValue().id(), quantity.getValue(), waybill.getValue(),
                        note.getValue()));
                Notifications.success(getTranslation("aid.transfer.done"));
                quantity.clear();
                waybill.clear();
                note.clear();
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(this, problem, fields).forEach(Notifications::error);
            }
        });
        return section("aid.transfer.title", save, to, type, quantity, waybill, note);
    }

    private void showLedger(StockLevel level) {
        ledgerTitle.setText(getTranslation("aid.ledger.title", labels.type(level.packageTypeId())));
        ledgerType = level.packageTypeId();
        ledger.setItems(aid.ledger(level.warehouseId(), level.packageTypeId(), 100));
        ledger.setVisible(true);
        ledgerTitle.setVisible(true);
    }

    private Select<PackageTypeRow> packagePicker() {
        Select<PackageTypeRow> type = new Select<>();
        type.setLabel(getTranslation("aid.package"));
        type.setItems(types);
        type.setItemLabelGenerator(t -> t.name(getLocale()));
        return type;
    }

    private Div receiptForm() {
        Select<PackageTypeRow> type = packagePicker();
        IntegerField quantity = new IntegerField(getTranslation("aid.stock.quantity"));
        quantity.setMin(1);
        TextField source = new TextField(getTranslation("aid.receipt.source"));
        TextField waybill = new TextField(getTranslation("aid.receipt.waybill"));
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("packageType", type);
        fields.put("quantity", quantity);
        fields.put("source", source);
        fields.put("waybill", waybill);
        Button save = new Button(getTranslation("aid.receipt.submit"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            try {
                FormErrors.clear(fields);
                aid.receive(new ReceiptForm(warehouseId(), type.getValue() == null ? null : type.getValue().id(),
                        quantity.getValue(), source.getValue(), waybill.getValue()));
                Notifications.success(getTranslation("aid.receipt.done"));
                quantity.clear();
                waybill.clear();
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(this, problem, fields).forEach(Notifications::error);
            }
        });
        return section("aid.receipt.title", save, type, quantity, source, waybill);
    }

    private Div correctionForm() {
        Select<PackageTypeRow> type = packagePicker();
        IntegerField change = new IntegerField(getTranslation("aid.correction.change"));
        change.setHelperText(getTranslation("aid.correction.change.help"));
        Select<CorrectionReason> reason = new Select<>();
        reason.setLabel(getTranslation("aid.correction.reason"));
        reason.setItems(CorrectionReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("aid.correction.reason." + r.name()));
        TextField note = new TextField(getTranslation("aid.correction.note"));
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("packageType", type);
        fields.put("change", change);
        fields.put("reason", reason);
        fields.put("note", note);
        Button save = new Button(getTranslation("aid.correction.submit"));
        save.addClickListener(e -> {
            try {
                FormErrors.clear(fields);
                aid.correct(new CorrectionForm(warehouseId(), type.getValue() == null ? null : type.getValue().id(),
                        change.getValue(), reason.getValue(), note.getValue()));
                Notifications.success(getTranslation("aid.correction.done"));
                change.clear();
                note.clear();
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(this, problem, fields).forEach(Notifications::error);
            }
        });
        return section("aid.correction.title", save, type, change, reason, note);
    }

    private Div section(String titleKey, Button save, com.vaadin.flow.component.Component... fields) {
        HorizontalLayout row = new HorizontalLayout(fields);
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.add(save);
        Div section = new Div(new H3(getTranslation(titleKey)), row);
        section.addClassName("aid-stock-form");
        // Enter sends the form the person is typing in, not the other one on the page
        FormShortcuts.click(save, Key.ENTER).listenOn(section);
        return section;
    }

    private Long warehouseId() {
        return warehouse.getValue() == null ? null : warehouse.getValue().id();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.aid.stock");
    }
}
