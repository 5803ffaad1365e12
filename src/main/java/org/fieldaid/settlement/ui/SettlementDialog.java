package org.fieldaid.settlement.ui;

import org.fieldaid.base.ui.Pickers;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.settlement.NameKey;
import org.fieldaid.settlement.NameTradition;
import org.fieldaid.settlement.ReturnStatus;
import org.fieldaid.settlement.SettlementForm;
import org.fieldaid.settlement.SettlementKind;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;

/** Every name of a place side by side, its position, kind and return status. */
class SettlementDialog extends Dialog {

    private static final List<String> LANGS = List.of("en", "ru", "hy", "az");

    private final Settlements settlements;
    private final Runnable onSaved;
    private SettlementRow row;

    private final TextField code = new TextField();
    private final TextField district = new TextField();
    private final BigDecimalField latitude = new BigDecimalField();
    private final BigDecimalField longitude = new BigDecimalField();
    private final ComboBox<SettlementKind> kind = new ComboBox<>();
    private final Checkbox reception = new Checkbox();
    private final ComboBox<ReturnStatus> returnStatus = new ComboBox<>();
    private final Map<NameKey, TextField> names = new LinkedHashMap<>();
    private final Paragraph message = new Paragraph();

    SettlementDialog(Settlements settlements, SettlementRow row, Runnable onSaved) {
        this.settlements = settlements;
        this.row = row;
        this.onSaved = onSaved;
        setHeaderTitle(row == null ? getTranslation("settlement.new") : row.label(getLocale()));
        setWidth("min(760px, 95vw)");
        addClassName("edit-dialog");

        code.setLabel(getTranslation("settlement.code"));
        code.setHelperText(getTranslation("settlement.code.help"));
        district.setLabel(getTranslation("settlement.district"));
        latitude.setLabel(getTranslation("settlement.latitude"));
        longitude.setLabel(getTranslation("settlement.longitude"));
        kind.setLabel(getTranslation("settlement.kind"));
        kind.setItems(SettlementKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("settlement.kind." + k.name()));
        Pickers.acceptTypedChoice(kind);
        reception.setLabel(getTranslation("settlement.reception"));
        returnStatus.setLabel(getTranslation("settlement.return-status"));
        returnStatus.setItems(ReturnStatus.values());
        returnStatus.setItemLabelGenerator(s -> getTranslation("return-status." + s.name()));
        Pickers.acceptTypedChoice(returnStatus);
        returnStatus.setHelperText(getTranslation("settlement.return-status.help"));
        message.addClassName("form-message");
        message.setVisible(false);

        FormLayout main = new FormLayout(code, district, latitude, longitude, kind, returnStatus, reception);
        main.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
        FormLayout nameForm = new FormLayout();
        nameForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
        for (String lang : LANGS) {
            for (NameTradition tradition : NameTradition.values()) {
                TextField field = new TextField(getTranslation("settlement.name-of",
                        getTranslation("tradition." + tradition.name()), getTranslation("language." + lang)));
                names.put(new NameKey(tradition, lang), field);
                nameForm.add(field);
            }
        }
        if (row != null) {
            fill(row);
        } else {
            returnStatus.setValue(ReturnStatus.CLOSED);
            kind.setValue(SettlementKind.VILLAGE);
        }
        add(message, main, new H3(getTranslation("settlement.names")), nameForm);

        Button save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void fill(SettlementRow r) {
        code.setValue(r.code());
        code.setReadOnly(true);
        district.setValue(r.district());
        latitude.setValue(r.latitude());
        longitude.setValue(r.longitude());
        kind.setValue(r.kind());
        reception.setValue(r.reception());
        returnStatus.setValue(r.returnStatus());
        // after creation the status changes only with a reason and a date, on the return-status page
        returnStatus.setReadOnly(true);
        returnStatus.setHelperText(getTranslation("settlement.return-status.elsewhere"));
        names.forEach((key, field) -> field.setValue(r.names().getOrDefault(key, "")));
    }

    private void save() {
        Map<NameKey, String> values = new LinkedHashMap<>();
        names.forEach((key, field) -> values.put(key, field.getValue()));
        SettlementForm form = new SettlementForm(code.getValue().strip(), district.getValue(), latitude.getValue(),
                longitude.getValue(), kind.getValue(), reception.getValue(), returnStatus.getValue(), values);
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.putAll(Map.of("code", code, "district", district, "latitude", latitude, "longitude", longitude,
                "kind", kind, "returnStatus", returnStatus, "names", names.get(new NameKey(NameTradition.HY, "en"))));
        try {
            FormErrors.clear(fields);
            if (row == null) {
                settlements.create(form);
            } else {
                settlements.update(row.id(), row.version(), form);
            }
            Notifications.success(getTranslation("saved"));
            onSaved.run();
            close();
        } catch (InvalidInputException ex) {
            FormErrors.show(this, ex, fields);
        } catch (ConcurrentEditException ex) {
            row = settlements.all().stream().filter(s -> s.id() == row.id()).findFirst().orElse(row);
            message.setText(getTranslation("error.concurrent-edit.detail", ex.currentState()));
            message.setVisible(true);
        }
    }
}
