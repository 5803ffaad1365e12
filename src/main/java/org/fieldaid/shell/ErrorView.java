package org.fieldaid.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.HttpStatusCode;

/**
 * The one page shown in place of a page that cannot be shown, in the main layout and the person's language.
 * A missing record, a record that is not theirs, a page their role does not open and an address that is no page
 * all read the same and answer the same status, so that nobody can tell from it what exists. No exception text
 * is ever shown. The subclasses only tell Vaadin which failures they stand in for.
 */
abstract class ErrorView extends VerticalLayout implements HasDynamicTitle {

    private String title = "";

    ErrorView() {
        addClassName("error-view");
        setPadding(true);
    }

    /** @return the HTTP status for the first load of the page */
    protected int showUnavailable() {
        show("error.page.unavailable.title", getTranslation("error.page.unavailable.message"),
                getTranslation("error.page.unavailable.help"));
        return HttpStatusCode.NOT_FOUND.getCode();
    }

    /** @return the HTTP status for the first load of the page */
    protected int showFailure(String reference) {
        show("error.page.failed.title", getTranslation("error.page.failed.message"),
                getTranslation("error.page.failed.reference", reference));
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }

    private void show(String titleKey, String message, String help) {
        removeAll();
        title = getTranslation(titleKey);
        Div card = new Div();
        card.addClassNames("card", "error-card");
        card.getElement().setAttribute("role", "alert");
        H1 heading = new H1(title);
        heading.addClassName("error-title");
        Paragraph text = new Paragraph(message);
        text.addClassName("error-message");
        Paragraph hint = new Paragraph(help);
        hint.addClassName("error-help");
        RouterLink home = new RouterLink(getTranslation("error.page.home"), HomeView.class);
        home.addClassName("error-home");
        card.add(VaadinIcon.FILE_SEARCH.create(), heading, text, hint, home);
        add(card);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
