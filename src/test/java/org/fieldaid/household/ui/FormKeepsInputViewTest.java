package org.fieldaid.household.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The registration form loses nothing: every problem at once, nothing half-written, typed choices taken. */
class FormKeepsInputViewTest extends BrowserlessViewTest {

    @Autowired HouseholdRegistry registry;
    @Autowired Settlements settlements;

    @Test
    @AsDemoUser("mchs.officer")
    void anEmptySubmitMarksEveryMissingFieldAtOnceAndWritesNothing() {
        long before = registry.count(HouseholdFilter.none());
        HouseholdFormView form = navigate(HouseholdFormView.class);

        test(button(form, "household.submit")).click();

        assertThat(getCurrentView()).isInstanceOf(HouseholdFormView.class);
        List<HasValidation> expectedMarked = List.of(
                combo(form, "household.origin"), combo(form, "household.current"),
                date(form, "household.displaced-on"), text(form, "member.family-name"),
                text(form, "member.given-name"), $(Select.class).withCaption(form.getTranslation("member.sex")).single(),
                date(form, "member.birth-date"));
        assertThat(expectedMarked).allSatisfy(field -> assertThat(field.isInvalid()).isTrue());
        assertThat(failureMessage(form)).contains(form.getTranslation("form.kept.new"))
                .contains(form.getTranslation("form.problems", 7));
        assertThat(registry.count(HouseholdFilter.none())).as("a refused submit leaves no draft").isEqualTo(before);
    }

    @Test
    @AsDemoUser("mchs.officer")
    void aSubmitMissingOnlyWhatADraftMayLackSaysThatSaveDraftWouldKeepIt() {
        long before = registry.count(HouseholdFilter.none());
        HouseholdFormView form = navigate(HouseholdFormView.class);
        test(text(form, "member.family-name")).setValue("Vardanyan");
        test(text(form, "member.given-name")).setValue("Ani");

        test(button(form, "household.submit")).click();

        assertThat(combo(form, "household.origin").isInvalid()).isTrue();
        assertThat(text(form, "member.family-name").isInvalid()).isFalse();
        assertThat(failureMessage(form)).contains(form.getTranslation("household.form.draft-hint"));
        assertThat(text(form, "member.family-name").getValue()).as("the input stays").isEqualTo("Vardanyan");
        assertThat(registry.count(HouseholdFilter.none())).isEqualTo(before);
    }

    @Test
    @AsDemoUser("mchs.officer")
    void aRefusedSubmitOfADraftLeavesTheStoredDraftAsItWas() {
        HouseholdDetails draft = registry.saveDraft(namesOnly("Martirosyan", "Gayane"));
        HouseholdFormView form = navigate("households/" + draft.id() + "/edit", HouseholdFormView.class);
        test(text(form, "member.given-name")).setValue("Gohar");

        test(button(form, "household.submit")).click();

        HouseholdDetails stored = registry.get(draft.id());
        assertThat(stored.status()).isEqualTo(HouseholdStatus.DRAFT);
        assertThat(stored.version()).as("not written").isEqualTo(draft.version());
        assertThat(stored.members().get(0).givenName()).isEqualTo("Gayane");
        assertThat(failureMessage(form)).contains(form.getTranslation("form.kept.existing", draft.registrationNumber()));
    }

    @Test
    @AsDemoUser("mchs.officer")
    void aRecordAwaitingADecisionDoesNotOpenForEditing() {
        HouseholdDetails draft = registry.saveDraft(complete("Abrahamyan", "Narine"));
        registry.submit(draft.id(), draft.version(), "a test family of its own");

        navigate("households/" + draft.id() + "/edit", HouseholdView.class);

        assertThat(getCurrentView()).isInstanceOf(HouseholdView.class);
        assertThat($(Button.class).withText(getCurrentView().getElement().getComponent().orElseThrow()
                .getTranslation("household.edit-button")).exists()).isFalse();
    }

    @Test
    @AsDemoUser("mchs.officer")
    @SuppressWarnings("unchecked")
    void textTypedInAPlacePickerChoosesTheFirstPlaceListedForIt() {
        HouseholdFormView form = navigate(HouseholdFormView.class);
        ComboBox<SettlementRow> current = combo(form, "household.current");

        ComponentUtil.fireEvent(current, new ComboBox.CustomValueSetEvent<>(current, true, "gori"));
        assertThat(current.getValue()).isNotNull();
        assertThat(current.getValue().names().values()).anyMatch(name -> name.equals("Goris"));

        ComponentUtil.fireEvent(current, new ComboBox.CustomValueSetEvent<>(current, true, "Qwxz"));
        assertThat(current.getValue()).isNull();
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo(form.getTranslation("validation.no-such-choice", "Qwxz"));
    }

    private RegistrationForm namesOnly(String family, String given) {
        return new RegistrationForm(null, null, null, null, null, false, false, EnumSet.noneOf(Vulnerability.class),
                List.of(new MemberForm(null, family, given, null, null, null, false, Relation.HEAD, null, null,
                        EnumSet.noneOf(Vulnerability.class))));
    }

    private RegistrationForm complete(String family, String given) {
        List<SettlementRow> all = settlements.all();
        long origin = all.stream().filter(s -> !s.reception()).findFirst().orElseThrow().id();
        long current = all.stream().filter(SettlementRow::reception).findFirst().orElseThrow().id();
        return new RegistrationForm(origin, current, null, LocalDate.of(2020, 10, 25), null, false, false,
                EnumSet.noneOf(Vulnerability.class),
                List.of(new MemberForm(null, family + System.nanoTime() % 1000, given, null, Sex.FEMALE,
                        LocalDate.of(1990, 3, 3), false, Relation.HEAD, null, null,
                        EnumSet.noneOf(Vulnerability.class))));
    }

    private String failureMessage(HouseholdFormView form) {
        return $(Paragraph.class).from(form).all().stream().filter(p -> "alert".equals(p.getElement().getAttribute("role")))
                .filter(Paragraph::isVisible).map(Paragraph::getText).findFirst().orElse("");
    }

    private Button button(HouseholdFormView form, String key) {
        return $(Button.class).withText(form.getTranslation(key)).single();
    }

    private TextField text(HouseholdFormView form, String key) {
        return $(TextField.class).withCaption(form.getTranslation(key)).single();
    }

    private DatePicker date(HouseholdFormView form, String key) {
        return $(DatePicker.class).withCaption(form.getTranslation(key)).single();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<SettlementRow> combo(HouseholdFormView form, String key) {
        return $(ComboBox.class).withCaption(form.getTranslation(key)).single();
    }
}
