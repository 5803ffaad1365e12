package org.fieldaid.aid.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The parts every printed aid page shares: the bar that the print leaves out, and the signature lines. */
final class PrintPage {

    private PrintPage() {
    }

    /** Print and back, shown on screen only. */
    static HorizontalLayout toolbar(Div page, String backRoute) {
        Button print = new Button(page.getTranslation("aid.print.print"), VaadinIcon.PRINT.create(),
                click -> page.getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.PRIMARY);
        Anchor back = new Anchor(backRoute, page.getTranslation("aid.print.back"));
        HorizontalLayout bar = new HorizontalLayout(print, back);
        bar.addClassName("no-print");
        bar.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        return bar;
    }

    static Div signature(Div page, String labelKey) {
        Div line = new Div(new Span(page.getTranslation(labelKey)));
        line.addClassName("print-signature");
        return line;
    }

    static Div field(String label, String value) {
        Span name = new Span(label);
        name.addClassName("print-label");
        Span text = new Span(value == null ? "" : value);
        text.addClassName("print-value");
        Div row = new Div(name, text);
        row.addClassName("print-field");
        return row;
    }
}
