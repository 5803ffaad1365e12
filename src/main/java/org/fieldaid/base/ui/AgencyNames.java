package org.fieldaid.base.ui;

import com.vaadin.flow.component.Component;

/**
 * An agency's name as a person reads it. Agency names are stored in English; the agencies seeded with the system
 * have a translation under {@code agency.CODE}. An agency an administrator adds later has none and keeps the name
 * it was given.
 */
public final class AgencyNames {

    private AgencyNames() {
    }

    public static String of(Component where, String code, String storedName) {
        String key = "agency." + code;
        return code != null && Translations.exists(key) ? where.getTranslation(key) : storedName;
    }
}
