package org.fieldaid.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/** A view's title, a one-line explanation, and its actions on the right (wrapping on a tablet). */
public class ViewHeader extends Div {

    private final Div actions = new Div();
    private final H1 title = new H1();

    public ViewHeader(String title, String description) {
        addClassName("view-header");
        this.title.setText(title);
        Div text = new Div(this.title);
        text.addClassName("view-header-text");
        if (description != null) {
            Paragraph p = new Paragraph(description);
            p.addClassName("view-header-description");
            text.add(p);
        }
        actions.addClassName("view-header-actions");
        add(text, actions);
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    public ViewHeader withActions(Component... components) {
        actions.add(components);
        return this;
    }
}
