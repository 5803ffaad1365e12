package org.fieldaid.shell;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;

/**
 * A page that the signed-in person's role does not open (Vaadin's navigation access control). It reads like an
 * address that is no page, so the menu of a role cannot be learnt by guessing addresses.
 */
@ParentLayout(MainLayout.class)
@PermitAll
class AccessDeniedErrorView extends ErrorView implements HasErrorParameter<AccessDeniedException> {

    private final DenialAudit audit;

    AccessDeniedErrorView(DenialAudit audit) {
        this.audit = audit;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        audit.pageDenied(event.getLocation().getPath());
        return showUnavailable();
    }
}
