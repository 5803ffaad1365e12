package org.fieldaid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.security.Authority;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.junit.jupiter.api.Test;

class HomeViewTest extends BrowserlessViewTest {

    @Test
    @AsDemoUser("mchs.officer")
    void fieldOfficerIsToldWhatTheyCanDoAndSeesNoAdministration() {
        HomeView home = navigate(HomeView.class);

        assertThat(promised()).contains("HOUSEHOLD:WRITE", "HOUSEHOLD:READ")
                .doesNotContain("HOUSEHOLD:APPROVE", "USER:MANAGE");
        assertThat(navLabels()).contains(home.getTranslation("nav.home"))
                .doesNotContain(home.getTranslation("nav.admin.users"), home.getTranslation("nav.admin.audit"));
    }

    @Test
    @AsDemoUser("mchs.officer")
    void aidIsPromisedToTheFieldOfficerNowThatItHasScreens() {
        navigate(HomeView.class);
        assertThat(promised()).contains("AID:READ", "AID:DISTRIBUTE", "AID:PLAN")
                .doesNotContain("AID:APPROVE", "STOCK:MANAGE", "CATALOGUE:MANAGE");
    }

    @Test
    @AsDemoUser("admin")
    void adminSeesTheAdministrationViewsInTheNavigation() {
        HomeView home = navigate(HomeView.class);
        assertThat(navLabels()).contains(home.getTranslation("nav.admin.users"), home.getTranslation("nav.admin.agencies"),
                home.getTranslation("nav.admin.settlements"), home.getTranslation("nav.admin.audit"));
        assertThat(promised()).contains("CATALOGUE:MANAGE").doesNotContain("AID:READ", "STOCK:MANAGE");
    }

    @Test
    @AsDemoUser("mchs.supervisor")
    void supervisorIsToldTheyCanApproveRegistrationsAndAidAndManageStock() {
        // a supervisor starts on the dashboard; "home" still says what they can do
        navigate("home", HomeView.class);
        assertThat(promised()).contains("HOUSEHOLD:APPROVE", "AID:APPROVE", "STOCK:MANAGE")
                .doesNotContain("CATALOGUE:MANAGE", "USER:MANAGE");
    }

    @Test
    @AsDemoUser("mfa.analyst")
    void anAnalystIsPromisedTheRegistryItsExportsAndReports() {
        navigate("home", HomeView.class);
        assertThat(promised()).contains("HOUSEHOLD:READ", "EXPORT:PERSONAL", "EXPORT:AGGREGATE", "REPORT:READ")
                .doesNotContain("HOUSEHOLD:WRITE");
    }

    @Test
    @AsDemoUser("border.officer")
    void theBorderOfficerIsPromisedTheCheckpointAndNotTheRegistry() {
        navigate(HomeView.class);
        assertThat(promised()).contains("CHECKPOINT:LOG").doesNotContain("HOUSEHOLD:READ", "EXPORT:PERSONAL");
    }

    @Test
    @AsDemoUser("mchs.officer")
    void everyAuthorityPromisedOnTheHomePageOpensAScreen() {
        navigate(HomeView.class);
        Set<String> opening = new HashSet<>();
        RouteConfiguration.forApplicationScope().getAvailableRoutes().forEach(route -> {
            RolesAllowed allowed = route.getNavigationTarget().getAnnotation(RolesAllowed.class);
            if (allowed != null) {
                opening.addAll(List.of(allowed.value()));
            }
        });
        // recording health and protection details is an action inside the registration form, and exporting one in
        // the lists, not screens of their own
        Stream<Authority> screens = HomeView.IN_SERVICE.stream().filter(a -> a != Authority.PII_SENSITIVE
                && a != Authority.EXPORT_PERSONAL && a != Authority.EXPORT_AGGREGATE);
        assertThat(screens.map(Authority::code)).allMatch(opening::contains);
    }

    @Test
    @AsDemoUser("mchs.officer")
    void theHeaderNamesTheAgencyInThePersonsLanguage() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        navigate(HomeView.class);
        assertThat($(Span.class).withClassName("user-agency").single().getText())
                .isEqualTo("Министерство по чрезвычайным ситуациям");
    }

    @Test
    @AsDemoUser("mchs.officer")
    void anAgencyAddedByAnAdministratorKeepsTheNameItWasGiven() {
        HomeView home = navigate(HomeView.class);
        assertThat(AgencyNames.of(home, "MCHS", "Ministry of Emergency Situations"))
                .isEqualTo("Ministry of Emergency Situations");
        assertThat(AgencyNames.of(home, "UNHCR_FIELD", "UNHCR field office")).isEqualTo("UNHCR field office");
    }

    private List<String> promised() {
        return $(ListItem.class).all().stream().map(li -> li.getElement().getAttribute("data-authority")).toList();
    }

    private List<String> navLabels() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
