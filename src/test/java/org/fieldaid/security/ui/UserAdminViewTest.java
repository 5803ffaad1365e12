package org.fieldaid.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.UUID;
import org.fieldaid.security.AgencyRow;
import org.fieldaid.security.Role;
import org.fieldaid.security.UserAdministration;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UserAdminViewTest extends BrowserlessViewTest {

    @Autowired UserAdministration users;

    @Test
    @AsDemoUser("admin")
    void adminCreatesAUserWhoThenAppearsInTheList() {
        UserAdminView view = navigate(UserAdminView.class);
        String username = "officer." + UUID.randomUUID().toString().substring(0, 6);

        test($(Button.class).withText(view.getTranslation("user.new")).single()).click();
        UserDialog dialog = $(UserDialog.class).single();
        test($(TextField.class).from(dialog).withCaption(view.getTranslation("user.username")).single()).setValue(username);
        test($(TextField.class).from(dialog).withCaption(view.getTranslation("user.full-name")).single()).setValue("Gayane Mkrtchyan");
        @SuppressWarnings("unchecked")
        ComboBox<AgencyRow> agency = $(ComboBox.class).from(dialog).single();
        agency.setValue(agency.getListDataView().getItems().filter(a -> a.code().equals("MCHS")).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = $(CheckboxGroup.class).from(dialog).single();
        roles.setValue(Set.of(Role.FIELD_OFFICER));
        test($(PasswordField.class).from(dialog).single()).setValue("Kapan-shelter-2020");
        test($(Button.class).from(dialog).withText(view.getTranslation("action.save")).single()).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(users.find(username, org.springframework.data.domain.Pageable.unpaged()).getContent()).singleElement().satisfies(u -> {
                    assertThat(u.fullName()).isEqualTo("Gayane Mkrtchyan");
                    assertThat(u.roles()).containsExactly(Role.FIELD_OFFICER);
                });
        @SuppressWarnings("unchecked")
        Grid<org.fieldaid.security.UserRow> grid = $(Grid.class).single();
        assertThat(test(grid).size()).as("the nine demo users and the new one").isGreaterThanOrEqualTo(10);
    }

    @Test
    @AsDemoUser("admin")
    void aWeakPasswordIsShownAtTheFieldAndNothingIsSaved() {
        UserAdminView view = navigate(UserAdminView.class);
        String username = "weak." + UUID.randomUUID().toString().substring(0, 6);
        long before = users.count("");

        test($(Button.class).withText(view.getTranslation("user.new")).single()).click();
        UserDialog dialog = $(UserDialog.class).single();
        test($(TextField.class).from(dialog).withCaption(view.getTranslation("user.username")).single()).setValue(username);
        test($(TextField.class).from(dialog).withCaption(view.getTranslation("user.full-name")).single()).setValue("Weak Password");
        @SuppressWarnings("unchecked")
        ComboBox<AgencyRow> agency = $(ComboBox.class).from(dialog).single();
        agency.setValue(agency.getListDataView().getItems().findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = $(CheckboxGroup.class).from(dialog).single();
        roles.setValue(Set.of(Role.ANALYST));
        PasswordField password = $(PasswordField.class).from(dialog).single();
        test(password).setValue("fieldaid");
        test($(Button.class).from(dialog).withText(view.getTranslation("action.save")).single()).click();

        assertThat(dialog.isOpened()).as("the dialog stays open with the input").isTrue();
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains(view.getTranslation("password.rule.DEFAULT"));
        assertThat(users.count("")).isEqualTo(before);
    }

    @Test
    @AsDemoUser("mchs.officer")
    void aFieldOfficerCannotOpenUserAdministration() {
        assertThatThrownBy(() -> navigate(UserAdminView.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
