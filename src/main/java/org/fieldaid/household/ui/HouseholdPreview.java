package org.fieldaid.household.ui;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.fieldaid.approval.SubjectPreview;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.settlement.Settlements;

/** Shows the whole household inside the supervisors' inbox for a registration request. */
@org.springframework.stereotype.Component
class HouseholdPreview implements SubjectPreview {

    private final HouseholdRegistry registry;
    private final Settlements settlements;

    HouseholdPreview(HouseholdRegistry registry, Settlements settlements) {
        this.registry = registry;
        this.settlements = settlements;
    }

    @Override
    public String kind() {
        return HouseholdRegistry.APPROVAL_KIND;
    }

    @Override
    public com.vaadin.flow.component.Component render(long subjectId) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        return new HouseholdCard(registry.get(subjectId), new Places(settlements.all(), locale),
                registry.duplicatesOf(subjectId), "household.duplicates.help-supervisor");
    }
}
