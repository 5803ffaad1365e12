package org.fieldaid.settlement.ui;

import org.fieldaid.base.ui.GridRows;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.security.Authority;
import org.fieldaid.settlement.NameTradition;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;

@Route("admin/settlements")
@RolesAllowed(Authority.Codes.SETTLEMENT_MANAGE)
@Menu(title = "nav.admin.settlements", order = 92, icon = "vaadin:map-marker")
class SettlementAdminView extends VerticalLayout implements HasDynamicTitle {

    private final Settlements settlements;
    private final Grid<SettlementRow> grid = new Grid<>();

    SettlementAdminView(Settlements settlements) {
        this.settlements = settlements;
        addClassName("admin-view");
        setSizeFull();
        Button add = new Button(getTranslation("settlement.new"), VaadinIcon.PLUS.create(),
                e -> new SettlementDialog(settlements, null, this::refresh).open());
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add(new ViewHeader(getTranslation("nav.admin.settlements"), getTranslation("settlement.description"))
                .withActions(add));

        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(SettlementRow::code).setHeader(getTranslation("settlement.code")).setWidth("7rem")
                .setFlexGrow(0).setSortable(true);
        grid.addColumn(s -> s.label(getLocale())).setHeader(getTranslation("settlement.names")).setWidth("11rem")
                .setFlexGrow(2).setSortable(true);
        grid.addColumn(s -> join(s.name(NameTradition.HY, "hy"), s.name(NameTradition.AZ, "az")))
                .setHeader(getTranslation("settlement.native-names")).setWidth("11rem").setFlexGrow(2);
        grid.addColumn(SettlementRow::district).setHeader(getTranslation("settlement.district")).setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(s -> getTranslation("settlement.kind." + s.kind().name())
                        + (s.reception() ? " · " + getTranslation("settlement.reception") : ""))
                .setHeader(getTranslation("settlement.kind")).setWidth("9rem").setFlexGrow(1);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("settlement.return-status"))
                .setWidth("8.5rem").setFlexGrow(0);
        GridRows.openWith(grid, row -> new SettlementDialog(settlements, row, this::refresh).open());
        addAndExpand(grid);
        refresh();
    }

    private Span statusBadge(SettlementRow s) {
        Span badge = new Span(getTranslation("return-status." + s.returnStatus().name()));
        badge.addClassNames("badge", switch (s.returnStatus()) {
            case OPEN -> "badge-success";
            case RESTRICTED -> "badge-warning";
            case CLOSED -> "badge-error";
        });
        return badge;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b == null ? "" : b;
        }
        return b == null || b.equals(a) ? a : a + " / " + b;
    }

    private void refresh() {
        grid.setItems(settlements.all());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.settlements") + " · FieldAid";
    }
}
