package org.fieldaid.journey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.journey.Checkpoint;
import org.fieldaid.journey.CheckpointConvoy;
import org.fieldaid.journey.CheckpointJourney;
import org.fieldaid.journey.CheckpointTraveller;
import org.fieldaid.journey.CrossingForm;
import org.fieldaid.journey.CrossingRow;
import org.fieldaid.journey.DocumentCheck;
import org.fieldaid.journey.JourneyStatus;
import org.fieldaid.security.Authority;
import org.fieldaid.settlement.Settlements;

/**
 * The barrier's screen, for a tablet: today's convoys and, family by family, each traveller's document checked
 * against the number typed in, the missing and the extra, and the crossing recorded with its time. It reads only
 * {@link Checkpoint}, which gives identity data and nothing more.
 */
@Route("checkpoint")
@RolesAllowed(Authority.Codes.CHECKPOINT_LOG)
@Menu(title = "nav.checkpoint", order = 42, icon = "vaadin:barcode")
@com.vaadin.flow.component.dependency.StyleSheet("journey.css")
class CheckpointView extends VerticalLayout implements HasDynamicTitle {

    private final Checkpoint checkpoint;
    private final JourneyLabels labels;
    private final Div convoys = new Div();

    CheckpointView(Checkpoint checkpoint, Settlements settlements) {
        this.checkpoint = checkpoint;
        this.labels = new JourneyLabels(settlements.all(), getLocale());
        addClassName("checkpoint-view");
        setWidthFull();
        Button reload = new Button(getTranslation("checkpoint.reload"), e -> refresh());
        add(new ViewHeader(getTranslation("nav.checkpoint"), getTranslation("checkpoint.description"))
                .withActions(reload), convoys);
        refresh();
    }

    private void refresh() {
        convoys.removeAll();
        List<CheckpointConvoy> today = checkpoint.expectedToday();
        if (today.isEmpty()) {
            convoys.add(new Paragraph(getTranslation("checkpoint.none-today")));
        }
        for (CheckpointConvoy c : today) {
            Div card = new Div(new H2(getTranslation("checkpoint.convoy", labels.date(c.date()), c.route())));
            card.addClassNames("card", "checkpoint-convoy");
            card.add(new Paragraph(getTranslation("checkpoint.convoy.detail", c.escortUnit(),
                    c.vehicles().stream().map(v -> getTranslation("journey.vehicle.kind." + v.kind()) + " " + v.plate())
                            .collect(java.util.stream.Collectors.joining(", ")), getTranslation("journey.convoy.status." + c.status().name()))));
            if (c.journeys().isEmpty()) {
                card.add(new Paragraph(getTranslation("checkpoint.no-families")));
            }
            c.journeys().forEach(j -> card.add(family(j)));
            convoys.add(card);
        }
    }

    private Div family(CheckpointJourney j) {
        Div box = new Div();
        box.addClassName("checkpoint-family");
        box.getElement().setAttribute("data-journey", Long.toString(j.id()));
        H3 title = new H3(j.registrationNumber() + " → " + labels.place(j.destinationId()));
        box.add(title, JourneyLabels.badge(this, j.status()));
        if (j.status() != JourneyStatus.DEPARTED) {
            box.add(new Paragraph(getTranslation(j.status() == JourneyStatus.APPROVED ? "checkpoint.not-departed"
                    : "checkpoint.already-crossed")));
            box.addClassName("checkpoint-family-done");
            box.add(new Paragraph(j.travellers().stream().map(t -> t.fullName() + " ("
                    + getTranslation("journey.traveller.status." + t.status().name()) + ")")
                    .collect(java.util.stream.Collectors.joining(", "))));
            return box;
        }
        Map<Long, Checkbox> present = new LinkedHashMap<>();
        Map<Long, TextField> typed = new LinkedHashMap<>();
        Map<String, TextField> fields = new LinkedHashMap<>();
        for (CheckpointTraveller t : j.travellers()) {
            Div line = new Div();
            line.addClassName("checkpoint-traveller");
            Span who = new Span(t.fullName());
            who.addClassName("checkpoint-name");
            Span identity = new Span(String.join(" · ", List.of(
                    t.birthDate() == null ? "" : labels.date(t.birthDate()),
                    t.sex() == null ? "" : getTranslation("sex." + t.sex()),
                    t.documentType() == null ? getTranslation("checkpoint.no-document")
                            : getTranslation("document." + t.documentType()) + " " + t.documentEnd())));
            identity.addClassName("checkpoint-identity");
            Checkbox here = new Checkbox(getTranslation("checkpoint.present"), true);
            TextField document = new TextField(getTranslation("checkpoint.document-typed"));
            document.setValueChangeMode(ValueChangeMode.ON_BLUR);
            document.setWidth("16rem");
            document.setEnabled(t.documentEnd() != null);
            Span verdict = new Span();
            verdict.addClassName("checkpoint-verdict");
            document.addValueChangeListener(e -> show(verdict, document, e.getValue().isBlank() ? null
                    : checkpoint.check(t.id(), e.getValue())));
            here.addValueChangeListener(e -> {
                document.setEnabled(e.getValue() && t.documentEnd() != null);
                line.getElement().getClassList().set("checkpoint-missing", !e.getValue());
            });
            present.put(t.id(), here);
            typed.put(t.id(), document);
            fields.put("traveller-" + t.id(), document);
            HorizontalLayout controls = new HorizontalLayout(here, document, verdict);
            controls.setWrap(true);
            controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            line.add(new Div(who, identity), controls);
            box.add(line);
        }
        List<TextField[]> extras = new ArrayList<>();
        Div extraBox = new Div();
        Button addExtra = new Button(getTranslation("checkpoint.extra.add"), e -> {
            TextField name = new TextField(getTranslation("checkpoint.extra.name"));
            TextField doc = new TextField(getTranslation("checkpoint.extra.document"));
            fields.put("extra" + extras.size() + ".name", name);
            extras.add(new TextField[] {name, doc});
            HorizontalLayout row = new HorizontalLayout(name, doc);
            row.setWrap(true);
            extraBox.add(row);
            name.focus();
        });
        TextField note = new TextField(getTranslation("checkpoint.note"));
        note.setWidthFull();
        note.setMaxLength(500);
        Button record = new Button(getTranslation("checkpoint.record"));
        record.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        record.addClickListener(e -> {
            FormErrors.clear(fields);
            List<CrossingForm.TravellerCheck> checks = new ArrayList<>();
            present.forEach((id, box2) -> checks.add(new CrossingForm.TravellerCheck(id, box2.getValue(),
                    typed.get(id).getValue())));
            List<CrossingForm.ExtraPerson> extra = extras.stream()
                    .map(f -> new CrossingForm.ExtraPerson(f[0].getValue(), f[1].getValue())).toList();
            try {
                CrossingRow crossing = checkpoint.recordCrossing(new CrossingForm(j.id(), j.version(), checks, extra,
                        note.getValue()));
                Notifications.success(getTranslation("checkpoint.recorded", crossing.crossed(),
                        Formats.dateTime(crossing.crossedAt(), getLocale()), crossing.discrepancies().size()));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(this, problem, fields).forEach(Notifications::error);
            } catch (ConcurrentEditException changed) {
                Notifications.error(getTranslation("error.concurrent-edit"));
                refresh();
            }
        });
        box.add(extraBox, addExtra, note, record);
        return box;
    }

    private void show(Span verdict, TextField field, DocumentCheck check) {
        verdict.getElement().getClassList().clear();
        verdict.addClassName("checkpoint-verdict");
        field.setInvalid(false);
        if (check == null) {
            verdict.setText("");
            return;
        }
        verdict.setText(getTranslation("checkpoint.check." + check.name()));
        verdict.addClassNames("badge", check == DocumentCheck.MATCH ? "badge-success" : "badge-error");
        if (check == DocumentCheck.MISMATCH) {
            field.setErrorMessage(getTranslation("checkpoint.check.MISMATCH"));
            field.setInvalid(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.checkpoint") + " · FieldAid";
    }
}
