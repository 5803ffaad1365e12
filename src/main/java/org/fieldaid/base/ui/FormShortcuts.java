package org.fieldaid.base.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.button.Button;

/**
 * Keyboard shortcuts for a form's buttons. A shortcut fires before the field being typed in sends its value to the
 * server, so the value typed last would be lost (Vaadin's {@link ShortcutRegistration}); these first take the focus
 * off that field and give it back, which commits it.
 */
public final class FormShortcuts {

    private FormShortcuts() {
    }

    public static ShortcutRegistration click(Button button, Key key, KeyModifier... modifiers) {
        return button.addClickShortcut(key, modifiers).resetFocusOnActiveElement();
    }
}
