package org.fieldaid.aid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.fieldaid.report.ui.ExportDialog;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.junit.jupiter.api.Test;

/** The aid lists offer their export to those the matrix lets export them, with the round or warehouse in view. */
class AidExportButtonsViewTest extends BrowserlessViewTest {

    @Test
    @AsDemoUser("mchs.analyst")
    void anAnalystExportsTheRoundsEntitlementsOrDeliveriesAndTheWarehousesLedger() {
        RoundsView rounds = navigate(RoundsView.class);
        test($(Button.class).withClassName("export-button").single()).click();
        ExportDialog dialog = $(ExportDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo(rounds.getTranslation("export.title",
                rounds.getTranslation("aid.export.every-round")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<org.fieldaid.report.ExportSource<?>> lists = $(RadioButtonGroup.class).from(dialog).single();
        assertThat(lists.getListDataView().getItems().map(org.fieldaid.report.ExportSource::list))
                .containsExactly("entitlements", "deliveries");
        dialog.close();

        StockView stock = navigate(StockView.class);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<org.fieldaid.aid.WarehouseRow> warehouse =
                $(com.vaadin.flow.component.select.Select.class).from(stock).single();
        test($(Button.class).withClassName("export-button").single()).click();
        assertThat($(ExportDialog.class).single().getHeaderTitle())
                .contains(warehouse.getValue().name(com.vaadin.flow.component.UI.getCurrent().getLocale()));
    }

    @Test
    @AsDemoUser("mchs.officer")
    void anOfficerWhoMayNotExportIsOfferedNoExport() {
        navigate(RoundsView.class);
        assertThat($(Button.class).withClassName("export-button").all()).isEmpty();
        navigate(StockView.class);
        assertThat($(Button.class).withClassName("export-button").all()).isEmpty();
    }
}
