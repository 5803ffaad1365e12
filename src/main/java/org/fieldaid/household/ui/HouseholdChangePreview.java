package org.fieldaid.household.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Locale;
import org.fieldaid.approval.SubjectPreview;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.settlement.Settlements;

/**
 * Shows a change to a registered household inside the supervisors' inbox: the household as it would be once
 * approved, with the possible duplicates of its members, and the registered record beside it for comparison.
 */
@org.springframework.stereotype.Component
class HouseholdChangePreview implements SubjectPreview {

    private final HouseholdRegistry registry;
    private final Settlements settlements;

    HouseholdChangePreview(HouseholdRegistry registry, Settlements settlements) {
        this.registry = registry;
        this.settlements = settlements;
    }

    @Override
    public String kind() {
        return HouseholdRegistry.CHANGE_APPROVAL_KIND;
    }

    @Override
    public com.vaadin.flow.component.Component render(long subjectId) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        Places places = new Places(settlements.all(), locale);
        Div preview = new Div();
        HouseholdDetails now = registry.get(subjectId);
        // the request's agency is the one that decides; who proposed the change, and from where, is said here
        registry.pendingChange(subjectId).ifPresent(change -> preview.add(
                new H3(preview.getTranslation("household.change.proposed")),
                new Paragraph(preview.getTranslation("household.change.pending", change.proposedBy(),
                        AgencyNames.of(preview, change.proposedAgency(), change.proposedAgency()),
                        Formats.dateTime(change.proposedAt(), locale),
                        AgencyNames.of(preview, now.agencyCode(), now.agencyCode()))),
                new HouseholdCard(change.proposed(), places, change.duplicates(),
                        "household.duplicates.help-supervisor")));
        Details registered = new Details(preview.getTranslation("household.change.registered"),
                new HouseholdCard(now, places, List.of(), "household.duplicates.help-supervisor",
                        registry.consents(subjectId)));
        preview.add(registered);
        return preview;
    }
}
