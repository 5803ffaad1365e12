package org.fieldaid.journey.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.base.ui.DateField;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberView;
import org.fieldaid.journey.ConvoyForm;
import org.fieldaid.journey.ConvoyRow;
import org.fieldaid.journey.JourneyRow;
import org.fieldaid.journey.JourneyStatus;
import org.fieldaid.journey.Journeys;
import org.fieldaid.journey.TravellerStatus;
import org.fieldaid.journey.VehicleForm;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journey home on the screens, as the people who do each step: planned from the household's tab, approved in
 * the inbox, departed on the convoy page, crossed at the checkpoint with one traveller missing, and arrived.
 */
class JourneyFlowViewTest extends BrowserlessViewTest {

    @Autowired Journeys journeys;
    @Autowired HouseholdRegistry registry;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    @Test
    @AsDemoUser("mod.officer")
    void planApproveDepartCrossAndArriveOnTheScreens() {
        LocalDate today = LocalDate.now(Formats.ZONE);
        ConvoyRow convoy = journeys.createConvoy(new ConvoyForm(today, "View test route", "Lachin corridor checkpoint",
                "View test escort", List.of(new VehicleForm("BUS", "VT " + System.nanoTime() % 100000, 30))));
        long family = jdbc.queryForList("SELECT h.id FROM household h JOIN settlement s ON s.id = h.origin_settlement_id "
                + "WHERE h.status = 'REGISTERED' AND s.return_status = 'OPEN' AND h.member_count BETWEEN 2 AND 5 "
                + "AND NOT EXISTS (SELECT 1 FROM journey j WHERE j.household_id = h.id) AND NOT EXISTS (SELECT 1 "
                + "FROM person p WHERE p.household_id = h.id AND (p.document_normalised IS NULL OR p.returned)) "
                + "ORDER BY h.id", Long.class).getFirst();

        VerticalLayout household = navigate("households/" + family, VerticalLayout.class);
        TabSheet tabs = $(TabSheet.class).single();
        tabs.setSelectedTab($(com.vaadin.flow.component.tabs.Tab.class).all().stream()
                .filter(t -> t.getLabel().equals(household.getTranslation("journey.tab"))).findFirst().orElseThrow());
        Div plan = $(Div.class).withClassName("journey-plan").single();
        $(DateField.class).from(plan).single().setValue(today);
        test($(Button.class).from(plan).withText(household.getTranslation("journey.plan.button")).single()).click();
        JourneyRow planned = journeys.journeysOf(family).getFirst();
        assertThat(planned.status()).isEqualTo(JourneyStatus.PLANNED);
        assertThat(planned.convoyId()).isEqualTo(convoy.id());
        test($(Button.class).withText(household.getTranslation("journey.submit")).single()).click();
        assertThat(journeys.journey(planned.id()).status()).isEqualTo(JourneyStatus.SUBMITTED);

        signIn.asInBrowserlessView("mod.supervisor");
        navigate("approvals", VerticalLayout.class);
        @SuppressWarnings("unchecked")
        Grid<ApprovalView> inbox = $(Grid.class).single();
        for (int i = 0; i < test(inbox).size(); i++) {
            ApprovalView row = test(inbox).getRow(i);
            if (row.kind().equals(Journeys.APPROVAL_KIND) && row.subjectId() == planned.id()) {
                test(inbox).clickRow(i);
                break;
            }
        }
        Dialog dialog = $(Dialog.class).single();
        test($(Button.class).from(dialog).withText(dialog.getTranslation("approval.approve")).single()).click();
        assertThat(journeys.journey(planned.id()).status()).isEqualTo(JourneyStatus.APPROVED);

        signIn.asInBrowserlessView("mod.officer");
        ConvoysView convoys = navigate(ConvoysView.class);
        @SuppressWarnings("unchecked")
        Grid<ConvoyRow> list = $(Grid.class).from(convoys).first();
        for (int i = 0; i < test(list).size(); i++) {
            if (test(list).getRow(i).id() == convoy.id()) {
                test(list).clickRow(i);
            }
        }
        test($(Button.class).withText(convoys.getTranslation("journey.convoy.depart")).single()).click();
        assertThat(journeys.journey(planned.id()).status()).isEqualTo(JourneyStatus.DEPARTED);

        signIn.asInBrowserlessView("border.officer");
        CheckpointView barrier = navigate(CheckpointView.class);
        Div box = $(Div.class).withClassName("checkpoint-family").all().stream()
                .filter(d -> Long.toString(planned.id()).equals(d.getElement().getAttribute("data-journey")))
                .findFirst().orElseThrow();
        List<TextField> numbers = $(TextField.class).from(box).all().stream()
                .filter(f -> f.getLabel().equals(barrier.getTranslation("checkpoint.document-typed"))).toList();
        List<String> onFile = jdbc.queryForList("SELECT document_normalised FROM journey_traveller WHERE journey_id = ? "
                + "ORDER BY id", String.class, planned.id());
        for (int i = 0; i < numbers.size() - 1; i++) {
            test(numbers.get(i)).setValue(" " + onFile.get(i).toLowerCase() + " ");
        }
        List<Checkbox> present = $(Checkbox.class).from(box).all();
        test(present.getLast()).click();
        test($(Button.class).from(box).withText(barrier.getTranslation("checkpoint.record")).single()).click();
        signIn.asInBrowserlessView("mod.officer");
        assertThat(journeys.journey(planned.id()).status()).isEqualTo(JourneyStatus.CROSSED);
        assertThat(journeys.travellers(planned.id()).getLast().status()).isEqualTo(TravellerStatus.MISSING);
        assertThat(journeys.crossing(planned.id()).orElseThrow().discrepancies()).hasSize(1);

        VerticalLayout board = navigate("journeys/" + planned.id(), VerticalLayout.class);
        test($(Button.class).withText(board.getTranslation("journey.arrival.confirm")).single()).click();
        assertThat(journeys.journey(planned.id()).status()).isEqualTo(JourneyStatus.ARRIVED);
        List<MemberView> members = registry.get(family).members();
        assertThat(members.stream().filter(MemberView::returned).count()).isEqualTo(members.size() - 1);
    }
}
