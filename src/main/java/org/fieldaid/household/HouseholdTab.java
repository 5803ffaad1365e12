package org.fieldaid.household;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A tab that another feature contributes to the household view (aid, journeys, referrals), so the household module
 * knows nothing about them. Declared as a bean by the feature; tabs appear after the record's own tabs, in
 * {@link org.springframework.core.annotation.Order} order.
 *
 * <p>The view asks each tab for its content when it renders a household the reader may see. A tab returns empty when
 * the reader's authorities do not cover it, and its content reads through the feature's own service, which checks
 * the authority again on the server.
 */
public interface HouseholdTab {

    /** Translation key of the tab's label. */
    String labelKey();

    /** The tab's content for this household, or empty when the current reader may not see it. */
    Optional<Component> render(HouseholdDetails household);
}
