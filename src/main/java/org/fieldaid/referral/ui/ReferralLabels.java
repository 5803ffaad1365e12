package org.fieldaid.referral.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.referral.AgencyServices;
import org.fieldaid.referral.ReferralMember;
import org.fieldaid.referral.ReferralRow;
import org.fieldaid.referral.ReferralStatus;
import org.fieldaid.referral.ServiceKind;

/** Agencies, services, members and statuses as the referral screens write them. */
final class ReferralLabels {

    private final Component context;
    private final Map<String, String> agencyNames;

    ReferralLabels(Component context, List<AgencyServices> agencies) {
        this.context = context;
        this.agencyNames = agencies.stream().collect(Collectors.toMap(AgencyServices::agencyCode,
                AgencyServices::agencyName, (a, b) -> a));
    }

    String agency(String code) {
        return AgencyNames.of(context, code, agencyNames.getOrDefault(code, code));
    }

    String service(ServiceKind service) {
        return context.getTranslation("referral.service." + service.name());
    }

    String member(ReferralMember m) {
        if (m.age() == null) {
            return m.fullName();
        }
        return context.getTranslation(m.ageEstimated() ? "referral.member.age-estimated" : "referral.member.age",
                m.fullName(), m.age());
    }

    String members(ReferralRow r) {
        return r.members().stream().map(this::member).collect(Collectors.joining("; "));
    }

    Span status(ReferralStatus status) {
        Span badge = new Span(context.getTranslation("referral.status." + status.name()));
        badge.addClassNames("badge", "referral-status", switch (status) {
            case COMPLETED, ACCEPTED -> "badge-success";
            case SENT -> "badge-warning";
            case DECLINED, REVOKED -> "badge-error";
        });
        return badge;
    }

    /** Status, and whether it is urgent or overdue, in one cell. */
    Span badges(ReferralRow r) {
        Span cell = new Span(status(r.status()));
        cell.addClassName("referral-badges");
        if (r.overdue()) {
            Span overdue = new Span(context.getTranslation("referral.overdue"));
            overdue.addClassNames("badge", "badge-error", "referral-overdue");
            cell.add(overdue);
        } else if (r.urgency() == org.fieldaid.referral.Urgency.URGENT && !r.status().ended()) {
            Span urgent = new Span(context.getTranslation("referral.urgency.URGENT"));
            urgent.addClassNames("badge", "badge-warning", "referral-urgent");
            cell.add(urgent);
        }
        return cell;
    }
}
