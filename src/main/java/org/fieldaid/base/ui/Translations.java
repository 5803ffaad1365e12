package org.fieldaid.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The texts in {@code vaadin-i18n/translations*.properties}. Vaadin's default provider would offer only the
 * suffixed files (so a browser asking for English got the first of the others) and would fall back to the
 * server's default locale; this one offers exactly our four languages and falls back to English only.
 */
@Component
public class Translations implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final String BUNDLE = "vaadin-i18n.translations";
    private static final ResourceBundle.Control NO_SERVER_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    /** Whether a text exists for the key; every language file has the same keys (I18nKeysTest). */
    public static boolean exists(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, NO_SERVER_LOCALE_FALLBACK).containsKey(key);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = Languages.supported(locale);
        String text;
        try {
            text = ResourceBundle.getBundle(BUNDLE, language, NO_SERVER_LOCALE_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            log.warn("No translation for '{}' in {}", key, language);
            return "!" + key;
        }
        return params.length == 0 ? text : new MessageFormat(text, language).format(params);
    }
}
