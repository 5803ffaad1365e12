package org.fieldaid.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;

/** An address that is no page. Signed-in people only: anybody else is sent to the login page first. */
@ParentLayout(MainLayout.class)
@PermitAll
class NotFoundErrorView extends ErrorView implements HasErrorParameter<NotFoundException> {

    private final DenialAudit audit;

    NotFoundErrorView(DenialAudit audit) {
        this.audit = audit;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        audit.pageNotFound(event.getLocation().getPath());
        return showUnavailable();
    }
}
