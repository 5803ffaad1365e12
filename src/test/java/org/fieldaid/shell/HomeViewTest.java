package org.fieldaid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.junit.jupiter.api.Test;

class HomeViewTest extends BrowserlessViewTest {

    @Test
    @AsDemoUser("mchs.officer")
    void fieldOfficerIsToldWhatTheyCanDoAndSeesNoAdministration() {
        HomeView home = navigate(HomeView.class);

        List<String> canDo = $(ListItem.class).all().stream()
                .map(li -> li.getElement().getAttribute("data-authority")).toList();
        assertThat(canDo).contains("HOUSEHOLD:WRITE", "AID:DISTRIBUTE").doesNotContain("HOUSEHOLD:APPROVE", "USER:MANAGE");
        assertThat(navLabels()).contains(home.getTranslation("nav.home"))
                .doesNotContain(home.getTranslation("nav.admin.users"), home.getTranslation("nav.admin.audit"));
    }

    @Test
    @AsDemoUser("admin")
    void adminSeesTheAdministrationViewsInTheNavigation() {
        HomeView home = navigate(HomeView.class);
        assertThat(navLabels()).contains(home.getTranslation("nav.admin.users"), home.getTranslation("nav.admin.agencies"),
                home.getTranslation("nav.admin.settlements"), home.getTranslation("nav.admin.audit"));
    }

    @Test
    @AsDemoUser("mchs.supervisor")
    void supervisorIsToldTheyCanApprove() {
        navigate(HomeView.class);
        assertThat($(ListItem.class).all().stream().map(li -> li.getElement().getAttribute("data-authority")))
                .contains("HOUSEHOLD:APPROVE", "AID:APPROVE");
    }

    private List<String> navLabels() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
