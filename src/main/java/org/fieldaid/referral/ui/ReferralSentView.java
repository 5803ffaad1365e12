package org.fieldaid.referral.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.fieldaid.referral.ReferralExports;
import org.fieldaid.referral.ReferralQuery;
import org.fieldaid.referral.ReferralStatus;
import org.fieldaid.referral.Referrals;
import org.fieldaid.report.Exports;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;

/**
 * The referrals the caller's agency sent, with every change of state; its supervisors are told of the urgent ones
 * that nobody accepted in time.
 */
@Route("referrals/sent")
@RolesAllowed({Authority.Codes.REFERRAL_READ, Authority.Codes.REFERRAL_SEND, Authority.Codes.REFERRAL_SUPERVISE})
@Menu(title = "nav.referrals.sent", order = 26, icon = "vaadin:paperplane")
class ReferralSentView extends ReferralList {

    private final Select<ReferralQuery.Box> box = new Select<>();
    private final Select<ReferralStatus> status = new Select<>();
    private final Checkbox overdueOnly = new Checkbox();

    ReferralSentView(Referrals referrals, CurrentUser currentUser, ReferralExports referralExports, Exports exports) {
        super(referrals, currentUser, referralExports, exports, "referrals/sent", "nav.referrals.sent",
                "referral.sent.description");
        addClassName("referral-sent");
        if (currentUser.has(Authority.REFERRAL_SUPERVISE)) {
            long overdue = referrals.overdueSent();
            if (overdue > 0) {
                Paragraph reminder = new Paragraph(getTranslation("referral.sent.overdue-reminder", overdue,
                        referrals.urgentWithin().toHours()));
                reminder.addClassNames("form-message", "referral-overdue-reminder");
                reminder.getElement().setAttribute("role", "status");
                Button show = new Button(getTranslation("referral.sent.overdue-show"), e -> overdueOnly.setValue(true));
                Div box = new Div(reminder, show);
                box.addClassName("referral-reminder");
                add(box);
            }
        }
        status.setLabel(getTranslation("referral.status"));
        status.setItems(ReferralStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("filter.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("filter.any")
                : getTranslation("referral.status." + s.name()));
        overdueOnly.setLabel(getTranslation("referral.sent.overdue-only"));
        status.addValueChangeListener(e -> refresh());
        overdueOnly.addValueChangeListener(e -> {
            status.setEnabled(!e.getValue());
            refresh();
        });
        // an analyst takes no referrals and has no inbox: they read both directions here
        box.setLabel(getTranslation("referral.sent.box"));
        box.setItems(ReferralQuery.Box.values());
        box.setItemLabelGenerator(b -> getTranslation("referral.sent.box." + b.name()));
        box.setValue(ReferralQuery.Box.SENT);
        box.setVisible(!currentUser.has(Authority.REFERRAL_RECEIVE));
        box.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(box, status, overdueOnly);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(filters);
        sentColumn();
        grid.addColumn(r -> r.registrationNumber() + " · " + r.headName())
                .setHeader(getTranslation("referral.household")).setFlexGrow(1);
        serviceColumn();
        var to = grid.addColumn(r -> labels.agency(r.toAgency())).setHeader(getTranslation("referral.to"))
                .setFlexGrow(2);
        finish(to);
    }

    @Override
    protected ReferralQuery query() {
        ReferralQuery query = new ReferralQuery(box.getValue() == null ? ReferralQuery.Box.SENT : box.getValue(),
                status.getValue(), false);
        return overdueOnly.getValue() ? query.overdue() : query;
    }
}
