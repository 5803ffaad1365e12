package org.fieldaid.aid.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.fieldaid.aid.Aid;
import org.fieldaid.security.Authority;

/** Where the inbox's "open the record" leads for an exception: the household it is for, whose Aid tab shows it. */
@Route("aid/exceptions")
@RolesAllowed(Authority.Codes.AID_READ)
class ExceptionRouteView extends Div implements HasUrlParameter<Long> {

    private final Aid aid;

    ExceptionRouteView(Aid aid) {
        this.aid = aid;
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        event.forwardTo("households/" + aid.exception(id).householdId());
    }
}
