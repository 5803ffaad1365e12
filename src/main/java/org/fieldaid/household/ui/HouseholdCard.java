package org.fieldaid.household.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.Formats;
import java.util.List;
import org.fieldaid.household.ConsentView;
import org.fieldaid.household.DuplicateCandidate;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.MemberView;

/** A household's record at a glance: where from and where now, needs, consent, and every member. */
class HouseholdCard extends Div {

    HouseholdCard(HouseholdDetails d, Places places, List<DuplicateCandidate> duplicates, String duplicatesHelpKey) {
        this(d, places, duplicates, duplicatesHelpKey, List.of());
    }

    /** @param consents as recorded, newest first: the latest of each purpose is shown beside its flag */
    HouseholdCard(HouseholdDetails d, Places places, List<DuplicateCandidate> duplicates, String duplicatesHelpKey,
                  List<ConsentView> consents) {
        addClassName("household-card");
        DateTimeFormatter date = Formats.date(getLocale());
        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, "household.status", getTranslation("household.status." + d.status().name()));
        fact(facts, "household.origin", places.label(d.originSettlementId()));
        fact(facts, "household.current", places.label(d.currentSettlementId())
                + (d.currentAddress() == null ? "" : " · " + d.currentAddress()));
        fact(facts, "household.displaced-on", d.displacedOn() == null ? Places.NOT_YET : date.format(d.displacedOn()));
        fact(facts, "household.phone", d.phone() == null ? "—" : d.phone());
        fact(facts, "household.consent-partners", getTranslation(d.consentSharePartners() ? "yes" : "no")
                + consentRecord(consents, ConsentView.Purpose.SHARE_PARTNERS));
        fact(facts, "household.consent-contact", getTranslation(d.consentContact() ? "yes" : "no")
                + consentRecord(consents, ConsentView.Purpose.CONTACT));
        fact(facts, "household.vulnerabilities", d.vulnerabilities().isEmpty() ? "—"
                : d.vulnerabilities().stream().map(v -> getTranslation("vulnerability." + v.name()))
                .collect(Collectors.joining(", ")));
        fact(facts, "household.registered-by", d.registeredBy() + " ("
                + AgencyNames.of(this, d.agencyCode(), d.agencyCode()) + ") · "
                + Formats.dateTime(d.createdAt(), getLocale()));
        if (d.rejectionReason() != null) {
            fact(facts, "household.rejection-reason", d.rejectionReason());
        }
        if (d.duplicateJustification() != null) {
            fact(facts, "household.justification", d.duplicateJustification());
        }
        Grid<MemberView> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addClassName("compact-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(MemberView::fullName).setHeader(getTranslation("member.name")).setWidth("9rem").setFlexGrow(2);
        grid.addColumn(m -> getTranslation("relation." + m.relation().name())).setHeader(getTranslation("member.relation"))
                .setWidth("6.5rem").setFlexGrow(1);
        grid.addColumn(m -> m.sex() == null ? Places.NOT_YET : getTranslation("sex." + m.sex().name()))
                .setHeader(getTranslation("member.sex"))
                .setWidth("5.5rem").setFlexGrow(0);
        grid.addColumn(m -> m.birthDate() == null ? Places.NOT_YET
                        : date.format(m.birthDate()) + (m.birthDateEstimated() ? " ~" : ""))
                .setHeader(getTranslation("member.birth-date")).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(m -> m.documentType() == null ? "—"
                        : getTranslation("document." + m.documentType().name()) + " " + m.documentNumber())
                .setHeader(getTranslation("member.document")).setWidth("9rem").setFlexGrow(1);
        grid.addColumn(m -> m.vulnerabilities().stream().map(v -> getTranslation("vulnerability." + v.name()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("member.vulnerabilities")).setWidth("8rem")
                .setFlexGrow(1);
        grid.setItems(d.members());
        DuplicatesPanel panel = new DuplicatesPanel(duplicatesHelpKey, "household.duplicates.this");
        panel.show(d.members().stream().map(MemberView::toForm).toList(), duplicates);
        add(facts, panel, new H2(getTranslation("household.members-title", d.members().size())), grid);
        if (!d.sensitiveShown()) {
            Span note = new Span(getTranslation("household.sensitive-hidden"));
            note.addClassName("hint");
            add(note);
        }
    }

    /** Who gave or withdrew it, to whom and when; nothing for consents recorded before that was kept. */
    private String consentRecord(List<ConsentView> consents, ConsentView.Purpose purpose) {
        return consents.stream().filter(c -> c.purpose() == purpose).findFirst()
                .map(c -> " · " + getTranslation(c.granted() ? "household.consent.given" : "household.consent.withdrawn",
                        c.givenBy(), AgencyNames.of(this, c.agencyCode(), c.agencyCode()), c.recordedBy(),
                        Formats.dateTime(c.givenAt(), getLocale()))
                        + (c.approvedBy() == null ? "" : " · " + getTranslation("household.consent.approved-by",
                        c.approvedBy())))
                .orElse("");
    }

    private void fact(Div facts, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        Span text = new Span(value);
        text.addClassName("fact-value");
        Div fact = new Div(label, text);
        fact.addClassName("fact");
        facts.add(fact);
    }
}
