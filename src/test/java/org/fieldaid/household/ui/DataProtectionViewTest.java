package org.fieldaid.household.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the screens show of other agencies' drafts and of data the supervisor wrote, as the people who see it. */
class DataProtectionViewTest extends BrowserlessViewTest {

    @Autowired HouseholdRegistry registry;
    @Autowired Settlements settlements;
    @Autowired SignIn signIn;

    @Test
    @AsDemoUser("mchs.officer")
    void theFormSaysAnotherAgencyIsRegisteringAMatchAndShowsNothingOfIt() {
        String family = randomFamily();
        signIn.run("mod.officer", () -> registry.saveDraft(form(family, "Tatev", LocalDate.of(1991, 1, 1))));
        signIn.asInBrowserlessView("mchs.officer");

        HouseholdFormView form = navigate(HouseholdFormView.class);
        test($(TextField.class).withCaption(form.getTranslation("member.family-name")).single()).setValue(family);
        test($(TextField.class).withCaption(form.getTranslation("member.given-name")).single()).setValue("Tatev");
        @SuppressWarnings("unchecked")
        Select<Sex> sex = $(Select.class).withCaption(form.getTranslation("member.sex")).single();
        sex.setValue(Sex.FEMALE);
        test($(DatePicker.class).withCaption(form.getTranslation("member.birth-date")).single())
                .setValue(LocalDate.of(1991, 1, 1));

        DuplicatesPanel panel = $(DuplicatesPanel.class).single();
        assertThat(panel.isVisible()).isTrue();
        assertThat($(Span.class).from(panel).withText(form.getTranslation("household.duplicates.being-registered",
                form.getTranslation("agency.MOD"))).exists()).isTrue();
        assertThat($(Anchor.class).from(panel).exists()).as("no link to a record the officer may not open").isFalse();
        assertThat($(Span.class).from(panel).all()).extracting(Span::getText)
                .filteredOn(t -> t.contains(family)).hasSize(1)
                .as("the name appears once, on the officer's own side");
    }

    @Test
    @AsDemoUser("mchs.supervisor")
    void aSupervisorWhoWroteTheDraftFindsTheDecisionButtonsDisabledWithTheReason() {
        HouseholdDetails draft = registry.saveDraft(form(randomFamily(), "Seda", LocalDate.of(1984, 4, 24)));
        signIn.run("mchs.officer", () -> registry.submit(draft.id(), draft.version(), null));
        signIn.asInBrowserlessView("mchs.supervisor");

        Dialog dialog = openRequestFor(draft.id());
        Button approve = $(Button.class).from(dialog).withText(dialog.getTranslation("approval.approve")).single();
        Button reject = $(Button.class).from(dialog).withText(dialog.getTranslation("approval.reject")).single();
        assertThat(approve.isEnabled()).isFalse();
        assertThat(reject.isEnabled()).isFalse();
        assertThat($(Paragraph.class).from(dialog).withText(dialog.getTranslation("approval.four-eyes.contributor"))
                .exists()).isTrue();
    }

    private RegistrationForm form(String family, String given, LocalDate birth) {
        List<SettlementRow> all = settlements.all();
        long origin = all.stream().filter(s -> !s.reception()).findFirst().orElseThrow().id();
        long reception = all.stream().filter(SettlementRow::reception).findFirst().orElseThrow().id();
        return new RegistrationForm(origin, reception, null, LocalDate.of(2020, 10, 25), null, false, true,
                EnumSet.of(Vulnerability.LOST_HOME), List.of(new MemberForm(null, family, given, null, Sex.FEMALE,
                birth, false, Relation.HEAD, null, null, null)));
    }

    /** Random syllables: no other family in the database shares its phonetic key. */
    private static String randomFamily() {
        return TestNames.syllables(4) + "yan";
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
