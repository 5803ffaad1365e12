package org.fieldaid.referral.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.HouseholdTab;
import org.fieldaid.household.MemberView;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.referral.AgencyServices;
import org.fieldaid.referral.ReferralForm;
import org.fieldaid.referral.ReferralRow;
import org.fieldaid.referral.Referrals;
import org.fieldaid.referral.ServiceKind;
import org.fieldaid.referral.Urgency;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.springframework.core.annotation.Order;

/**
 * The household's referrals that the reader's agency sent, or received and accepted, each with its whole chain;
 * and referring members to another agency's service, with the family's consent asked there and then.
 */
@org.springframework.stereotype.Component
@Order(30)
class ReferralTab implements HouseholdTab {

    private final Referrals referrals;
    private final CurrentUser currentUser;

    ReferralTab(Referrals referrals, CurrentUser currentUser) {
        this.referrals = referrals;
        this.currentUser = currentUser;
    }

    @Override
    public String labelKey() {
        return "referral.tab";
    }

    @Override
    public Optional<Component> render(HouseholdDetails household) {
        if (!currentUser.has(Authority.REFERRAL_READ)) {
            return Optional.empty();
        }
        return Optional.of(new Content(household));
    }

    private class Content extends Div {

        private final HouseholdDetails household;
        private final Div list = new Div();
        private final ReferralLabels labels;
        private final List<AgencyServices> partners;

        Content(HouseholdDetails household) {
            this.household = household;
            addClassName("referral-tab");
            List<AgencyServices> agencies = currentUser.has(Authority.REFERRAL_SEND) ? referrals.agencyServices()
                    : List.of();
            String mine = currentUser.require().getAgencyCode();
            this.partners = agencies.stream().filter(a -> a.receives() && !a.services().isEmpty()
                    && !a.agencyCode().equals(mine)).toList();
            this.labels = new ReferralLabels(this, agencies);
            list.addClassName("referral-list");
            add(list);
            refresh();
            if (currentUser.has(Authority.REFERRAL_SEND) && (household.status() == HouseholdStatus.REGISTERED
                    || household.status() == HouseholdStatus.RETURNED)) {
                add(form());
            }
        }

        private void refresh() {
            list.removeAll();
            List<ReferralRow> all = referrals.referralsOf(household.id());
            if (all.isEmpty()) {
                Paragraph none = new Paragraph(getTranslation("referral.tab.none"));
                none.addClassName("form-help");
                list.add(none);
            }
            all.forEach(r -> list.add(new ReferralCard(referrals, currentUser, labels, r, false, x -> refresh())));
        }

        private Div form() {
            CheckboxGroup<MemberView> members = new CheckboxGroup<>(getTranslation("referral.form.members"));
            members.setItems(household.members());
            members.setItemLabelGenerator(MemberView::fullName);
            members.addClassName("referral-members");
            Select<ServiceKind> service = new Select<>();
            service.setLabel(getTranslation("referral.form.service"));
            Set<ServiceKind> offered = EnumSet.noneOf(ServiceKind.class);
            partners.forEach(a -> offered.addAll(a.services()));
            service.setItems(offered);
            service.setItemLabelGenerator(s -> s == null ? "" : labels.service(s));
            service.setPlaceholder(getTranslation("referral.form.choose"));
            service.setWidth("min(16rem, 100%)");
            Select<AgencyServices> agency = new Select<>();
            agency.setLabel(getTranslation("referral.form.agency"));
            agency.setItemLabelGenerator(a -> a == null ? "" : labels.agency(a.agencyCode()));
            agency.setPlaceholder(getTranslation("referral.form.choose-service-first"));
            agency.setWidth("min(20rem, 100%)");
            RadioButtonGroup<Urgency> urgency = new RadioButtonGroup<>(getTranslation("referral.urgency"));
            urgency.setItems(Urgency.values());
            urgency.setItemLabelGenerator(u -> getTranslation("referral.urgency." + u.name()));
            urgency.setValue(Urgency.ROUTINE);
            urgency.setHelperText(getTranslation("referral.form.urgency-help", referrals.urgentWithin().toHours()));
            Select<Vulnerability> need = new Select<>();
            need.setLabel(getTranslation("referral.form.need"));
            need.setItems(Arrays.stream(Vulnerability.values())
                    .filter(v -> !v.sensitive() || currentUser.has(Authority.PII_SENSITIVE)).toList());
            need.setEmptySelectionAllowed(true);
            need.setEmptySelectionCaption(getTranslation("referral.form.no-need"));
            need.setItemLabelGenerator(v -> v == null ? getTranslation("referral.form.no-need")
                    : getTranslation("vulnerability." + v.name()));
            need.setWidth("min(18rem, 100%)");
            TextArea note = new TextArea(getTranslation("referral.note"));
            note.setMaxLength(1000);
            note.setWidthFull();
            note.setHelperText(getTranslation("referral.form.note-help"));
            RadioButtonGroup<Boolean> consent = new RadioButtonGroup<>(getTranslation("referral.form.consent"));
            consent.setItems(Boolean.TRUE, Boolean.FALSE);
            consent.setItemLabelGenerator(b -> getTranslation(b ? "referral.form.consent-yes" : "referral.form.consent-no"));
            consent.addClassName("referral-consent");
            Select<MemberView> consentBy = new Select<>();
            consentBy.setLabel(getTranslation("referral.form.consent-by"));
            consentBy.setItems(household.members().stream()
                    .filter(m -> m.birthDate() == null || m.birthDate().plusYears(16).isBefore(java.time.LocalDate.now()))
                    .toList());
            consentBy.setItemLabelGenerator(m -> m == null ? "" : m.fullName());
            household.members().stream().filter(m -> m.relation() == Relation.HEAD).findFirst()
                    .ifPresent(consentBy::setValue);
            consentBy.setWidth("min(22rem, 100%)");
            Runnable explainConsent = () -> consent.setHelperText(service.getValue() == null || agency.getValue() == null
                    ? getTranslation("referral.form.consent-help")
                    : getTranslation("referral.form.consent-help-for", labels.agency(agency.getValue().agencyCode()),
                    labels.service(service.getValue())));
            explainConsent.run();
            service.addValueChangeListener(e -> {
                List<AgencyServices> offering = e.getValue() == null ? List.of() : partners.stream()
                        .filter(a -> a.services().contains(e.getValue())).toList();
                agency.setItems(offering);
                agency.setPlaceholder(getTranslation(e.getValue() == null ? "referral.form.choose-service-first"
                        : "referral.form.choose"));
                if (offering.size() == 1) {
                    agency.setValue(offering.getFirst());
                }
                explainConsent.run();
            });
            agency.addValueChangeListener(e -> explainConsent.run());
            consentBy.setEnabled(false);
            consent.addValueChangeListener(e -> consentBy.setEnabled(Boolean.TRUE.equals(e.getValue())));

            Map<String, HasValidation> fields = new LinkedHashMap<>();
            fields.put("members", members);
            fields.put("service", service);
            fields.put("agency", agency);
            fields.put("urgency", urgency);
            fields.put("need", need);
            fields.put("note", note);
            fields.put("consent", consent);
            fields.put("consentBy", consentBy);
            Paragraph kept = new Paragraph();
            kept.addClassName("form-message");
            kept.setVisible(false);
            Button send = new Button(getTranslation("referral.form.send"));
            send.addThemeVariants(ButtonVariant.PRIMARY);
            send.addClassName("referral-send");
            send.addClickListener(e -> {
                FormErrors.clear(fields);
                kept.setVisible(false);
                try {
                    ReferralRow sent = referrals.send(new ReferralForm(household.id(),
                            members.getValue().stream().map(MemberView::id).collect(Collectors.toSet()),
                            service.getValue(), agency.getValue() == null ? null : agency.getValue().agencyCode(),
                            urgency.getValue(), need.getValue(), note.getValue(), consent.getValue(),
                            consentBy.getValue() == null ? null : consentBy.getValue().id()));
                    Notifications.success(getTranslation("referral.form.sent", labels.agency(sent.toAgency())));
                    members.setValue(new HashSet<>());
                    note.clear();
                    consent.clear();
                    refresh();
                } catch (InvalidInputException problem) {
                    FormErrors.show(this, problem, fields).forEach(Notifications::error);
                    kept.setText(getTranslation("referral.form.kept"));
                    kept.setVisible(true);
                }
            });
            FormShortcuts.click(send, Key.KEY_S, KeyModifier.ALT);
            HorizontalLayout what = new HorizontalLayout(service, agency);
            what.setWrap(true);
            what.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            HorizontalLayout how = new HorizontalLayout(urgency, need);
            how.setWrap(true);
            how.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            Div consentBox = new Div(consent, consentBy);
            consentBox.addClassName("referral-consent-box");
            Div buttons = new Div(send);
            buttons.addClassName("referral-buttons");
            Div form = new Div(new H3(getTranslation("referral.form.title")), members, what, how, note, consentBox,
                    buttons, kept);
            form.addClassNames("card", "referral-form");
            if (partners.isEmpty()) {
                form.removeAll();
                form.add(new H3(getTranslation("referral.form.title")),
                        new Paragraph(getTranslation("referral.form.no-services")));
            }
            return form;
        }
    }
}
