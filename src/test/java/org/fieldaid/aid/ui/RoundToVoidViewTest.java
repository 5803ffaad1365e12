package org.fieldaid.aid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.DeliveryForm;
import org.fieldaid.aid.DeliveryOutcome;
import org.fieldaid.aid.DeliveryRow;
import org.fieldaid.aid.EntitlementRow;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.aid.RoundRow;
import org.fieldaid.aid.RoundStatus;
import org.fieldaid.aid.StockLevel;
import org.fieldaid.aid.WarehouseRow;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberView;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A round planned, approved in the inbox, handed over at the distribution screen and voided, as the people who do it. */
class RoundToVoidViewTest extends BrowserlessViewTest {

    @Autowired Aid aid;
    @Autowired HouseholdRegistry registry;
    @Autowired SignIn signIn;

    @Test
    @AsDemoUser("mchs.officer")
    @SuppressWarnings("unchecked")
    void officerPlansSupervisorApprovesOfficerHandsOverAndSupervisorVoids() {
        RoundsView rounds = navigate(RoundsView.class);
        ComboBox<SettlementRow> point = $(ComboBox.class).from(rounds).single();
        test(point).selectItem(gorisName(rounds));
        Select<WarehouseRow> warehouse = $(Select.class).from(rounds).single();
        WarehouseRow goris = aid.warehouses().stream().filter(w -> w.code().equals("WH-GOR")).findFirst().orElseThrow();
        test(warehouse).selectItem(warehouse.getItemLabelGenerator().apply(goris));
        MultiSelectComboBox<PackageTypeRow> packages = $(MultiSelectComboBox.class).single();
        PackageTypeRow medical = aid.packageTypes().stream().filter(t -> t.code().equals("MEDICAL")).findFirst()
                .orElseThrow();
        packages.setValue(Set.of(medical));
        List<org.fieldaid.base.ui.DateField> dates = $(org.fieldaid.base.ui.DateField.class).all();
        dates.get(0).setValue(LocalDate.now());
        dates.get(1).setValue(LocalDate.now().plusDays(10));
        test($(Button.class).withText(rounds.getTranslation("aid.round.plan")).single()).click();
        RoundRow planned = aid.rounds().getFirst();
        assertThat(planned.status()).isEqualTo(RoundStatus.PLANNED);
        assertThat(planned.entitlements()).isPositive();
        test($(Button.class).withText(rounds.getTranslation("aid.round.submit")).single()).click();
        assertThat(aid.round(planned.id()).status()).isEqualTo(RoundStatus.SUBMITTED);

        signIn.asInBrowserlessView("mchs.supervisor");
        Dialog dialog = openRoundRequest(planned.id());
        test($(Button.class).from(dialog).withText(dialog.getTranslation("approval.approve")).single()).click();
        assertThat(aid.round(planned.id()).status()).isEqualTo(RoundStatus.APPROVED);

        signIn.asInBrowserlessView("mchs.officer");
        EntitlementRow due = aid.entitlementsOfRound(planned.id(), 1).getFirst();
        int stockBefore = stock(goris.id(), medical.id());
        DistributeView distribute = navigate(DistributeView.class);
        test($(TextField.class).single()).setValue(due.registrationNumber());
        Grid<EntitlementRow> entitlements = $(Grid.class).withId("aid-entitlements").single();
        clickRowOf(entitlements, due.id());
        test($(Checkbox.class).single()).click();
        test($(Button.class).withText(distribute.getTranslation("aid.deliver.submit")).single()).click();
        Span result = $(Span.class).withClassName("aid-result").single();
        assertThat(result.getElement().getAttribute("data-result")).isEqualTo("DELIVERED");
        assertThat(stock(goris.id(), medical.id())).isEqualTo(stockBefore - due.quantity());
        assertThat($(Button.class).withText(distribute.getTranslation("aid.deliver.submit")).exists())
                .as("nothing is left to hand over for this package").isFalse();

        signIn.asInBrowserlessView("mchs.supervisor");
        distribute = navigate(DistributeView.class);
        test($(TextField.class).single()).setValue(due.registrationNumber());
        Grid<DeliveryRow> deliveries = $(Grid.class).withId("aid-deliveries").single();
        int row = 0;
        while (test(deliveries).getRow(row).entitlementId() != due.id()) {
            row++;
        }
        test((Button) test(deliveries).getCellComponent(row, 4)).click();
        Dialog voidDialog = $(Dialog.class).single();
        test($(TextArea.class).from(voidDialog).single()).setValue("Handed to the wrong family");
        test($(Button.class).from(voidDialog).withText(distribute.getTranslation("aid.delivery.void")).single()).click();
        assertThat(stock(goris.id(), medical.id())).isEqualTo(stockBefore);
        assertThat(aid.deliveriesOf(due.householdId()).stream().filter(d -> d.entitlementId() == due.id()))
                .singleElement().satisfies(d -> assertThat(d.voidReason()).isEqualTo("Handed to the wrong family"));
    }

    @Test
    @AsDemoUser("mchs.officer")
    @SuppressWarnings("unchecked")
    void aHandoverSomebodyElseRecordedFirstIsRefusedWithAMessage() {
        RoundRow goris = aid.rounds().stream().filter(r -> r.status() == RoundStatus.APPROVED).reduce((a, b) -> b)
                .orElseThrow();
        EntitlementRow due = aid.entitlementsOfRound(goris.id(), 1000).stream().filter(EntitlementRow::deliverable)
                .filter(e -> !e.packageCode().equals("INFANT")).findFirst().orElseThrow();
        DistributeView distribute = navigate(DistributeView.class);
        test($(TextField.class).single()).setValue(due.registrationNumber());
        Grid<EntitlementRow> entitlements = $(Grid.class).withId("aid-entitlements").single();
        clickRowOf(entitlements, due.id());
        test($(Checkbox.class).single()).click();

        MemberView head = registry.get(due.householdId()).members().getFirst();
        DeliveryOutcome other = aid.deliver(new DeliveryForm(due.id(), due.quantity(), head.id(), head.fullName(), null,
                null, true, "another-officer-" + due.id()));
        assertThat(other.result()).isEqualTo(DeliveryOutcome.Result.DELIVERED);

        test($(Button.class).withText(distribute.getTranslation("aid.deliver.submit")).single()).click();
        Span result = $(Span.class).withClassName("aid-result").single();
        assertThat(result.getElement().getAttribute("data-result")).isEqualTo("ALREADY_DELIVERED");
        assertThat(result.getText()).isEqualTo(distribute.getTranslation("aid.deliver.result.ALREADY_DELIVERED"));
    }

    @SuppressWarnings("unchecked")
    private String gorisName(RoundsView view) {
        return ((ComboBox<SettlementRow>) $(ComboBox.class).from(view).single()).getListDataView().getItems()
                .filter(s -> s.code().equals("AM-GOR")).findFirst()
                .map(s -> $(ComboBox.class).from(view).single().getItemLabelGenerator().apply(s)).orElseThrow();
    }

    private void clickRowOf(Grid<EntitlementRow> grid, long entitlementId) {
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getRow(i).id() == entitlementId) {
                test(grid).clickRow(i);
                return;
            }
        }
        throw new AssertionError("entitlement " + entitlementId + " is not on the screen");
    }

    private int stock(long warehouseId, long packageTypeId) {
        return aid.stock(warehouseId).stream().filter(s -> s.packageTypeId() == packageTypeId).findFirst()
                .map(StockLevel::quantity).orElseThrow();
    }

    private Dialog openRoundRequest(long roundId) {
        navigate("approvals", com.vaadin.flow.component.orderedlayout.VerticalLayout.class);
        @SuppressWarnings("unchecked")
        Grid<ApprovalView> grid = $(Grid.class).single();
        for (int i = 0; i < test(grid).size(); i++) {
            ApprovalView row = test(grid).getRow(i);
            if (row.kind().equals(Aid.ROUND_APPROVAL_KIND) && row.subjectId() == roundId) {
                test(grid).clickRow(i);
                return $(Dialog.class).single();
            }
        }
        throw new AssertionError("No pending request for round " + roundId);
    }
}
