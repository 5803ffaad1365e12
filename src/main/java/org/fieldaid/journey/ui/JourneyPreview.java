package org.fieldaid.journey.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Locale;
import org.fieldaid.approval.SubjectPreview;
import org.fieldaid.journey.ConvoyRow;
import org.fieldaid.journey.JourneyRow;
import org.fieldaid.journey.Journeys;
import org.fieldaid.settlement.Settlements;

/** Shows a journey inside the supervisors' inbox: who travels, where to, when, and any flag on it. */
@org.springframework.stereotype.Component
class JourneyPreview implements SubjectPreview {

    private final Journeys journeys;
    private final Settlements settlements;

    JourneyPreview(Journeys journeys, Settlements settlements) {
        this.journeys = journeys;
        this.settlements = settlements;
    }

    @Override
    public String kind() {
        return Journeys.APPROVAL_KIND;
    }

    @Override
    public Component render(long subjectId) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        JourneyLabels labels = new JourneyLabels(settlements.all(), locale);
        JourneyRow j = journeys.journey(subjectId);
        ConvoyRow convoy = journeys.convoy(j.convoyId());
        Div preview = new Div();
        preview.add(new H3(j.registrationNumber() + " · " + j.headName()));
        preview.add(new Paragraph(preview.getTranslation("journey.detail.summary", labels.place(j.fromSettlementId()),
                labels.place(j.destinationId()), labels.date(j.plannedOn()), convoy.route(), convoy.escortUnit())));
        if (j.flagged()) {
            Paragraph flag = new Paragraph(preview.getTranslation("journey.detail.flagged", j.flagReason()));
            flag.addClassName("form-message");
            preview.add(flag);
        }
        UnorderedList people = new UnorderedList();
        journeys.travellers(subjectId).forEach(t -> people.add(new ListItem(t.fullName())));
        preview.add(people);
        return preview;
    }
}
