package org.fieldaid.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.Languages;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.security.FieldAidUser;
import org.fieldaid.security.UserPreferences;

/**
 * The frame around every signed-in view: product name, who is signed in and for which agency, the
 * language switch and logout; on the side, only the views this person may open.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final CurrentUser currentUser;
    private final UserPreferences preferences;
    private final SideNav nav = new SideNav();

    public MainLayout(CurrentUser currentUser, UserPreferences preferences) {
        this.currentUser = currentUser;
        this.preferences = preferences;
        setPrimarySection(Section.NAVBAR);
        addToNavbar(new DrawerToggle(), brand(), userBox());
        nav.addClassName("main-nav");
        addToDrawer(new Scroller(nav));
    }

    private Component brand() {
        Span name = new Span(getTranslation("app.name"));
        name.addClassName("brand-name");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("brand-tagline");
        Div brand = new Div(name, tagline);
        brand.addClassName("brand");
        return brand;
    }

    private Component userBox() {
        Div box = new Div();
        box.addClassName("user-box");
        currentUser.get().ifPresent(user -> box.add(identity(user)));
        box.add(Languages.switcher(getLocale(), locale -> {
            preferences.setPreferredLocale(locale.toLanguageTag());
            Languages.apply(locale);
        }));
        Button logout = new Button(getTranslation("action.logout"), new Icon(VaadinIcon.SIGN_OUT),
                e -> currentUser.logout());
        logout.addThemeVariants(ButtonVariant.TERTIARY);
        logout.addClassName("logout");
        // on a narrow screen the label is hidden and only the icon shows
        logout.setAriaLabel(getTranslation("action.logout"));
        logout.setTooltipText(getTranslation("action.logout"));
        box.add(logout);
        return box;
    }

    private Component identity(FieldAidUser user) {
        Span name = new Span(user.fullName());
        name.addClassName("user-name");
        String agencyName = AgencyNames.of(this, user.getAgencyCode(), user.agencyName());
        Span agency = new Span(agencyName);
        agency.addClassName("user-agency");
        // a long name is cut short on a tablet; the whole of it is one hover or long press away
        agency.getElement().setAttribute("title", agencyName);
        Div who = new Div(name, agency);
        who.addClassName("user-identity");
        return who;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (nav.getItems().isEmpty()) {
            buildNavigation();
        }
    }

    /** Vaadin lists only the views whose access annotations let this person in. */
    private void buildNavigation() {
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(new Icon("vaadin", entry.icon().substring("vaadin:".length())));
            }
            nav.addItem(item);
        }
    }
}
