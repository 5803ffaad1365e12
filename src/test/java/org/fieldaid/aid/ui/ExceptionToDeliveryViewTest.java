package org.fieldaid.aid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.EntitlementRow;
import org.fieldaid.aid.ExceptionRow;
import org.fieldaid.aid.ExceptionStatus;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An officer asks for a package outside the entitlement on the household's Aid tab, a supervisor approves it in the
 * inbox, and the officer hands it over at the distribution screen, as the people who do it.
 */
class ExceptionToDeliveryViewTest extends BrowserlessViewTest {

    @Autowired Aid aid;
    @Autowired HouseholdRegistry registry;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    @Test
    @AsDemoUser("mchs.officer")
    @SuppressWarnings("unchecked")
    void officerAsksSupervisorApprovesOfficerHandsOver() {
        long householdId = jdbc.queryForObject("SELECT MAX(h.id) FROM household h WHERE h.status = 'REGISTERED' "
                + "AND h.current_settlement_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM aid_exception x "
                + "WHERE x.household_id = h.id)", Long.class);
        HouseholdDetails household = registry.get(householdId);
        VerticalLayout view = navigate("households/" + householdId, VerticalLayout.class);
        openAidTab(view);
        test($(Button.class).withText(view.getTranslation("aid.exception.ask")).single()).click();
        Dialog ask = $(Dialog.class).single();

        // sent with nothing chosen: told at the fields, nothing recorded
        test($(Button.class).from(ask).withText(view.getTranslation("aid.exception.send")).single()).click();
        Select<PackageTypeRow> type = $(Select.class).from(ask).withCaption(view.getTranslation("aid.package")).single();
        assertThat(type.isInvalid()).isTrue();
        assertThat($(TextArea.class).from(ask).single().isInvalid()).isTrue();
        assertThat(aid.exceptionsOf(householdId)).isEmpty();

        PackageTypeRow medical = aid.packageTypes().stream().filter(t -> t.code().equals("MEDICAL")).findFirst()
                .orElseThrow();
        test(type).selectItem(type.getItemLabelGenerator().apply(medical));
        test($(IntegerField.class).from(ask).single()).setValue(2);
        test($(TextArea.class).from(ask).single()).setValue("Newborn twins, born last night");
        test($(Button.class).from(ask).withText(view.getTranslation("aid.exception.send")).single()).click();
        assertThat($(Dialog.class).exists()).isFalse();
        ExceptionRow asked = aid.exceptionsOf(householdId).getFirst();
        assertThat(asked.status()).isEqualTo(ExceptionStatus.SUBMITTED);
        assertThat(asked.quantity()).isEqualTo(2);
        assertThat($(Grid.class).withId("aid-tab-exceptions").exists()).isTrue();

        signIn.asInBrowserlessView("mchs.supervisor");
        navigate("approvals", VerticalLayout.class);
        Grid<ApprovalView> inbox = $(Grid.class).single();
        int row = -1;
        for (int i = 0; i < test(inbox).size(); i++) {
            ApprovalView r = test(inbox).getRow(i);
            if (r.kind().equals(Aid.EXCEPTION_APPROVAL_KIND) && r.subjectId() == asked.id()) {
                row = i;
            }
        }
        assertThat(row).as("the exception is in the supervisor's inbox").isNotNegative();
        test(inbox).clickRow(row);
        Dialog decide = $(Dialog.class).single();
        assertThat($(Span.class).from(decide).all().stream().map(Span::getText))
                .anyMatch(t -> t.equals(decide.getTranslation("aid.exception.status.SUBMITTED")));
        test($(Button.class).from(decide).withText(decide.getTranslation("approval.approve")).single()).click();
        assertThat(aid.exception(asked.id()).status()).isEqualTo(ExceptionStatus.APPROVED);

        signIn.asInBrowserlessView("mchs.officer");
        EntitlementRow due = aid.entitlementsOf(householdId).stream()
                .filter(e -> e.exceptionId() != null && e.exceptionId() == asked.id()).findFirst().orElseThrow();
        assertThat(due.deliverable()).isTrue();
        DistributeView distribute = navigate(DistributeView.class);
        test($(TextField.class).single()).setValue(household.registrationNumber());
        Grid<EntitlementRow> entitlements = $(Grid.class).withId("aid-entitlements").single();
        for (int i = 0; i < test(entitlements).size(); i++) {
            if (test(entitlements).getRow(i).id() == due.id()) {
                test(entitlements).clickRow(i);
            }
        }
        test($(Checkbox.class).single()).click();
        test($(Button.class).withText(distribute.getTranslation("aid.deliver.submit")).single()).click();
        assertThat($(Span.class).withClassName("aid-result").single().getElement().getAttribute("data-result"))
                .isEqualTo("DELIVERED");
        assertThat(aid.deliveriesOf(householdId)).anySatisfy(d -> {
            assertThat(d.entitlementId()).isEqualTo(due.id());
            assertThat(d.quantity()).isEqualTo(2);
        });
    }

    @Test
    @AsDemoUser("health.officer")
    void aReaderOfHouseholdsWithoutAidSeesNoAidTab() {
        long householdId = jdbc.queryForObject("SELECT MIN(id) FROM household WHERE status = 'REGISTERED'",
                Long.class);
        VerticalLayout view = navigate("households/" + householdId, VerticalLayout.class);
        TabSheet tabs = $(TabSheet.class).from(view).single();
        assertThat($(Tab.class).from(tabs).all().stream().map(Tab::getLabel))
                .doesNotContain(view.getTranslation("aid.tab.label"));
    }

    private void openAidTab(VerticalLayout view) {
        TabSheet tabs = $(TabSheet.class).from(view).single();
        Tab aidTab = $(Tab.class).from(tabs).all().stream()
                .filter(t -> t.getLabel().equals(view.getTranslation("aid.tab.label"))).findFirst().orElseThrow();
        tabs.setSelectedTab(aidTab);
    }
}
