package org.fieldaid.referral.ui;

import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.referral.ReferralExports;
import org.fieldaid.referral.ReferralQuery;
import org.fieldaid.referral.ReferralStatus;
import org.fieldaid.referral.Referrals;
import org.fieldaid.report.Exports;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;

/**
 * The receiving agency's inbox: new referrals, accepted ones being worked on, urgent ones overdue, or all. A new
 * referral shows its preview only (service, urgency, names and ages) until somebody accepts it.
 */
@Route("referrals")
@RolesAllowed(Authority.Codes.REFERRAL_RECEIVE)
@Menu(title = "nav.referrals", order = 25, icon = "vaadin:exchange")
class ReferralInboxView extends ReferralList {

    private final Tabs boxes = new Tabs();
    private final Map<Tab, ReferralQuery> queries = new LinkedHashMap<>();

    ReferralInboxView(Referrals referrals, CurrentUser currentUser, ReferralExports referralExports,
                      Exports exports) {
        super(referrals, currentUser, referralExports, exports, "referrals", "nav.referrals",
                "referral.inbox.description");
        addClassName("referral-inbox");
        queries.put(new Tab(), ReferralQuery.received(ReferralStatus.SENT));
        queries.put(new Tab(), ReferralQuery.received(ReferralStatus.ACCEPTED));
        queries.put(new Tab(), ReferralQuery.received(null).overdue());
        queries.put(new Tab(), ReferralQuery.received(null));
        queries.keySet().forEach(boxes::add);
        label();
        boxes.addClassName("referral-boxes");
        boxes.addSelectedChangeListener(e -> refresh());
        add(boxes);
        sentColumn();
        serviceColumn();
        grid.addColumn(r -> labels.agency(r.fromAgency())).setHeader(getTranslation("referral.from")).setFlexGrow(2);
        var members = grid.addColumn(labels::members).setHeader(getTranslation("referral.members")).setFlexGrow(2);
        finish(members);
    }

    private void label() {
        String[] keys = {"referral.inbox.new", "referral.inbox.accepted", "referral.inbox.overdue",
                "referral.inbox.all"};
        int i = 0;
        for (Map.Entry<Tab, ReferralQuery> box : queries.entrySet()) {
            String key = keys[i++];
            box.getKey().setLabel(key.endsWith("all") ? getTranslation(key) : getTranslation(key,
                    Formats.number(referrals.count(box.getValue()), getLocale())));
            box.getKey().addClassName("referral-box-" + key.substring(key.lastIndexOf('.') + 1));
        }
    }

    @Override
    protected ReferralQuery query() {
        Tab selected = boxes.getSelectedTab();
        return selected == null ? queries.values().iterator().next() : queries.get(selected);
    }

    @Override
    protected void refresh() {
        if (!queries.isEmpty()) {
            label();
        }
        super.refresh();
    }
}
