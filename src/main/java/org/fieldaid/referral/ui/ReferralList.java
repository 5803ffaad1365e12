package org.fieldaid.referral.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import java.util.List;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.GridRows;
import org.fieldaid.base.ui.NarrowScreenColumns;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.referral.ReferralExports;
import org.fieldaid.referral.ReferralQuery;
import org.fieldaid.referral.ReferralRow;
import org.fieldaid.referral.Referrals;
import org.fieldaid.report.Exports;
import org.fieldaid.report.ui.ExportDialog;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;

/**
 * A list of referrals, newest first, paged and counted in the database, and the one opened from it below the list
 * with what may be done with it. The inbox and the sent list differ in their filters and columns.
 */
// the lists' own rules (a long service name wraps) must not wait for a referral card to load the sheet
@StyleSheet("referral.css")
abstract class ReferralList extends VerticalLayout implements HasDynamicTitle, HasUrlParameter<Long> {

    protected final Referrals referrals;
    protected final CurrentUser currentUser;
    protected final ReferralLabels labels;
    protected final Grid<ReferralRow> grid = new Grid<>();
    protected final ViewHeader header;
    private final Div detail = new Div();
    private final Span total = new Span();
    private final String path;
    private final String titleKey;

    ReferralList(Referrals referrals, CurrentUser currentUser, ReferralExports referralExports, Exports exports,
                 String path, String titleKey, String descriptionKey) {
        this.referrals = referrals;
        this.currentUser = currentUser;
        this.path = path;
        this.titleKey = titleKey;
        this.labels = new ReferralLabels(this, referrals.agencyServices());
        addClassName("referral-list-view");
        setWidthFull();
        header = new ViewHeader(getTranslation(titleKey), getTranslation(descriptionKey));
        if (currentUser.has(Authority.EXPORT_PERSONAL) || currentUser.has(Authority.EXPORT_AGGREGATE)) {
            Button export = new Button(getTranslation("export.button"), VaadinIcon.DOWNLOAD_ALT.create(),
                    e -> new ExportDialog(exports, List.of(referralExports.referrals(query())),
                            getTranslation(titleKey)).open());
            export.addClassName("export-button");
            header.withActions(export);
        }
        add(header);
    }

    /** Called by the subclass once its filters are in place. */
    protected void finish(Grid.Column<?>... secondary) {
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addComponentColumn(labels::badges).setHeader(getTranslation("referral.status")).setWidth("9.5rem")
                .setFlexGrow(0);
        NarrowScreenColumns.hideBelow(grid, 700, List.of(secondary));
        grid.setPageSize(50);
        grid.setHeight("24rem");
        GridRows.openWith(grid, r -> getUI().ifPresent(ui -> ui.navigate(path + "/" + r.id())));
        total.addClassName("form-help");
        detail.addClassName("referral-detail");
        add(total, grid, detail);
        refresh();
    }

    protected Grid.Column<ReferralRow> sentColumn() {
        return grid.addColumn(r -> Formats.dateTime(r.sentAt(), getLocale())).setHeader(getTranslation("referral.sent-at"))
                .setWidth("8.5rem").setFlexGrow(0);
    }

    protected Grid.Column<ReferralRow> serviceColumn() {
        // wide enough for the longest word of a service name ("Психосоциальная") at 800 px; the agency beside it
        // takes the room left ("чрезвычайным")
        return grid.addColumn(r -> labels.service(r.service())).setHeader(getTranslation("referral.service"))
                .setWidth("11.5rem").setFlexGrow(0);
    }

    protected abstract ReferralQuery query();

    protected void refresh() {
        ReferralQuery query = query();
        long found = referrals.count(query);
        total.setText(getTranslation("referral.list.count", Formats.number(found, getLocale())));
        grid.setItems(q -> referrals.list(query, q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, referrals.count(query)));
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        detail.removeAll();
        if (id != null) {
            // a guessed or stale address fails the navigation, so that the error view answers it as it answers
            // every record that is missing or not the caller's, and audits it
            referrals.referral(id);
            show(id);
        }
    }

    private void show(long id) {
        detail.removeAll();
        try {
            detail.add(new ReferralCard(referrals, currentUser, labels, referrals.referral(id), true, changed -> {
                refresh();
                show(changed.id());
            }));
        } catch (RecordNotFoundException missing) {
            Notifications.error(getTranslation("error.not-found"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · FieldAid";
    }
}
