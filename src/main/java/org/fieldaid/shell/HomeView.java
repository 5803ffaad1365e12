package org.fieldaid.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.security.FieldAidUser;
import org.fieldaid.security.Role;

/**
 * Tells the person, in plain words read from the permission matrix, what they can do here: only what has a
 * screen or an action today, so that the page never promises work the system cannot yet do.
 */
@Route("")
@RouteAlias("home")
@PermitAll
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
class HomeView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /**
     * The authorities a person can use today. The matrix grants more (aid, journeys, reports, exports) for the
     * features still to come; each of those joins this set in the change that gives it its screen.
     */
    static final Set<Authority> IN_SERVICE = EnumSet.of(Authority.HOUSEHOLD_READ, Authority.HOUSEHOLD_READ_CONSENTED,
            Authority.HOUSEHOLD_WRITE, Authority.HOUSEHOLD_APPROVE, Authority.PII_SENSITIVE, Authority.AUDIT_READ,
            Authority.USER_MANAGE, Authority.AGENCY_MANAGE, Authority.SETTLEMENT_MANAGE, Authority.EXPORT_PERSONAL,
            Authority.EXPORT_AGGREGATE,
            // aid
            Authority.AID_READ, Authority.AID_DISTRIBUTE, Authority.AID_PLAN, Authority.AID_APPROVE,
            Authority.STOCK_MANAGE, Authority.CATALOGUE_MANAGE,
            // journeys
            Authority.JOURNEY_READ, Authority.JOURNEY_PLAN, Authority.JOURNEY_APPROVE, Authority.CONVOY_MANAGE,
            Authority.CHECKPOINT_LOG, Authority.SETTLEMENT_STATUS,
            // reports
            Authority.REPORT_READ,
            // referrals
            Authority.REFERRAL_READ, Authority.REFERRAL_SEND, Authority.REFERRAL_RECEIVE,
            Authority.REFERRAL_SUPERVISE);

    /** The dashboard's route; supervisors and analysts start there (decision 023). */
    static final String DASHBOARD = "reports";

    private final boolean startsOnDashboard;

    HomeView(CurrentUser currentUser) {
        addClassName("home-view");
        setPadding(true);
        FieldAidUser user = currentUser.require();
        startsOnDashboard = user.has(Authority.REPORT_READ)
                && (user.roles().contains(Role.SUPERVISOR) || user.roles().contains(Role.ANALYST));
        String roles = user.roles().stream().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining(", "));
        add(new ViewHeader(getTranslation("home.welcome", user.fullName()),
                getTranslation("home.you-are", roles, AgencyNames.of(this, user.getAgencyCode(), user.agencyName()))));

        Div card = new Div();
        card.addClassName("card");
        card.add(new H2(getTranslation("home.can-do")));
        List<Authority> usable = Stream.of(Authority.values())
                .filter(a -> user.has(a) && IN_SERVICE.contains(a)).toList();
        if (user.grantedAuthorities().isEmpty()) {
            card.add(new Paragraph(getTranslation("home.nothing")));
        } else if (usable.isEmpty()) {
            card.add(new Paragraph(getTranslation("home.nothing-yet")));
        } else {
            UnorderedList list = new UnorderedList();
            list.addClassName("can-do-list");
            for (Authority authority : usable) {
                ListItem item = new ListItem(new Span(getTranslation("authority." + authority.code())));
                item.getElement().setAttribute("data-authority", authority.code());
                list.add(item);
            }
            card.add(list);
        }
        card.add(new Paragraph(getTranslation("home.ask-admin")));
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // "home" still shows what the person can do; the bare address is where they start
        if (startsOnDashboard && event.getLocation().getPath().isEmpty()) {
            event.forwardTo(DASHBOARD);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · FieldAid";
    }
}
