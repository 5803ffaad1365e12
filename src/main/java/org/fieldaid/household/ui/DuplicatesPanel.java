package org.fieldaid.household.ui;

import org.fieldaid.base.ui.Formats;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.fieldaid.household.DuplicateCandidate;
import org.fieldaid.household.MemberForm;

/** Possible duplicates side by side with the members they resemble, each with a link to the existing household. */
class DuplicatesPanel extends Div {

    private final String helpKey;
    private final String oursKey;

    /**
     * @param helpKey what the reader should do about them: the officer and the supervisor are told differently
     * @param oursKey the caption of the record's own side: what the officer typed, or this household
     */
    DuplicatesPanel(String helpKey, String oursKey) {
        this.helpKey = helpKey;
        this.oursKey = oursKey;
        addClassName("duplicates-panel");
        setVisible(false);
    }

    void show(List<MemberForm> members, List<DuplicateCandidate> candidates) {
        removeAll();
        setVisible(!candidates.isEmpty());
        if (candidates.isEmpty()) {
            return;
        }
        add(new H2(getTranslation("household.duplicates.title", candidates.size())), new Paragraph(getTranslation(helpKey)));
        DateTimeFormatter date = Formats.date(getLocale());
        for (DuplicateCandidate c : candidates) {
            MemberForm typed = members.get(c.memberIndex());
            Div mine = side(oursKey, typed.familyName() + " " + typed.givenName(),
                    typed.birthDate() == null ? "" : date.format(typed.birthDate()), typed.documentNumber());
            Span why = new Span(getTranslation("household.duplicates.reason." + c.reason()));
            why.addClassNames("badge", "DOCUMENT".equals(c.reason()) ? "badge-error" : "badge-warning");
            Div row = c.redacted() ? new Div(mine, beingRegistered(c), new Div(why)) : new Div(mine,
                    side("household.duplicates.existing", c.fullName(),
                            c.birthDate() == null ? "" : date.format(c.birthDate()), c.documentNumber()),
                    new Div(why, link(c)));
            row.addClassName("duplicate-row");
            add(row);
        }
    }

    private Anchor link(DuplicateCandidate c) {
        Anchor open = new Anchor("households/" + c.householdId(), c.registrationNumber() + " · "
                + getTranslation("household.status." + c.status().name()));
        open.setTarget("_blank");
        return open;
    }

    /** Another agency's draft: the reader learns that the family is being registered there, and nothing of it. */
    private Div beingRegistered(DuplicateCandidate c) {
        Div side = new Div(new Span(getTranslation("household.duplicates.elsewhere")),
                new Span(getTranslation("household.duplicates.being-registered", c.agencyCode())));
        side.addClassNames("duplicate-side", "duplicate-redacted");
        return side;
    }

    private Div side(String captionKey, String name, String birth, String document) {
        Div side = new Div(new Span(getTranslation(captionKey)), new Span(name), new Span(birth),
                new Span(document == null ? "" : document));
        side.addClassName("duplicate-side");
        return side;
    }
}
