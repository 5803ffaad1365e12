package org.fieldaid.base.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Combo boxes that take what is typed. The web component selects on Enter only an item whose whole label was typed
 * or one picked with the arrow keys; a person types "Gor" and presses Enter, and expects Goris. Here the text left in
 * the box (on Enter or on leaving it) chooses the first item the drop-down showed for it.
 */
public final class Pickers {

    private Pickers() {
    }

    /** For in-memory items matched by their label. */
    public static <T> void acceptTypedChoice(ComboBox<T> box) {
        acceptTypedChoice(box, typed -> {
            Locale locale = box.getUI().map(ui -> ui.getLocale()).orElse(Locale.ROOT);
            String wanted = typed.toLowerCase(locale);
            return box.getListDataView().getItems()
                    .filter(item -> box.getItemLabelGenerator().apply(item).toLowerCase(locale).contains(wanted))
                    .findFirst();
        });
    }

    /** @param firstMatch the item the drop-down lists first for the typed text, in the same order */
    public static <T> void acceptTypedChoice(ComboBox<T> box, Function<String, Optional<T>> firstMatch) {
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(e -> {
            String typed = e.getDetail() == null ? "" : e.getDetail().strip();
            Optional<T> match = typed.isEmpty() ? Optional.empty() : firstMatch.apply(typed);
            if (match.isPresent()) {
                box.setValue(match.get());
                box.setInvalid(false);
            } else {
                box.clear();
                box.setErrorMessage(box.getTranslation("validation.no-such-choice", typed));
                box.setInvalid(true);
            }
        });
    }
}
