package org.fieldaid.household.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.fieldaid.base.ui.DateField;
import org.fieldaid.household.DocumentType;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;

/** One member of the household, in the order a person reads them off an identity document. */
class MemberEditor extends Div {

    private final Long id;
    private final H3 title = new H3();
    final TextField familyName = new TextField();
    final TextField givenName = new TextField();
    final TextField patronymic = new TextField();
    final Select<Sex> sex = new Select<>();
    final DateField birthDate = new DateField();
    final Checkbox estimated = new Checkbox();
    final Select<Relation> relation = new Select<>();
    final Select<DocumentType> documentType = new Select<>();
    final TextField documentNumber = new TextField();
    final MultiSelectComboBox<Vulnerability> vulnerabilities = new MultiSelectComboBox<>();
    private final Button remove;

    MemberEditor(MemberForm member, boolean mayRecordSensitive, LocalDate today, Runnable onIdentityChange,
                 Consumer<MemberEditor> onRemove) {
        this.id = member == null ? null : member.id();
        addClassName("member-editor");
        familyName.setLabel(getTranslation("member.family-name"));
        givenName.setLabel(getTranslation("member.given-name"));
        patronymic.setLabel(getTranslation("member.patronymic"));
        sex.setLabel(getTranslation("member.sex"));
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(s -> getTranslation("sex." + s.name()));
        birthDate.setLabel(getTranslation("member.birth-date"));
        birthDate.setMax(today);
        estimated.setLabel(getTranslation("member.birth-date-estimated"));
        relation.setLabel(getTranslation("member.relation"));
        relation.setItems(Relation.values());
        relation.setItemLabelGenerator(r -> getTranslation("relation." + r.name()));
        documentType.setLabel(getTranslation("member.document-type"));
        documentType.setItems(DocumentType.values());
        documentType.setItemLabelGenerator(t -> t == null ? getTranslation("member.no-document")
                : getTranslation("document." + t.name()));
        documentType.setEmptySelectionAllowed(true);
        documentType.setEmptySelectionCaption(getTranslation("member.no-document"));
        documentNumber.setLabel(getTranslation("member.document-number"));
        documentType.addValueChangeListener(e -> documentNumber.setHelperText(e.getValue() == null ? null
                : getTranslation("member.document-example", e.getValue().example())));
        vulnerabilities.setLabel(getTranslation("member.vulnerabilities"));
        vulnerabilities.setItems(Arrays.stream(Vulnerability.values()).filter(v -> mayRecordSensitive || !v.sensitive())
                .toList());
        vulnerabilities.setItemLabelGenerator(v -> getTranslation("vulnerability." + v.name()));
        for (TextField f : new TextField[] {familyName, givenName, documentNumber}) {
            f.setValueChangeMode(ValueChangeMode.ON_BLUR);
            f.addValueChangeListener(e -> onIdentityChange.run());
        }
        birthDate.addValueChangeListener(e -> onIdentityChange.run());
        familyName.setRequiredIndicatorVisible(true);
        givenName.setRequiredIndicatorVisible(true);
        sex.setRequiredIndicatorVisible(true);
        birthDate.setRequiredIndicatorVisible(true);
        relation.setRequiredIndicatorVisible(true);

        remove = new Button(getTranslation("member.remove"), VaadinIcon.TRASH.create(), e -> onRemove.accept(this));
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        Div top = new Div(title, remove);
        top.addClassName("member-editor-top");

        FormLayout form = new FormLayout(familyName, givenName, patronymic, sex, birthDate, estimated, relation,
                documentType, documentNumber, vulnerabilities);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2),
                new FormLayout.ResponsiveStep("900px", 3));
        form.setColspan(vulnerabilities, 2);
        add(top, form);
        if (member != null) {
            fill(member);
        }
    }

    private void fill(MemberForm m) {
        familyName.setValue(nullToEmpty(m.familyName()));
        givenName.setValue(nullToEmpty(m.givenName()));
        patronymic.setValue(nullToEmpty(m.patronymic()));
        sex.setValue(m.sex());
        birthDate.setValue(m.birthDate());
        estimated.setValue(m.birthDateEstimated());
        relation.setValue(m.relation());
        documentType.setValue(m.documentType());
        documentNumber.setValue(nullToEmpty(m.documentNumber()));
        vulnerabilities.setValue(m.vulnerabilities());
    }

    void number(int index, int of) {
        title.setText(getTranslation("member.title", index + 1, of));
        remove.setVisible(of > 1);
    }

    MemberForm toForm() {
        Set<Vulnerability> chosen = vulnerabilities.getValue().isEmpty() ? EnumSet.noneOf(Vulnerability.class)
                : EnumSet.copyOf(vulnerabilities.getValue());
        return new MemberForm(id, familyName.getValue(), givenName.getValue(), patronymic.getValue(), sex.getValue(),
                birthDate.getValue(), estimated.getValue(), relation.getValue(), documentType.getValue(),
                documentNumber.getValue(), chosen);
    }

    /** The fields by the names the registry uses after {@code member.N.}. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("familyName", familyName);
        fields.put("givenName", givenName);
        fields.put("sex", sex);
        fields.put("birthDate", birthDate);
        fields.put("relation", relation);
        fields.put("documentType", documentType);
        fields.put("documentNumber", documentNumber);
        return fields;
    }

    void focusFirst() {
        familyName.focus();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
