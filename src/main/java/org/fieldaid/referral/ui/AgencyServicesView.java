package org.fieldaid.referral.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.GridRows;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.referral.AgencyServices;
import org.fieldaid.referral.Referrals;
import org.fieldaid.referral.ServiceKind;
import org.fieldaid.security.Authority;

/** The services each agency offers to referrals, set by an administrator. */
@Route("admin/services")
@RolesAllowed(Authority.Codes.AGENCY_MANAGE)
@Menu(title = "nav.admin.services", order = 94, icon = "vaadin:handshake")
class AgencyServicesView extends VerticalLayout implements HasDynamicTitle {

    private final Referrals referrals;
    private final Grid<AgencyServices> grid = new Grid<>();
    private ReferralLabels labels;

    AgencyServicesView(Referrals referrals) {
        this.referrals = referrals;
        addClassNames("admin-view", "agency-services-view");
        setSizeFull();
        add(new ViewHeader(getTranslation("nav.admin.services"), getTranslation("referral.services.description")));
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(a -> labels.agency(a.agencyCode())).setHeader(getTranslation("agency.name")).setFlexGrow(2);
        grid.addColumn(a -> a.services().stream().map(labels::service).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("referral.services")).setFlexGrow(2);
        grid.addColumn(a -> getTranslation(a.receives() ? "referral.services.receives" : "referral.services.cannot"))
                .setHeader(getTranslation("referral.services.takes")).setAutoWidth(true);
        GridRows.openWith(grid, this::edit);
        addAndExpand(grid);
        refresh();
    }

    private void refresh() {
        var all = referrals.agencyServices();
        labels = new ReferralLabels(this, all);
        grid.setItems(all);
    }

    private void edit(AgencyServices agency) {
        Dialog dialog = new Dialog(labels.agency(agency.agencyCode()));
        dialog.addClassName("agency-services-dialog");
        dialog.setWidth("min(560px, 95vw)");
        CheckboxGroup<ServiceKind> services = new CheckboxGroup<>(getTranslation("referral.services"));
        services.setItems(ServiceKind.values());
        services.setItemLabelGenerator(labels::service);
        services.setValue(agency.services());
        if (!agency.receives()) {
            services.setHelperText(getTranslation("referral.error.agency-cannot-receive"));
        }
        Paragraph message = new Paragraph();
        message.addClassName("form-message");
        message.setVisible(false);
        dialog.add(message, services);
        AgencyServices[] current = {agency};
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                referrals.setServices(agency.agencyCode(), current[0].services(), services.getValue().isEmpty()
                        ? EnumSet.noneOf(ServiceKind.class) : EnumSet.copyOf(services.getValue()));
                Notifications.success(getTranslation("saved"));
                refresh();
                dialog.close();
            } catch (InvalidInputException problem) {
                FormErrors.show(this, problem, Map.of("services", services));
            } catch (ConcurrentEditException raced) {
                current[0] = referrals.agencyServices().stream()
                        .filter(a -> a.agencyCode().equals(agency.agencyCode())).findFirst().orElse(agency);
                message.setText(getTranslation("referral.services.concurrent", current[0].services().stream()
                        .map(labels::service).collect(Collectors.joining(", "))));
                message.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.services") + " · FieldAid";
    }
}
