package org.fieldaid.aid.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.Basis;
import org.fieldaid.aid.Condition;
import org.fieldaid.aid.EntitlementRule;
import org.fieldaid.aid.Frequency;
import org.fieldaid.aid.PackageTypeForm;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.GridRows;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;

/** The package catalogue with each type's entitlement rule in words; those who manage it add and change types. */
@Route("aid/packages")
@RolesAllowed({Authority.Codes.AID_READ, Authority.Codes.CATALOGUE_MANAGE})
@Menu(title = "nav.aid.packages", order = 33, icon = "vaadin:list")
class PackagesView extends VerticalLayout implements HasDynamicTitle {

    private final Aid aid;
    private final Grid<PackageTypeRow> grid = new Grid<>();
    private final boolean manages;

    PackagesView(Aid aid, CurrentUser currentUser) {
        this.aid = aid;
        this.manages = currentUser.has(Authority.CATALOGUE_MANAGE);
        addClassName("aid-view");
        setWidthFull();
        ViewHeader header = new ViewHeader(getTranslation("nav.aid.packages"), getTranslation(manages
                ? "aid.packages.description-manage" : "aid.packages.description"));
        if (manages) {
            Button add = new Button(getTranslation("aid.packages.new"), VaadinIcon.PLUS.create(), e -> edit(null));
            add.addThemeVariants(ButtonVariant.PRIMARY);
            header.withActions(add);
        }
        add(header);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setId("aid-packages");
        grid.addColumn(PackageTypeRow::code).setHeader(getTranslation("aid.packages.code")).setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(t -> t.name(getLocale())).setHeader(getTranslation("aid.package")).setWidth("12rem")
                .setFlexGrow(0);
        grid.addColumn(t -> rule(t.rule(), t.unit())).setHeader(getTranslation("aid.packages.rule")).setFlexGrow(1);
        grid.addColumn(PackageTypeRow::contents).setHeader(getTranslation("aid.packages.contents")).setFlexGrow(2);
        grid.addComponentColumn(t -> {
            Span state = new Span(getTranslation(t.active() ? "aid.packages.active" : "aid.packages.inactive"));
            state.addClassNames("badge", t.active() ? "badge-success" : "badge-muted");
            return state;
        }).setHeader(getTranslation("aid.status")).setWidth("8rem").setFlexGrow(0);
        grid.setAllRowsVisible(true);
        if (manages) {
            GridRows.openWith(grid, this::edit);
        }
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(aid.packageTypes());
    }

    private void edit(PackageTypeRow existing) {
        Dialog dialog = new Dialog(existing == null ? getTranslation("aid.packages.new")
                : getTranslation("aid.packages.edit-title", existing.code()));
        dialog.setWidth("min(44rem, 96vw)");
        TextField code = new TextField(getTranslation("aid.packages.code"));
        code.setHelperText(getTranslation("aid.packages.code.help"));
        code.setReadOnly(existing != null);
        TextField nameEn = new TextField(getTranslation("aid.packages.name-en"));
        TextField nameRu = new TextField(getTranslation("aid.packages.name-ru"));
        TextField nameHy = new TextField(getTranslation("aid.packages.name-hy"));
        TextField nameAz = new TextField(getTranslation("aid.packages.name-az"));
        TextArea contents = new TextArea(getTranslation("aid.packages.contents"));
        Select<String> unit = new Select<>();
        unit.setLabel(getTranslation("aid.packages.unit"));
        unit.setItems(PackageTypeForm.UNITS);
        unit.setItemLabelGenerator(u -> getTranslation("aid.unit." + u));
        Select<Basis> basis = new Select<>();
        basis.setLabel(getTranslation("aid.packages.basis"));
        basis.setItems(Basis.values());
        basis.setItemLabelGenerator(b -> getTranslation("aid.packages.basis." + b.name()));
        IntegerField quantity = new IntegerField(getTranslation("aid.packages.quantity"));
        quantity.setMin(1);
        IntegerField cap = new IntegerField(getTranslation("aid.packages.cap"));
        cap.setMin(1);
        cap.setHelperText(getTranslation("aid.packages.cap.help"));
        Select<Frequency> frequency = new Select<>();
        frequency.setLabel(getTranslation("aid.packages.frequency"));
        frequency.setItems(Frequency.values());
        frequency.setItemLabelGenerator(f -> getTranslation("aid.rule.frequency." + f.name()));
        Select<Condition> condition = new Select<>();
        condition.setLabel(getTranslation("aid.packages.condition"));
        condition.setItems(Condition.values());
        condition.setItemLabelGenerator(c -> getTranslation("aid.packages.condition." + c.name()));
        Checkbox active = new Checkbox(getTranslation("aid.packages.active-box"));
        PackageTypeForm start = existing == null ? new PackageTypeForm("", "", "", "", "", "", "kit", Basis.HOUSEHOLD,
                1, null, Frequency.EVERY_ROUND, Condition.NONE, true) : PackageTypeForm.of(existing);
        code.setValue(start.code());
        nameEn.setValue(start.nameEn());
        nameRu.setValue(start.nameRu());
        nameHy.setValue(start.nameHy());
        nameAz.setValue(start.nameAz());
        contents.setValue(start.contents());
        unit.setValue(start.unit());
        basis.setValue(start.basis());
        quantity.setValue(start.quantity());
        cap.setValue(start.cap());
        frequency.setValue(start.frequency());
        condition.setValue(start.condition());
        active.setValue(start.active());
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("nameEn", nameEn);
        fields.put("nameRu", nameRu);
        fields.put("nameHy", nameHy);
        fields.put("nameAz", nameAz);
        fields.put("contents", contents);
        fields.put("unit", unit);
        fields.put("basis", basis);
        fields.put("quantity", quantity);
        fields.put("cap", cap);
        fields.put("frequency", frequency);
        fields.put("condition", condition);
        FormLayout layout = new FormLayout(code, unit, nameEn, nameRu, nameHy, nameAz, contents, basis, quantity, cap,
                frequency, condition, active);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        layout.setColspan(contents, 2);
        Span message = new Span();
        message.addClassName("form-message");
        Button save = new Button(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        FormShortcuts.click(save, Key.KEY_S, KeyModifier.ALT);
        save.addClickListener(click -> {
            PackageTypeForm form = new PackageTypeForm(code.getValue(), nameEn.getValue(), nameRu.getValue(),
                    nameHy.getValue(), nameAz.getValue(), contents.getValue(), unit.getValue(), basis.getValue(),
                    quantity.getValue(), cap.getValue(), frequency.getValue(), condition.getValue(), active.getValue());
            FormErrors.clear(fields);
            message.setText("");
            Map<String, List<String>> problems = new LinkedHashMap<>(aid.packageTypeProblems(
                    existing == null ? null : existing.id(), form));
            if (!problems.isEmpty()) {
                FormErrors.show(this, problems, fields);
                message.setText(getTranslation("aid.packages.kept"));
                return;
            }
            try {
                PackageTypeRow saved = aid.savePackageType(existing == null ? null : existing.id(),
                        existing == null ? 0 : existing.version(), form);
                Notifications.success(getTranslation("aid.packages.saved", saved.code()));
                dialog.close();
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(this, problem, fields);
                message.setText(getTranslation("aid.packages.kept"));
            } catch (ConcurrentEditException changed) {
                message.setText(getTranslation("aid.packages.changed-meanwhile"));
            }
        });
        dialog.add(layout, message);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), c -> dialog.close()), save);
        dialog.open();
        (existing == null ? code : nameEn).focus();
    }

    private String rule(EntitlementRule rule, String unit) {
        String amount = getTranslation("aid.rule.basis." + rule.basis().name(), rule.quantity(),
                getTranslation("aid.unit." + unit));
        String cap = rule.cap() == null ? "" : " " + getTranslation("aid.rule.cap", rule.cap());
        String condition = rule.condition() == Condition.NONE ? ""
                : " " + getTranslation("aid.rule.condition." + rule.condition().name());
        String frequency = " " + getTranslation("aid.rule.frequency." + rule.frequency().name());
        return (amount + cap + condition + frequency).replace("  ", " ").strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.aid.packages");
    }
}
