package org.fieldaid.household.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.fieldaid.household.HouseholdStatus;

final class StatusBadge {

    private StatusBadge() {
    }

    static Span of(HouseholdStatus status, Component context) {
        Span badge = new Span(context.getTranslation("household.status." + status.name()));
        badge.addClassNames("badge", switch (status) {
            case REGISTERED, RETURNED -> "badge-success";
            case SUBMITTED -> "badge-warning";
            case REJECTED -> "badge-error";
            case DRAFT, CLOSED -> "badge-muted";
        });
        return badge;
    }
}
