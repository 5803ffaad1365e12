package org.fieldaid.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.fieldaid.base.Caller;
import org.fieldaid.base.ui.Languages;
import org.fieldaid.security.UserPreferences;
import org.springframework.stereotype.Component;

/** Per session: the error handler, and the language the signed-in person chose last time. */
@Component
class UiSetup implements VaadinServiceInitListener {

    private static final String LOCALE_RESTORED = "fieldaid.locale-restored";

    private final UserPreferences preferences;
    private final Caller caller;

    UiSetup(UserPreferences preferences, Caller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(new FriendlyErrorHandler()));
        event.getSource().addUIInitListener(e -> restoreLocale(e.getUI()));
    }

    private void restoreLocale(UI ui) {
        VaadinSession session = ui.getSession();
        if (caller.authentication().isEmpty()) {
            session.setLocale(Languages.supported(session.getLocale()));
            ui.setLocale(session.getLocale());
            return;
        }
        if (session.getAttribute(LOCALE_RESTORED) == null) {
            session.setAttribute(LOCALE_RESTORED, Boolean.TRUE);
            preferences.preferredLocale().map(Locale::forLanguageTag).map(Languages::supported)
                    .ifPresent(session::setLocale);
        }
        ui.setLocale(session.getLocale());
    }
}
