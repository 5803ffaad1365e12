package org.fieldaid.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The languages FieldAid speaks, and the switch that changes them. */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
            Locale.forLanguageTag("hy"), Locale.forLanguageTag("az"));

    private Languages() {
    }

    /** The supported language closest to the one asked for; English when none is close. */
    public static Locale supported(Locale wanted) {
        if (wanted == null) {
            return Locale.ENGLISH;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
    }

    /** Each language named in itself, so that a person who cannot read the current one still finds theirs. */
    public static Select<Locale> switcher(Locale current, Consumer<Locale> onChange) {
        Select<Locale> select = new Select<>();
        select.setItems(SUPPORTED);
        select.setItemLabelGenerator(l -> capitalise(l.getDisplayLanguage(l), l));
        select.setValue(supported(current));
        select.addClassName("language-switch");
        select.setAriaLabel("Language / Язык / Լեզու / Dil");
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                onChange.accept(e.getValue());
            }
        });
        return select;
    }

    /** Switches this person's session to the language, and redraws the page in it. */
    public static void apply(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI ui = UI.getCurrent();
        ui.setLocale(locale);
        ui.getPage().reload();
    }

    private static String capitalise(String s, Locale l) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(l) + s.substring(1);
    }
}
