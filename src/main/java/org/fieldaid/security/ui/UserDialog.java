package org.fieldaid.security.ui;

import org.fieldaid.base.ui.Pickers;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.security.AgencyRow;
import org.fieldaid.security.PasswordPolicy;
import org.fieldaid.security.Role;
import org.fieldaid.security.UserAdministration;
import org.fieldaid.security.UserForm;
import org.fieldaid.security.UserRow;

/** Create or edit a user; for an existing one also reset the password, unlock, enable or disable. */
class UserDialog extends Dialog {

    private final UserAdministration users;
    private final Runnable onSaved;
    private UserRow user;

    private final TextField username = new TextField();
    private final TextField fullName = new TextField();
    private final ComboBox<AgencyRow> agency = new ComboBox<>();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final Checkbox enabled = new Checkbox();
    private final PasswordField password = new PasswordField();
    private final Paragraph formMessage = new Paragraph();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    UserDialog(UserAdministration users, List<AgencyRow> agencies, UserRow user, Clock clock, Runnable onSaved) {
        this.users = users;
        this.user = user;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(user == null ? "user.new" : "user.edit", user == null ? "" : user.username()));
        setWidth("min(640px, 95vw)");
        addClassName("edit-dialog");

        username.setLabel(getTranslation("user.username"));
        username.setHelperText(getTranslation("user.username.help"));
        username.setRequired(true);
        fullName.setLabel(getTranslation("user.full-name"));
        fullName.setRequired(true);
        agency.setLabel(getTranslation("user.agency"));
        agency.setItems(agencies);
        agency.setItemLabelGenerator(a -> AgencyNames.of(this, a.code(), a.name()));
        agency.setRequired(true);
        Pickers.acceptTypedChoice(agency);
        roles.setLabel(getTranslation("user.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.setRequired(true);
        enabled.setLabel(getTranslation("user.enabled"));
        password.setLabel(getTranslation("user.password"));
        password.setHelperText(getTranslation("password.help", PasswordPolicy.MIN_LENGTH));
        formMessage.addClassName("form-message");
        formMessage.setVisible(false);
        fields.putAll(Map.of("username", username, "fullName", fullName, "agency", agency, "roles", roles,
                "password", password, "enabled", enabled));

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
        if (user == null) {
            enabled.setValue(true);
            form.add(username, fullName, agency, password, roles, enabled);
        } else {
            username.setValue(user.username());
            username.setReadOnly(true);
            fullName.setValue(user.fullName());
            agencies.stream().filter(a -> a.id() == user.agencyId()).findFirst().ifPresent(agency::setValue);
            roles.setValue(user.roles());
            enabled.setValue(user.enabled());
            form.add(username, fullName, agency, roles, enabled);
        }
        form.setColspan(roles, 2);
        add(formMessage, form);
        if (user != null) {
            add(accountActions(clock));
        }

        Button save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
        (user == null ? username : fullName).focus();
    }

    private Div accountActions(Clock clock) {
        PasswordField newPassword = new PasswordField(getTranslation("user.new-password"));
        newPassword.setHelperText(getTranslation("password.help", PasswordPolicy.MIN_LENGTH));
        Button reset = new Button(getTranslation("user.reset-password"), e -> {
            try {
                users.resetPassword(user.id(), newPassword.getValue());
                newPassword.clear();
                newPassword.setInvalid(false);
                Notifications.success(getTranslation("user.password-reset-done", user.username()));
            } catch (InvalidInputException ex) {
                FormErrors.show(this, ex, Map.of("password", newPassword));
            }
        });
        Div actions = new Div(newPassword, reset);
        actions.addClassName("account-actions");
        if (user.lockedAt(clock.instant())) {
            Button unlock = new Button(getTranslation("user.unlock"), e -> {
                users.unlock(user.id());
                Notifications.success(getTranslation("user.unlocked", user.username()));
                onSaved.run();
                close();
            });
            unlock.addThemeVariants(ButtonVariant.WARNING);
            actions.add(unlock);
        }
        return actions;
    }

    private void save() {
        UserForm form = new UserForm(username.getValue().strip(), fullName.getValue(),
                agency.getValue() == null ? null : agency.getValue().id(),
                roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue()),
                enabled.getValue(), password.getValue());
        try {
            FormErrors.clear(fields);
            formMessage.setVisible(false);
            if (user == null) {
                user = users.create(form);
                Notifications.success(getTranslation("user.created", user.username()));
            } else {
                user = users.update(user.id(), user.version(), form);
                Notifications.success(getTranslation("saved"));
            }
            onSaved.run();
            close();
        } catch (InvalidInputException ex) {
            List<String> other = FormErrors.show(this, ex, fields);
            showMessage(String.join(" ", other));
        } catch (ConcurrentEditException ex) {
            user = users.get(user.id());
            showMessage(getTranslation("error.concurrent-edit.detail", ex.currentState()));
        }
    }

    private void showMessage(String text) {
        formMessage.setText(text);
        formMessage.setVisible(!text.isBlank());
    }
}
