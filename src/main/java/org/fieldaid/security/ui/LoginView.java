package org.fieldaid.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.fieldaid.base.ui.Languages;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        addClassName("login-view");
        Div panel = new Div();
        panel.addClassName("login-panel");

        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("login-title");
        Paragraph intro = new Paragraph(getTranslation("login.intro"));
        intro.addClassName("login-intro");

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(null));

        Div languages = new Div(Languages.switcher(getLocale(), Languages::apply));
        languages.addClassName("login-languages");

        panel.add(languages, title, intro, login);
        add(panel);
    }

    private LoginI18n i18n(String errorKey) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        String key = errorKey == null ? "login.error.bad-credentials" : errorKey;
        error.setTitle(getTranslation(key + ".title"));
        error.setMessage(getTranslation(key + ".message"));
        error.setUsername(getTranslation("login.error.username-required"));
        error.setPassword(getTranslation("login.error.password-required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            login.setI18n(i18n(errorKey()));
            login.setError(true);
        }
    }

    /** Spring Security leaves the reason of the last failed login in the session. */
    private static String errorKey() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        Object reason = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (reason instanceof LockedException) {
            return "login.error.locked";
        }
        if (reason instanceof DisabledException) {
            return "login.error.disabled";
        }
        return "login.error.bad-credentials";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · FieldAid";
    }
}
