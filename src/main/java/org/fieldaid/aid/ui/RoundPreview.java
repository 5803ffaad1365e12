package org.fieldaid.aid.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.Locale;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.RoundRow;
import org.fieldaid.approval.SubjectPreview;
import org.fieldaid.settlement.Settlements;

/** Shows a round and what it needs inside the supervisors' inbox, so it is approved knowing what it hands out. */
@org.springframework.stereotype.Component
class RoundPreview implements SubjectPreview {

    private final Aid aid;
    private final Settlements settlements;

    RoundPreview(Aid aid, Settlements settlements) {
        this.aid = aid;
        this.settlements = settlements;
    }

    @Override
    public String kind() {
        return Aid.ROUND_APPROVAL_KIND;
    }

    @Override
    public Component render(long subjectId) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        AidLabels labels = new AidLabels(aid.packageTypes(), settlements.all(), aid.warehouses(), locale);
        RoundRow round = aid.round(subjectId);
        Div preview = new Div();
        preview.add(new H3(labels.round(preview, round)), new RoundSummary(aid, labels, round));
        return preview;
    }
}
