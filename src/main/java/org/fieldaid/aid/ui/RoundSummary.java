package org.fieldaid.aid.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.ReconciliationRow;
import org.fieldaid.aid.RoundRow;
import org.fieldaid.aid.RoundStatus;
import org.fieldaid.base.ui.Formats;

/**
 * What a round is and its reconciliation against its warehouse's stock: entitled, delivered, voided, still due and
 * issued, per package type; on the rounds page and in the inbox.
 */
class RoundSummary extends Div {

    RoundSummary(Aid aid, AidLabels labels, RoundRow round) {
        addClassName("aid-round-summary");
        add(new Paragraph(getTranslation("aid.round.summary", labels.warehouse(round.warehouseId()),
                round.households(), round.entitlements(), round.plannedBy())));
        Grid<ReconciliationRow> figures = new Grid<>();
        figures.setId("aid-reconciliation");
        figures.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        figures.addColumn(n -> labels.type(n.packageTypeId())).setHeader(getTranslation("aid.package")).setFlexGrow(1);
        figures.addColumn(ReconciliationRow::entitled).setHeader(getTranslation("aid.round.entitled")).setWidth("6.5rem")
                .setFlexGrow(0);
        figures.addColumn(ReconciliationRow::delivered).setHeader(getTranslation("aid.round.delivered"))
                .setWidth("6.5rem").setFlexGrow(0);
        figures.addColumn(ReconciliationRow::voided).setHeader(getTranslation("aid.round.voided")).setWidth("6.5rem")
                .setFlexGrow(0);
        figures.addColumn(ReconciliationRow::stillDue).setHeader(getTranslation("aid.round.still-due"))
                .setWidth("6.5rem").setFlexGrow(0);
        figures.addColumn(ReconciliationRow::stockIssued).setHeader(getTranslation("aid.round.issued"))
                .setWidth("6.5rem").setFlexGrow(0);
        figures.addComponentColumn(n -> {
            Span stock = new Span(Integer.toString(n.inStock()));
            if (n.stillDue() > n.inStock()) {
                stock.setText(getTranslation("aid.round.short", n.inStock()));
                stock.addClassNames("badge", "badge-error");
            }
            return stock;
        }).setHeader(getTranslation("aid.round.in-stock")).setWidth("8.5rem").setFlexGrow(0);
        figures.setItems(aid.reconciliation(round.id()));
        figures.setAllRowsVisible(true);
        add(figures);
        if (round.status() == RoundStatus.APPROVED) {
            LocalDate today = LocalDate.now(Formats.ZONE);
            Anchor print = new Anchor(DayListView.route(round.pointSettlementId(), today),
                    getTranslation("aid.print.day-list-link", labels.place(round.pointSettlementId())));
            print.setTarget("_blank");
            print.addClassName("aid-print-link");
            add(new Paragraph(print));
        }
    }
}
