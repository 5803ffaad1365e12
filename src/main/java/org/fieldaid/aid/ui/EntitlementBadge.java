package org.fieldaid.aid.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.fieldaid.aid.EntitlementRow;
import org.fieldaid.aid.EntitlementStatus;
import org.fieldaid.aid.RoundStatus;

/** The state of an entitlement in words an officer reads at a glance: due now, awaiting approval, delivered... */
final class EntitlementBadge {

    private EntitlementBadge() {
    }

    static Span of(Component context, EntitlementRow e) {
        String key;
        if (e.status() == EntitlementStatus.DUE && e.roundStatus() == RoundStatus.REJECTED) {
            key = "aid.entitlement.rejected";
        } else if (e.status() == EntitlementStatus.DUE && e.roundStatus() != RoundStatus.APPROVED) {
            key = "aid.entitlement.awaiting-approval";
        } else {
            key = "aid.entitlement.status." + e.status().name();
        }
        Span badge = new Span(context.getTranslation(key));
        badge.addClassNames("badge", e.deliverable() ? "badge-warning"
                : e.status() == EntitlementStatus.DELIVERED || e.status() == EntitlementStatus.PARTLY_DELIVERED
                ? "badge-success" : "badge-muted");
        return badge;
    }
}
