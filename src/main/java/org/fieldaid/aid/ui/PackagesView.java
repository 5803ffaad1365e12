package org.fieldaid.aid.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.EntitlementRule;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.security.Authority;

/** The package catalogue with each type's entitlement rule in words. */
@Route("aid/packages")
@RolesAllowed({Authority.Codes.AID_READ, Authority.Codes.CATALOGUE_MANAGE})
@Menu(title = "nav.aid.packages", order = 33, icon = "vaadin:list")
class PackagesView extends VerticalLayout implements HasDynamicTitle {

    PackagesView(Aid aid) {
        addClassName("aid-view");
        setWidthFull();
        add(new ViewHeader(getTranslation("nav.aid.packages"), getTranslation("aid.packages.description")));
        Grid<PackageTypeRow> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(PackageTypeRow::code).setHeader(getTranslation("aid.packages.code")).setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(t -> t.name(getLocale())).setHeader(getTranslation("aid.package")).setWidth("12rem")
                .setFlexGrow(0);
        grid.addColumn(t -> rule(t.rule(), t.unit())).setHeader(getTranslation("aid.packages.rule")).setFlexGrow(1);
        grid.addColumn(PackageTypeRow::contents).setHeader(getTranslation("aid.packages.contents")).setFlexGrow(2);
        grid.setItems(aid.packageTypes());
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private String rule(EntitlementRule rule, String unit) {
        String amount = getTranslation("aid.rule.basis." + rule.basis().name(), rule.quantity(),
                getTranslation("aid.unit." + unit));
        String cap = rule.cap() == null ? "" : " " + getTranslation("aid.rule.cap", rule.cap());
        String condition = rule.condition() == org.fieldaid.aid.Condition.NONE ? ""
                : " " + getTranslation("aid.rule.condition." + rule.condition().name());
        String frequency = " " + getTranslation("aid.rule.frequency." + rule.frequency().name());
        return (amount + cap + condition + frequency).replace("  ", " ").strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.aid.packages");
    }
}
