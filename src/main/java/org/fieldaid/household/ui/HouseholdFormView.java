package org.fieldaid.household.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.DateField;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.household.DuplicateCandidate;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.ProposedChange;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;

/**
 * Registers a family, or edits one. Possible duplicates are looked for as the officer types names, birth dates
 * and document numbers, and shown beside the form. Alt+S saves a draft; the form is filled top to bottom with Tab.
 */
@Route("households/new")
@RouteAlias("households/:id([0-9]{1,18})/edit")
@RolesAllowed(Authority.Codes.HOUSEHOLD_WRITE)
class HouseholdFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final HouseholdRegistry registry;
    private final Places places;
    private final boolean mayRecordSensitive;
    private final LocalDate today;
    private HouseholdDetails existing;

    private final ViewHeader header;
    private final ComboBox<SettlementRow> origin;
    private final ComboBox<SettlementRow> current;
    private final TextField address = new TextField();
    private final DateField displacedOn = new DateField();
    private final TextField phone = new TextField();
    private final Checkbox consentPartners = new Checkbox();
    private final Checkbox consentContact = new Checkbox();
    private final CheckboxGroup<Vulnerability> vulnerabilities = new CheckboxGroup<>();
    private final Div members = new Div();
    private final List<MemberEditor> editors = new ArrayList<>();
    private final Paragraph membersMessage = new Paragraph();
    private final Paragraph formMessage = new Paragraph();
    private final Paragraph failure = new Paragraph();
    private final DuplicatesPanel duplicatesPanel = new DuplicatesPanel("household.duplicates.help", "household.duplicates.yours");
    private final TextArea justification = new TextArea();
    private final Button saveDraft = new Button();
    private final Button submit = new Button();

    HouseholdFormView(HouseholdRegistry registry, Settlements settlements, CurrentUser currentUser, Clock clock) {
        this.registry = registry;
        this.places = new Places(settlements.all(), getLocale());
        this.mayRecordSensitive = currentUser.has(Authority.PII_SENSITIVE);
        this.today = LocalDate.now(clock.withZone(Formats.ZONE));
        addClassName("household-form-view");

        header = new ViewHeader(getTranslation("household.register"), getTranslation("household.form.description"));
        origin = places.picker(getTranslation("household.origin"), false);
        current = places.picker(getTranslation("household.current"), true);
        origin.setRequiredIndicatorVisible(true);
        current.setRequiredIndicatorVisible(true);
        address.setLabel(getTranslation("household.address"));
        address.setHelperText(getTranslation("household.address.help"));
        displacedOn.setLabel(getTranslation("household.displaced-on"));
        displacedOn.setMax(today);
        displacedOn.setRequiredIndicatorVisible(true);
        phone.setLabel(getTranslation("household.phone"));
        phone.setHelperText(getTranslation("household.phone.help"));
        consentPartners.setLabel(getTranslation("household.consent-partners"));
        consentContact.setLabel(getTranslation("household.consent-contact"));
        vulnerabilities.setLabel(getTranslation("household.vulnerabilities"));
        vulnerabilities.setItems(Arrays.stream(Vulnerability.values()).filter(v -> mayRecordSensitive || !v.sensitive())
                .toList());
        vulnerabilities.setItemLabelGenerator(v -> getTranslation("vulnerability." + v.name()));

        FormLayout where = new FormLayout(origin, current, address, displacedOn, phone);
        where.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        Div consent = new Div(consentPartners, consentContact);
        consent.addClassName("consent-box");

        membersMessage.addClassName("form-message");
        membersMessage.setVisible(false);
        formMessage.addClassName("form-message");
        formMessage.setVisible(false);
        failure.addClassName("form-message");
        failure.getElement().setAttribute("role", "alert");
        failure.setVisible(false);
        members.addClassName("members");
        Button addMember = new Button(getTranslation("member.add"), VaadinIcon.PLUS.create(), e -> addMember(null, true));

        justification.setLabel(getTranslation("household.justification"));
        justification.setHelperText(getTranslation("household.justification.help"));
        justification.setWidthFull();
        justification.setVisible(false);

        saveDraft.setText(getTranslation("household.save-draft"));
        saveDraft.addClickListener(e -> save(false));
        FormShortcuts.click(saveDraft, Key.KEY_S, KeyModifier.ALT);
        submit.setText(getTranslation("household.submit"));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickListener(e -> save(true));
        Div actions = new Div(saveDraft, submit);
        Div footer = new Div(failure, actions);
        actions.addClassName("form-actions");

        Div form = new Div(formMessage, section("household.section.where", where),
                section("household.section.consent", consent), section("household.section.needs", vulnerabilities),
                section("household.section.members", membersMessage, members, addMember), duplicatesPanel,
                justification, footer);
        form.addClassName("household-form");
        add(header, form);
    }

    private Div section(String titleKey, com.vaadin.flow.component.Component... content) {
        Div section = new Div(new H2(getTranslation(titleKey)));
        section.add(content);
        section.addClassName("form-section");
        return section;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().getLong("id");
        if (id.isPresent()) {
            existing = registry.get(id.get());
            if (!existing.editable()) {
                // awaiting a decision: the supervisor decides on what they were sent, so nothing changes meanwhile
                Notifications.error(getTranslation("household.error.not-editable"));
                event.forwardTo("households/" + existing.id());
                return;
            }
            fill(existing);
        } else if (editors.isEmpty()) {
            addMember(new MemberForm(null, null, null, null, null, null, false, Relation.HEAD, null, null, null), false);
            origin.focus();
        }
    }

    private void fill(HouseholdDetails d) {
        header.setTitle(getTranslation("household.edit", d.registrationNumber()));
        origin.setValue(places.get(d.originSettlementId()));
        current.setValue(places.get(d.currentSettlementId()));
        address.setValue(d.currentAddress() == null ? "" : d.currentAddress());
        displacedOn.setValue(d.displacedOn());
        phone.setValue(d.phone() == null ? "" : d.phone());
        consentPartners.setValue(d.consentSharePartners());
        consentContact.setValue(d.consentContact());
        vulnerabilities.setValue(d.vulnerabilities());
        members.removeAll();
        editors.clear();
        d.members().forEach(m -> addMember(m.toForm(), false));
        boolean submittable = d.status() == HouseholdStatus.DRAFT || d.status() == HouseholdStatus.REJECTED;
        submit.setVisible(submittable);
        saveDraft.setText(getTranslation(submittable ? "household.save-draft" : "household.save-changes"));
        if (d.status() == HouseholdStatus.REJECTED && d.rejectionReason() != null) {
            showFormMessage(getTranslation("household.rejected-because", d.rejectionReason()));
        }
        if (d.status() == HouseholdStatus.REGISTERED) {
            // the form starts from what is registered: whoever proposes again replaces the waiting proposal
            registry.pendingChange(d.id()).ifPresent(c -> showFormMessage(getTranslation("household.change.pending",
                    c.proposedBy(), AgencyNames.of(this, c.proposedAgency(), c.proposedAgency()),
                    Formats.dateTime(c.proposedAt(), getLocale()), AgencyNames.of(this, d.agencyCode(), d.agencyCode()))
                    + " " + getTranslation("household.change.replaces")));
        }
        checkDuplicates();
    }

    private void addMember(MemberForm member, boolean focus) {
        MemberForm start = member != null ? member
                : new MemberForm(null, lastFamilyName(), null, null, null, null, false, null, null, null, null);
        MemberEditor editor = new MemberEditor(start, mayRecordSensitive, today, this::checkDuplicates, this::removeMember);
        editors.add(editor);
        members.add(editor);
        renumber();
        if (focus) {
            editor.givenName.focus();
        }
    }

    /** Members of one family usually share the family name: the next member starts with it. */
    private String lastFamilyName() {
        return editors.isEmpty() ? null : editors.get(editors.size() - 1).familyName.getValue();
    }

    private void removeMember(MemberEditor editor) {
        editors.remove(editor);
        members.remove(editor);
        renumber();
        checkDuplicates();
    }

    private void renumber() {
        for (int i = 0; i < editors.size(); i++) {
            editors.get(i).number(i, editors.size());
        }
    }

    private RegistrationForm toForm() {
        return new RegistrationForm(origin.getValue() == null ? null : origin.getValue().id(),
                current.getValue() == null ? null : current.getValue().id(), address.getValue(),
                displacedOn.getValue(), phone.getValue(), consentPartners.getValue(), consentContact.getValue(),
                vulnerabilities.getValue().isEmpty() ? EnumSet.noneOf(Vulnerability.class)
                        : EnumSet.copyOf(vulnerabilities.getValue()),
                editors.stream().map(MemberEditor::toForm).toList());
    }

    private void checkDuplicates() {
        RegistrationForm form = toForm();
        List<DuplicateCandidate> candidates = registry.possibleDuplicates(form, existing == null ? null : existing.id());
        duplicatesPanel.show(form.members(), candidates);
        justification.setVisible(!candidates.isEmpty());
    }

    /**
     * Checks everything first and shows every problem at once; only a form without problems is written, so a
     * refused submit leaves the stored record as it was and the person's input in the form.
     */
    private void save(boolean andSubmit) {
        RegistrationForm form = toForm();
        Map<String, HasValidation> fields = fields();
        clearErrors();
        Map<String, List<String>> unreadable = FormErrors.unreadableDates(fields);
        Map<String, List<String>> problems = FormErrors.merge(unreadable, registry.problems(form, andSubmit));
        if (!problems.isEmpty()) {
            showProblems(form, problems, fields, andSubmit && unreadable.isEmpty());
            return;
        }
        try {
            HouseholdDetails saved;
            if (andSubmit) {
                saved = registry.saveAndSubmit(existing == null ? null : existing.id(),
                        existing == null ? 0 : existing.version(), form, justification.getValue());
                Notifications.success(getTranslation("household.submitted", saved.registrationNumber()));
            } else if (existing == null) {
                saved = registry.saveDraft(form);
                Notifications.success(getTranslation("household.saved", saved.registrationNumber()));
            } else {
                Optional<Instant> proposedBefore = proposedAt(existing);
                saved = registry.update(existing.id(), existing.version(), form);
                // identity, members and consent of a registered family change only once a supervisor approves
                boolean proposed = !proposedAt(saved).equals(proposedBefore) && proposedAt(saved).isPresent();
                Notifications.success(getTranslation(proposed ? "household.change.sent" : "household.saved",
                        saved.registrationNumber()));
            }
            long id = saved.id();
            getUI().ifPresent(ui -> ui.navigate("households/" + id));
        } catch (InvalidInputException ex) {
            // the dates were readable, or nothing would have been sent
            showProblems(form, ex.problems(), fields, andSubmit);
        } catch (ConcurrentEditException ex) {
            showFailure(getTranslation("error.concurrent-edit.detail", ex.currentState()) + " " + kept());
        }
    }

    private void showProblems(RegistrationForm form, Map<String, List<String>> problems,
                              Map<String, HasValidation> fields, boolean submitWithReadableDates) {
        List<String> unplaced = new ArrayList<>(FormErrors.show(this, problems, fields));
        if (problems.containsKey("members")) {
            String text = problems.get("members").stream().map(this::getTranslation)
                    .reduce((a, b) -> a + " " + b).orElse("");
            unplaced.remove(text);
            membersMessage.setText(text);
            membersMessage.setVisible(true);
        }
        long marked = FormErrors.marked(problems, fields) + (problems.containsKey("members") ? 1 : 0);
        StringBuilder message = new StringBuilder();
        if (marked > 0) {
            message.append(getTranslation("form.problems", marked)).append(' ');
        }
        unplaced.forEach(text -> message.append(text).append(' '));
        message.append(kept());
        boolean draftWouldDo = submitWithReadableDates && registry.problems(form, false).isEmpty();
        if (draftWouldDo) {
            message.append(' ').append(getTranslation("household.form.draft-hint"));
        }
        showFailure(message.toString());
    }

    private Optional<Instant> proposedAt(HouseholdDetails household) {
        return household.status() == HouseholdStatus.REGISTERED
                ? registry.pendingChange(household.id()).map(ProposedChange::proposedAt) : Optional.empty();
    }

    /** What a refused save kept: nothing in the database, everything in the form. */
    private String kept() {
        return existing == null ? getTranslation("form.kept.new")
                : getTranslation("form.kept.existing", existing.registrationNumber());
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("origin", origin);
        fields.put("current", current);
        fields.put("displacedOn", displacedOn);
        fields.put("phone", phone);
        fields.put("justification", justification);
        for (int i = 0; i < editors.size(); i++) {
            String prefix = "member." + i + ".";
            editors.get(i).fields().forEach((name, field) -> fields.put(prefix + name, field));
        }
        return fields;
    }

    private void clearErrors() {
        FormErrors.clear(fields());
        membersMessage.setVisible(false);
        failure.setVisible(false);
    }

    /** Beside the buttons the person just pressed, and read out by screen readers. */
    private void showFailure(String text) {
        failure.setText(text);
        failure.setVisible(true);
    }

    private void showFormMessage(String text) {
        formMessage.setText(text);
        formMessage.setVisible(true);
        formMessage.scrollIntoView();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("household.register") + " · FieldAid";
    }
}
