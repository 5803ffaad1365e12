package org.fieldaid.referral.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.Set;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberView;
import org.fieldaid.referral.Outcome;
import org.fieldaid.referral.ReferralRow;
import org.fieldaid.referral.ReferralStatus;
import org.fieldaid.referral.Referrals;
import org.fieldaid.referral.ServiceKind;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A referral on the screens, as the people who make each step: sent from the household's tab (after a first try
 * with nothing filled in), accepted from the Ministry of Health's inbox where it first shows as a preview, its
 * outcome recorded, and the sender seeing it on the household.
 */
class ReferralFlowViewTest extends BrowserlessViewTest {

    @Autowired Referrals referrals;
    @Autowired HouseholdRegistry registry;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    @Test
    @AsDemoUser("mchs.officer")
    @SuppressWarnings("unchecked")
    void referAcceptAndRecordTheOutcomeOnTheScreens() {
        long family = jdbc.queryForList("SELECT h.id FROM household h WHERE h.status = 'REGISTERED' "
                + "AND h.member_count >= 2 AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.household_id = h.id) "
                + "ORDER BY h.id", Long.class).getFirst();
        MemberView member = registry.get(family).members().getLast();
        VerticalLayout household = navigate("households/" + family, VerticalLayout.class);
        String serviceLabel = household.getTranslation("referral.form.service");
        openReferralTab(household);
        Div form = $(Div.class).withClassName("referral-form").single();
        Button send = $(Button.class).from(form).withText(household.getTranslation("referral.form.send")).single();

        test(send).click();
        CheckboxGroup<MemberView> members = $(CheckboxGroup.class).from(form).single();
        RadioButtonGroup<Boolean> consent = $(RadioButtonGroup.class).from(form).withClassName("referral-consent")
                .single();
        assertThat(members.isInvalid()).isTrue();
        assertThat(consent.isInvalid()).isTrue();
        assertThat(consent.getErrorMessage()).isEqualTo(household.getTranslation("referral.error.consent-unanswered"));
        assertThat(referrals.referralsOf(family)).as("nothing sent").isEmpty();

        members.setValue(Set.of(member));
        Select<ServiceKind> service = $(Select.class).from(form).all().stream()
                .filter(s -> s.getLabel().equals(serviceLabel)).findFirst()
                .orElseThrow();
        service.setValue(ServiceKind.HEALTH_CHECK);
        consent.setValue(true);
        test(send).click();
        ReferralRow sent = referrals.referralsOf(family).getFirst();
        assertThat(sent.status()).isEqualTo(ReferralStatus.SENT);
        assertThat(sent.toAgency()).as("the one agency that offers it is chosen").isEqualTo("HEALTH");
        assertThat(sent.consentGiven()).isTrue();

        signIn.asInBrowserlessView("health.officer");
        VerticalLayout inbox = navigate("referrals/" + sent.id(), VerticalLayout.class);
        Div card = card(sent.id());
        assertThat($(Paragraph.class).from(card).withClassName("referral-preview").exists()).isTrue();
        assertThat(card.getElement().getTextRecursively()).doesNotContain(sent.registrationNumber());
        test($(Button.class).from(card).withText(inbox.getTranslation("referral.accept")).single()).click();
        assertThat(referrals.referral(sent.id()).status()).isEqualTo(ReferralStatus.ACCEPTED);

        card = card(sent.id());
        assertThat(card.getElement().getTextRecursively()).contains(sent.registrationNumber());
        Button record = $(Button.class).from(card).withText(inbox.getTranslation("referral.complete")).single();
        test(record).click();
        Select<Outcome> outcome = $(Select.class).from(card).single();
        assertThat(outcome.isInvalid()).as("no outcome chosen").isTrue();
        outcome.setValue(Outcome.SERVICE_GIVEN);
        test(record).click();
        assertThat(referrals.referral(sent.id()).status()).isEqualTo(ReferralStatus.COMPLETED);

        signIn.asInBrowserlessView("mchs.officer");
        VerticalLayout again = navigate("households/" + family, VerticalLayout.class);
        openReferralTab(again);
        Div seen = card(sent.id());
        String completed = again.getTranslation("referral.status.COMPLETED");
        assertThat($(Span.class).from(seen).withClassName("referral-status").single().getText()).isEqualTo(completed);
        assertThat(seen.getElement().getTextRecursively())
                .contains(again.getTranslation("referral.outcome.SERVICE_GIVEN"));
    }

    private void openReferralTab(VerticalLayout household) {
        TabSheet tabs = $(TabSheet.class).single();
        tabs.setSelectedTab($(Tab.class).all().stream()
                .filter(t -> t.getLabel().equals(household.getTranslation("referral.tab"))).findFirst().orElseThrow());
    }

    private Div card(long id) {
        return $(Div.class).withClassName("referral-card").all().stream()
                .filter(d -> Long.toString(id).equals(d.getElement().getAttribute("data-referral"))).findFirst()
                .orElseThrow();
    }
}
