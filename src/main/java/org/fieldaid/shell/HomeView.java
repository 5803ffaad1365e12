package org.fieldaid.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.security.FieldAidUser;

/** Tells the person, in plain words read from the permission matrix, what they can do here. */
@Route("")
@PermitAll
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(CurrentUser currentUser) {
        addClassName("home-view");
        setPadding(true);
        FieldAidUser user = currentUser.require();
        String roles = user.roles().stream().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining(", "));
        add(new ViewHeader(getTranslation("home.welcome", user.fullName()),
                getTranslation("home.you-are", roles, user.agencyName())));

        Div card = new Div();
        card.addClassName("card");
        card.add(new H2(getTranslation("home.can-do")));
        if (user.grantedAuthorities().isEmpty()) {
            card.add(new Paragraph(getTranslation("home.nothing")));
        } else {
            UnorderedList list = new UnorderedList();
            list.addClassName("can-do-list");
            for (Authority authority : Authority.values()) {
                if (user.has(authority)) {
                    ListItem item = new ListItem(new Span(getTranslation("authority." + authority.code())));
                    item.getElement().setAttribute("data-authority", authority.code());
                    list.add(item);
                }
            }
            card.add(list);
        }
        card.add(new Paragraph(getTranslation("home.ask-admin")));
        add(card);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · FieldAid";
    }
}
