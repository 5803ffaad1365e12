package org.fieldaid.security.ui;

import org.fieldaid.base.ui.GridRows;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.security.AgencyAdministration;
import org.fieldaid.security.AgencyRow;
import org.fieldaid.security.Authority;
import org.fieldaid.security.Capability;

@Route("admin/agencies")
@RolesAllowed(Authority.Codes.AGENCY_MANAGE)
@Menu(title = "nav.admin.agencies", order = 91, icon = "vaadin:building")
class AgencyAdminView extends VerticalLayout implements HasDynamicTitle {

    private final AgencyAdministration agencies;
    private final Grid<AgencyRow> grid = new Grid<>();

    AgencyAdminView(AgencyAdministration agencies) {
        this.agencies = agencies;
        addClassName("admin-view");
        setSizeFull();
        Button add = new Button(getTranslation("agency.new"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add(new ViewHeader(getTranslation("nav.admin.agencies"), getTranslation("agency.description"))
                .withActions(add));

        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(AgencyRow::code).setHeader(getTranslation("agency.code")).setAutoWidth(true);
        grid.addColumn(a -> AgencyNames.of(this, a.code(), a.name())).setHeader(getTranslation("agency.name")).setFlexGrow(2);
        grid.addColumn(a -> a.capabilities().stream().map(c -> getTranslation("capability." + c.name()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("agency.capabilities")).setFlexGrow(2);
        grid.addColumn(a -> getTranslation(a.active() ? "agency.active" : "agency.inactive"))
                .setHeader(getTranslation("user.status")).setAutoWidth(true);
        GridRows.openWith(grid, this::edit);
        addAndExpand(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(agencies.all());
    }

    private void edit(AgencyRow existing) {
        Dialog dialog = new Dialog(getTranslation(existing == null ? "agency.new" : "agency.edit"));
        dialog.setWidth("min(640px, 95vw)");
        TextField code = new TextField(getTranslation("agency.code"));
        code.setHelperText(getTranslation("agency.code.help"));
        TextField name = new TextField(getTranslation("agency.name"));
        name.setRequired(true);
        CheckboxGroup<Capability> capabilities = new CheckboxGroup<>(getTranslation("agency.capabilities"));
        capabilities.setItems(Capability.values());
        capabilities.setItemLabelGenerator(c -> getTranslation("capability." + c.name()));
        Checkbox active = new Checkbox(getTranslation("agency.active"), true);
        Paragraph message = new Paragraph();
        message.addClassName("form-message");
        message.setVisible(false);
        if (existing != null) {
            code.setValue(existing.code());
            code.setReadOnly(true);
            name.setValue(existing.name());
            capabilities.setValue(existing.capabilities());
            active.setValue(existing.active());
        }
        FormLayout form = new FormLayout(code, name, capabilities, active);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
        form.setColspan(capabilities, 2);
        dialog.add(message, form);
        Map<String, HasValidation> fields = Map.of("code", code, "name", name);
        AgencyRow[] current = {existing};
        Button save = new Button(getTranslation("action.save"), e -> {
            EnumSet<Capability> caps = capabilities.getValue().isEmpty() ? EnumSet.noneOf(Capability.class)
                    : EnumSet.copyOf(capabilities.getValue());
            try {
                if (current[0] == null) {
                    agencies.create(code.getValue().strip(), name.getValue(), caps);
                } else {
                    agencies.update(current[0].id(), current[0].version(), name.getValue(), caps, active.getValue());
                }
                Notifications.success(getTranslation("saved"));
                refresh();
                dialog.close();
            } catch (InvalidInputException ex) {
                FormErrors.show(this, ex, fields);
            } catch (ConcurrentEditException ex) {
                current[0] = agencies.all().stream().filter(a -> a.id() == current[0].id()).findFirst()
                        .orElse(current[0]);
                message.setText(getTranslation("error.concurrent-edit.detail", ex.currentState()));
                message.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        (existing == null ? code : name).focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.agencies") + " · FieldAid";
    }
}
