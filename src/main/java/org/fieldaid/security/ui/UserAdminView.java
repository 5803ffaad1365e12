package org.fieldaid.security.ui;

import org.fieldaid.base.ui.GridRows;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.stream.Collectors;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.security.AgencyAdministration;
import org.fieldaid.security.Authority;
import org.fieldaid.security.UserAdministration;
import org.fieldaid.security.UserRow;

@Route("admin/users")
@RolesAllowed(Authority.Codes.USER_MANAGE)
@Menu(title = "nav.admin.users", order = 90, icon = "vaadin:users")
class UserAdminView extends VerticalLayout implements HasDynamicTitle {

    private final UserAdministration users;
    private final AgencyAdministration agencies;
    private final Clock clock;
    private final Grid<UserRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Span count = new Span();

    UserAdminView(UserAdministration users, AgencyAdministration agencies, Clock clock) {
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
        addClassName("admin-view");
        setSizeFull();

        search.setPlaceholder(getTranslation("user.search.placeholder"));
        search.setAriaLabel(getTranslation("user.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        Button add = new Button(getTranslation("user.new"), VaadinIcon.PLUS.create(), e -> openEditor(null));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        count.addClassName("result-count");

        add(new ViewHeader(getTranslation("nav.admin.users"), getTranslation("user.description"))
                .withActions(search, add), count);
        configureGrid();
        addAndExpand(grid);
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(UserRow::username).setHeader(getTranslation("user.username")).setKey("username")
                .setSortable(true).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(UserRow::fullName).setHeader(getTranslation("user.full-name")).setKey("fullName")
                .setSortable(true).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(u -> AgencyNames.of(this, u.agencyCode(), u.agencyName())).setHeader(getTranslation("user.agency")).setWidth("12rem").setFlexGrow(2);
        grid.addColumn(u -> u.roles().stream().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("user.roles")).setWidth("10.5rem")
                .setFlexGrow(1);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("user.status")).setWidth("8rem")
                .setFlexGrow(0);
        GridRows.openWith(grid, this::openEditor);
        grid.setItems(query -> users.find(search.getValue(),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(), query -> (int) users.count(search.getValue()));
    }

    private Span statusBadge(UserRow user) {
        Span badge = new Span();
        badge.addClassName("badge");
        if (user.lockedAt(clock.instant())) {
            badge.setText(getTranslation("user.status.locked", Formats.dateTime(user.lockedUntil(), getLocale())));
            badge.addClassName("badge-error");
        } else if (!user.enabled()) {
            badge.setText(getTranslation("user.status.disabled"));
            badge.addClassName("badge-muted");
        } else {
            badge.setText(getTranslation("user.status.active"));
            badge.addClassName("badge-success");
        }
        return badge;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        count.setText(getTranslation("result.count", Formats.number(users.count(search.getValue()), getLocale())));
    }

    private void openEditor(UserRow user) {
        new UserDialog(users, agencies.all(), user, clock, this::refresh).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.users") + " · FieldAid";
    }
}
