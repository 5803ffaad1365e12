package org.fieldaid.household.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** Register → submit → approve, and → reject, through the views, as the people who do it. */
class RegistrationFlowViewTest extends BrowserlessViewTest {

    @Autowired HouseholdRegistry registry;
    @Autowired SignIn signIn;

    @Test
    @AsDemoUser("mchs.officer")
    void officerRegistersAndSupervisorApprovesInTheInbox() {
        long id = registerThroughTheForm("Israelyan", "Knarik");
        assertThat(registry.get(id).status()).isEqualTo(HouseholdStatus.SUBMITTED);

        signIn.asInBrowserlessView("mchs.supervisor");
        Dialog dialog = openRequestFor(id);
        test($(Button.class).from(dialog).withText(dialog.getTranslation("approval.approve")).single()).click();

        HouseholdDetails decided = registry.get(id);
        assertThat(decided.status()).isEqualTo(HouseholdStatus.REGISTERED);
        assertThat(decided.decidedBy()).isEqualTo("mchs.supervisor");
    }

    @Test
    @AsDemoUser("mod.officer")
    void supervisorRejectsWithAReasonThatTheOfficerSees() {
        long id = registerThroughTheForm("Ghukasyan", "Shushan");

        signIn.asInBrowserlessView("mod.supervisor");
        Dialog dialog = openRequestFor(id);
        Button reject = $(Button.class).from(dialog).withText(dialog.getTranslation("approval.reject")).single();
        test(reject).click();
        TextArea reason = $(TextArea.class).from(dialog).single();
        assertThat(reason.isInvalid()).as("a rejection without a reason is refused at the field").isTrue();
        assertThat(registry.get(id).status()).isEqualTo(HouseholdStatus.SUBMITTED);
        test(reason).setValue("The family is already registered in Goris");
        test(reject).click();

        signIn.asInBrowserlessView("mod.officer");
        navigate("households/" + id, HouseholdView.class);
        assertThat($(com.vaadin.flow.component.html.Span.class).withText("The family is already registered in Goris")
                .exists()).as("the reason is on the household page").isTrue();
        assertThat(registry.get(id).status()).isEqualTo(HouseholdStatus.REJECTED);
    }

    @Test
    @AsDemoUser("mchs.supervisor")
    void aSupervisorCannotDecideTheirOwnRegistration() {
        long id = registerThroughTheForm("Hambardzumyan", "Seda");
        Dialog dialog = openRequestFor(id);
        Button approve = $(Button.class).from(dialog).withText(dialog.getTranslation("approval.approve")).single();
        assertThat(approve.isEnabled()).isFalse();
        assertThat(registry.get(id).status()).isEqualTo(HouseholdStatus.SUBMITTED);
    }

    @Test
    @AsDemoUser("mchs.officer")
    void aPlantedDuplicateAppearsWhileTypingAndSubmitAsksWhy() {
        HouseholdFormView form = navigate(HouseholdFormView.class);
        fillPlace(form);
        fillHead(form, "Саркисян", "Лилит", LocalDate.of(1982, 1, 15));
        DuplicatesPanel panel = $(DuplicatesPanel.class).single();
        assertThat(panel.isVisible()).isTrue();
        test($(Button.class).withText(form.getTranslation("household.submit")).single()).click();
        TextArea why = $(TextArea.class).withCaption(form.getTranslation("household.justification")).single();
        assertThat(why.isInvalid()).isTrue();
        assertThat(why.getErrorMessage()).isEqualTo(form.getTranslation("household.error.justification-required"));
    }

    @Test
    @AsDemoUser("mchs.officer")
    void aHalfFilledFormIsSavedAsADraftAndSubmittingItMarksWhatIsMissing() {
        HouseholdFormView form = navigate(HouseholdFormView.class);
        String family = "Grigoryan" + suffix();
        test($(TextField.class).withCaption(form.getTranslation("member.family-name")).single()).setValue(family);
        test($(TextField.class).withCaption(form.getTranslation("member.given-name")).single()).setValue("Hasmik");
        test($(Button.class).withText(form.getTranslation("household.save-draft")).single()).click();
        assertThat(getCurrentView()).isInstanceOf(HouseholdView.class);
        long id = registry.find(HouseholdFilter.text(family), PageRequest.of(0, 1)).getContent().get(0).id();
        assertThat(registry.get(id).status()).isEqualTo(HouseholdStatus.DRAFT);

        HouseholdFormView edit = navigate("households/" + id + "/edit", HouseholdFormView.class);
        test($(Button.class).withText(edit.getTranslation("household.submit")).single()).click();
        assertThat(getCurrentView()).isInstanceOf(HouseholdFormView.class);
        ComboBox<?> origin = $(ComboBox.class).withCaption(edit.getTranslation("household.origin")).single();
        DatePicker birth = $(DatePicker.class).withCaption(edit.getTranslation("member.birth-date")).single();
        assertThat(origin.isInvalid()).isTrue();
        assertThat(birth.isInvalid()).isTrue();
        assertThat(birth.getErrorMessage()).isEqualTo(edit.getTranslation("validation.required"));
        assertThat(registry.get(id).status()).isEqualTo(HouseholdStatus.DRAFT);
    }

    private long registerThroughTheForm(String family, String given) {
        HouseholdFormView form = navigate(HouseholdFormView.class);
        fillPlace(form);
        fillHead(form, family + suffix(), given, LocalDate.of(1984, 4, 24));
        test($(Button.class).withText(form.getTranslation("household.submit")).single()).click();
        assertThat(getCurrentView()).isInstanceOf(HouseholdView.class);
        return registry.find(HouseholdFilter.text(lastFamily), PageRequest.of(0, 1)).getContent().get(0).id();
    }

    private String lastFamily;

    private String suffix() {
        return Long.toString(System.nanoTime() % 100000, 26).replaceAll("[0-9]", "q");
    }

    @SuppressWarnings("unchecked")
    private void fillPlace(HouseholdFormView form) {
        ComboBox<SettlementRow> origin = $(ComboBox.class).withCaption(form.getTranslation("household.origin")).single();
        origin.setValue(origin.getListDataView().getItems().findFirst().orElseThrow());
        ComboBox<SettlementRow> current = $(ComboBox.class).withCaption(form.getTranslation("household.current")).single();
        current.setValue(current.getListDataView().getItems().findFirst().orElseThrow());
        test($(DatePicker.class).withCaption(form.getTranslation("household.displaced-on")).single())
                .setValue(LocalDate.of(2020, 10, 25));
    }

    @SuppressWarnings("unchecked")
    private void fillHead(HouseholdFormView form, String family, String given, LocalDate birth) {
        lastFamily = family;
        test($(TextField.class).withCaption(form.getTranslation("member.family-name")).single()).setValue(family);
        test($(TextField.class).withCaption(form.getTranslation("member.given-name")).single()).setValue(given);
        Select<Sex> sex = $(Select.class).withCaption(form.getTranslation("member.sex")).single();
        sex.setValue(Sex.FEMALE);
        Select<Relation> relation = $(Select.class).withCaption(form.getTranslation("member.relation")).single();
        assertThat(relation.getValue()).as("the first member starts as the head").isEqualTo(Relation.HEAD);
        test($(DatePicker.class).withCaption(form.getTranslation("member.birth-date")).single()).setValue(birth);
    }

    private Dialog openRequestFor(long householdId) {
        navigate("approvals", com.vaadin.flow.component.orderedlayout.VerticalLayout.class);
        @SuppressWarnings("unchecked")
        Grid<ApprovalView> grid = $(Grid.class).single();
        int size = test(grid).size();
        for (int i = 0; i < size; i++) {
            if (test(grid).getRow(i).subjectId() == householdId) {
                test(grid).clickRow(i);
                return $(Dialog.class).single();
            }
        }
        throw new AssertionError("No pending request for household " + householdId);
    }
}
