package org.fieldaid.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.junit.jupiter.api.Test;

/** The dashboard and the situation report as their readers open them, without a browser. */
class DashboardViewTest extends BrowserlessViewTest {

    @Test
    @AsDemoUser("mfa.analyst")
    void anAnalystSeesEveryPanelAsAChartWithItsTableAndTheMap() {
        DashboardView view = navigate(DashboardView.class);
        assertThat($(Div.class).withClassName("report-figure").all()).hasSizeGreaterThanOrEqualTo(6);
        for (String id : new String[] {"households-by-status", "persons-displaced", "persons-returned",
                "aid-delivered", "aid-stock", "journeys-by-week", "map"}) {
            assertThat($(Div.class).withId("figure-" + id).exists()).as(id).isTrue();
        }
        String chart = $(Svg.class).withClassName("report-chart-box").first().getElement().getProperty("innerHTML");
        assertThat(chart).contains("<title id=\"chart-households-by-status-title\">"
                + view.getTranslation("report.households-by-status") + "</title>", "role=\"img\"");
        String map = $(Svg.class).withClassName("report-map-box").single().getElement().getProperty("innerHTML");
        assertThat(map).contains("data-code=\"NK-STP\"", view.getTranslation("report.map.legend.displaced"));
        assertThat($(Paragraph.class).withClassName("report-small-counts").exists()).isFalse();
    }

    @Test
    @AsDemoUser("partner.analyst")
    void aPartnerIsToldThatSmallCountsAreHiddenAndSeesNoInbox() {
        DashboardView view = navigate(DashboardView.class);
        assertThat($(Paragraph.class).withClassName("report-small-counts").single().getText())
                .isEqualTo(view.getTranslation("report.small-counts"));
        assertThat($(Div.class).withId("figure-approvals-pending").exists()).isFalse();
        assertThat($(NativeTableCell.class).withClassName("report-number").all()).extracting(NativeTableCell::getText)
                .noneMatch(text -> text.matches("[1-4]"));
    }

    @Test
    @AsDemoUser("mfa.analyst")
    void aPeriodThatEndsBeforeItStartsIsRefusedAtTheField() {
        DashboardView view = navigate(DashboardView.class);
        DatePicker from = $(DatePicker.class).withClassName("report-from").single();
        DatePicker to = $(DatePicker.class).withClassName("report-to").single();
        test(from).setValue(LocalDate.of(2020, 11, 1));
        test(to).setValue(LocalDate.of(2020, 10, 1));
        test($(Button.class).withClassName("report-apply").single()).click();
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo(view.getTranslation("report.error.to-before-from"));
        assertThat(getCurrentView()).isSameAs(view);
    }

    @Test
    @AsDemoUser("mfa.analyst")
    void thePeriodTravelsInTheAddressToTheSituationReport() {
        QueryParameters period = QueryParameters.fromString("from=2020-09-27&to=2020-11-10&agency=MCHS");
        UI.getCurrent().navigate("reports", period);
        assertThat(getCurrentView()).isInstanceOf(DashboardView.class);
        assertThat($(DatePicker.class).withClassName("report-from").single().getValue())
                .isEqualTo(LocalDate.of(2020, 9, 27));
        assertThat($(com.vaadin.flow.component.html.Anchor.class).withClassName("situation-link").single().getHref())
                .startsWith("reports/situation?").contains("from=2020-09-27", "to=2020-11-10", "agency=MCHS");
        UI.getCurrent().navigate("reports/situation", period);
        SituationReportView report = (SituationReportView) getCurrentView();
        assertThat($(Div.class).withClassName("situation-key").all()).hasSizeGreaterThanOrEqualTo(5);
        assertThat($(Div.class).withClassName("situation-meta").single().getElement().getTextRecursively())
                .contains("27 Sept 2020", "10 Nov 2020", report.getTranslation("agency.MCHS"));
    }

    @Test
    @AsDemoUser("mchs.supervisor")
    void aSupervisorStartsOnTheDashboard() {
        navigate("", DashboardView.class);
        assertThat(getCurrentView()).isInstanceOf(DashboardView.class);
    }

    @Test
    @AsDemoUser("mchs.officer")
    void anOfficerKeepsTheHomePageAndIsRefusedTheDashboard() {
        navigate("", com.vaadin.flow.component.orderedlayout.VerticalLayout.class);
        assertThat(getCurrentView().getClass().getSimpleName()).startsWith("HomeView");
        navigate("reports", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(DashboardView.class);
    }
}
