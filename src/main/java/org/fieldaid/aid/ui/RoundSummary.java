package org.fieldaid.aid.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.RoundNeed;
import org.fieldaid.aid.RoundRow;

/** What a round is and what it needs against its warehouse's stock; on the rounds page and in the inbox. */
class RoundSummary extends Div {

    RoundSummary(Aid aid, AidLabels labels, RoundRow round) {
        addClassName("aid-round-summary");
        add(new Paragraph(getTranslation("aid.round.summary", labels.warehouse(round.warehouseId()),
                round.households(), round.entitlements(), round.plannedBy())));
        Grid<RoundNeed> needs = new Grid<>();
        needs.addThemeVariants(GridVariant.ROW_STRIPES);
        needs.addColumn(n -> labels.type(n.packageTypeId())).setHeader(getTranslation("aid.package")).setFlexGrow(1);
        needs.addColumn(RoundNeed::entitled).setHeader(getTranslation("aid.round.entitled")).setWidth("7rem")
                .setFlexGrow(0);
        needs.addColumn(RoundNeed::delivered).setHeader(getTranslation("aid.round.delivered")).setWidth("7rem")
                .setFlexGrow(0);
        needs.addColumn(RoundNeed::stillDue).setHeader(getTranslation("aid.round.still-due")).setWidth("7rem")
                .setFlexGrow(0);
        needs.addComponentColumn(n -> {
            Span stock = new Span(Integer.toString(n.inStock()));
            if (n.shortOfStock()) {
                stock.setText(getTranslation("aid.round.short", n.inStock()));
                stock.addClassNames("badge", "badge-error");
            }
            return stock;
        }).setHeader(getTranslation("aid.round.in-stock")).setWidth("9rem").setFlexGrow(0);
        needs.setItems(aid.needs(round.id()));
        needs.setAllRowsVisible(true);
        add(needs);
    }
}
