package org.fieldaid.household.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.audit.AuditEntry;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.HouseholdTab;
import org.fieldaid.household.ProposedChange;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.settlement.Settlements;
import org.springframework.beans.factory.ObjectProvider;

/** One household: its record and members, its history from the audit log, and its approvals. */
@Route("households/:id([0-9]{1,18})")
@RolesAllowed({Authority.Codes.HOUSEHOLD_READ, Authority.Codes.HOUSEHOLD_READ_CONSENTED})
class HouseholdView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final HouseholdRegistry registry;
    private final Places places;
    private final CurrentUser currentUser;
    private final List<HouseholdTab> contributedTabs;
    private HouseholdDetails household;
    private String title = "";

    HouseholdView(HouseholdRegistry registry, Settlements settlements, CurrentUser currentUser,
            ObjectProvider<HouseholdTab> contributedTabs) {
        this.registry = registry;
        this.contributedTabs = contributedTabs.orderedStream().toList();
        this.places = new Places(settlements.all(), getLocale());
        this.currentUser = currentUser;
        addClassName("household-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow();
        household = registry.get(id);
        title = household.registrationNumber() + " · " + household.members().stream()
                .filter(m -> m.relation() == org.fieldaid.household.Relation.HEAD).findFirst()
                .map(m -> m.familyName() + " " + m.givenName()).orElse("");
        render();
    }

    private void render() {
        removeAll();
        ViewHeader header = new ViewHeader(title, getTranslation("household.view.description"));
        if (currentUser.has(Authority.HOUSEHOLD_WRITE) && household.editable()) {
            Button edit = new Button(getTranslation("household.edit-button"), VaadinIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("households/" + household.id() + "/edit")));
            header.withActions(edit);
        }
        if (currentUser.has(Authority.HOUSEHOLD_WRITE) && (household.status() == HouseholdStatus.DRAFT
                || household.status() == HouseholdStatus.REJECTED)) {
            Button submit = new Button(getTranslation("household.submit"), e -> submit());
            submit.addThemeVariants(ButtonVariant.PRIMARY);
            header.withActions(submit);
        }
        add(header);
        long returned = household.members().stream().filter(org.fieldaid.household.MemberView::returned).count();
        if (household.status() == HouseholdStatus.REGISTERED && returned > 0) {
            Paragraph partly = new Paragraph(getTranslation("household.partly-returned", returned,
                    household.members().size()));
            partly.addClassNames("form-message", "partly-returned");
            add(partly);
        }
        // duplicates and proposed changes show records without the family's consent: not for partners
        boolean fullReader = currentUser.has(Authority.HOUSEHOLD_READ);
        Optional<ProposedChange> change = fullReader && household.status() == HouseholdStatus.REGISTERED
                ? registry.pendingChange(household.id()) : Optional.empty();
        change.ifPresent(c -> {
            Paragraph waiting = new Paragraph(getTranslation("household.change.pending", c.proposedBy(),
                    AgencyNames.of(this, c.proposedAgency(), c.proposedAgency()),
                    Formats.dateTime(c.proposedAt(), getLocale()),
                    AgencyNames.of(this, household.agencyCode(), household.agencyCode())));
            waiting.addClassName("form-message");
            add(waiting);
        });
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        boolean pending = household.status() == HouseholdStatus.SUBMITTED || household.status() == HouseholdStatus.DRAFT;
        tabs.add(getTranslation("household.tab.record"), new HouseholdCard(household, places,
                pending && fullReader ? registry.duplicatesOf(household.id()) : List.of(),
                "household.duplicates.help-record", registry.consents(household.id())));
        change.ifPresent(c -> tabs.add(getTranslation("household.tab.change"), new HouseholdCard(c.proposed(), places,
                c.duplicates(), "household.duplicates.help-record")));
        tabs.add(getTranslation("household.tab.history"), history());
        tabs.add(getTranslation("household.tab.approvals"), approvals());
        // aid, journeys and referrals contribute their own tabs; each decides whether this reader sees it
        for (HouseholdTab tab : contributedTabs) {
            tab.render(household).ifPresent(content -> tabs.add(getTranslation(tab.labelKey()), content));
        }
        add(tabs);
    }

    private void submit() {
        try {
            household = registry.submit(household.id(), household.version(), null);
            Notifications.success(getTranslation("household.submitted", household.registrationNumber()));
            render();
        } catch (InvalidInputException ex) {
            if (ex.problems().containsKey("justification")) {
                getUI().ifPresent(ui -> ui.navigate("households/" + household.id() + "/edit"));
                Notifications.error(getTranslation("household.error.justification-required"));
            } else {
                // a draft saved before the family told everything: the form is where the rest is filled in
                getUI().ifPresent(ui -> ui.navigate("households/" + household.id() + "/edit"));
                Notifications.error(getTranslation("household.error.incomplete"));
            }
        } catch (ConcurrentEditException ex) {
            Notifications.error(getTranslation("error.concurrent-edit"));
        }
    }

    private Grid<AuditEntry> history() {
        Grid<AuditEntry> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> Formats.dateTime(e.occurredAt(), getLocale())).setHeader(getTranslation("audit.when"))
                .setWidth("11rem").setFlexGrow(0);
        grid.addColumn(e -> e.actor() + (e.agencyCode() == null ? "" : " (" + e.agencyCode() + ")"))
                .setHeader(getTranslation("audit.actor")).setWidth("10rem").setFlexGrow(0);
        grid.addColumn(e -> org.fieldaid.base.ui.AuditActions.label(this, e.action()))
                .setHeader(getTranslation("audit.action")).setWidth("10rem").setFlexGrow(0);
        grid.addColumn(e -> org.fieldaid.base.ui.AuditActions.summary(this, e.summaryKey(), e.arguments(),
                e.summary())).setHeader(getTranslation("audit.summary")).setFlexGrow(1);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(e -> new Div(
                new Paragraph(getTranslation("audit.before") + ": " + (e.before() == null ? "—" : e.before())),
                new Paragraph(getTranslation("audit.after") + ": " + (e.after() == null ? "—" : e.after())))));
        grid.setItems(registry.history(household.id()));
        return grid;
    }

    private Grid<ApprovalView> approvals() {
        Grid<ApprovalView> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(a -> Formats.dateTime(a.requestedAt(), getLocale())).setHeader(getTranslation("approval.requested-at"))
                .setWidth("11rem").setFlexGrow(0);
        grid.addColumn(ApprovalView::requestedBy).setHeader(getTranslation("approval.requested-by")).setWidth("9rem");
        grid.addColumn(a -> getTranslation("approval.status." + a.status().name())).setHeader(getTranslation("household.status"))
                .setWidth("8rem");
        grid.addColumn(a -> a.decidedBy() == null ? "" : a.decidedBy() + " · " + Formats.dateTime(a.decidedAt(), getLocale()))
                .setHeader(getTranslation("approval.decided-by")).setWidth("12rem");
        grid.addColumn(a -> a.decisionReason() == null ? "" : a.decisionReason())
                .setHeader(getTranslation("approval.reason")).setFlexGrow(1);
        grid.setItems(registry.approvals(household.id()));
        return grid;
    }

    @Override
    public String getPageTitle() {
        return title + " · FieldAid";
    }
}
