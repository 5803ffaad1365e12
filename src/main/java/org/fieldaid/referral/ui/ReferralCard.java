package org.fieldaid.referral.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.referral.Outcome;
import org.fieldaid.referral.ReferralRow;
import org.fieldaid.referral.ReferralStatus;
import org.fieldaid.referral.Referrals;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.security.FieldAidUser;

/**
 * One referral with its whole chain (sent, accepted or declined, completed or revoked) and what the reader may do
 * with it next. The receiving agency sees the preview until it accepts. When somebody else acted first, the card
 * shows the referral as it is now and keeps what the reader had typed.
 */
@StyleSheet("referral.css")
class ReferralCard extends Div {

    /** What the reader had typed, carried over when the card is shown again after a conflict. */
    record Typed(String reason, Outcome outcome, String outcomeNote, String revokeReason) {
        static final Typed NONE = new Typed("", null, "", "");
    }

    private final Referrals referrals;
    private final CurrentUser currentUser;
    private final ReferralLabels labels;
    private final Consumer<ReferralRow> changed;
    private final boolean linkHousehold;
    private final TextField reason = new TextField();
    private final Select<Outcome> outcome = new Select<>();
    private final TextField outcomeNote = new TextField();
    private final TextField revokeReason = new TextField();
    private final Paragraph conflict = new Paragraph();

    ReferralCard(Referrals referrals, CurrentUser currentUser, ReferralLabels labels, ReferralRow row,
                 boolean linkHousehold, Consumer<ReferralRow> changed) {
        this(referrals, currentUser, labels, row, linkHousehold, changed, Typed.NONE, null);
    }

    private ReferralCard(Referrals referrals, CurrentUser currentUser, ReferralLabels labels, ReferralRow row,
                         boolean linkHousehold, Consumer<ReferralRow> changed, Typed typed, String conflictText) {
        this.referrals = referrals;
        this.currentUser = currentUser;
        this.labels = labels;
        this.changed = changed;
        this.linkHousehold = linkHousehold;
        addClassNames("card", "referral-card");
        getElement().setAttribute("data-referral", Long.toString(row.id()));
        conflict.addClassNames("form-message", "referral-conflict");
        conflict.getElement().setAttribute("role", "alert");
        conflict.setVisible(conflictText != null);
        if (conflictText != null) {
            conflict.setText(conflictText);
        }
        reason.setValue(typed.reason());
        outcome.setValue(typed.outcome());
        outcomeNote.setValue(typed.outcomeNote());
        revokeReason.setValue(typed.revokeReason());
        render(row);
    }

    private void render(ReferralRow r) {
        Div head = new Div(new H3(labels.service(r.service()) + " · " + labels.agency(r.fromAgency()) + " → "
                + labels.agency(r.toAgency())), labels.badges(r));
        head.addClassName("referral-head");
        add(head, conflict);
        add(line("referral.members", labels.members(r)));
        add(line("referral.urgency", getTranslation("referral.urgency." + r.urgency().name())));
        if (r.preview()) {
            Paragraph preview = new Paragraph(getTranslation("referral.preview.notice"));
            preview.addClassNames("form-help", "referral-preview");
            add(preview);
        } else {
            if (r.householdId() != null) {
                String household = r.registrationNumber() + " · " + r.headName();
                if (linkHousehold) {
                    Anchor link = new Anchor("households/" + r.householdId(), household);
                    link.addClassName("referral-household");
                    add(lineWith("referral.household", link));
                }
            }
            if (r.need() != null) {
                add(line("referral.need", getTranslation("vulnerability." + r.need().name())));
            }
            if (r.note() != null) {
                add(line("referral.note", r.note()));
            }
            add(line("referral.consent", Boolean.TRUE.equals(r.consentGiven())
                    ? getTranslation("referral.consent.given-by", r.consentGivenBy(), labels.agency(r.toAgency()),
                    labels.service(r.service()))
                    : getTranslation("referral.consent.not-given")));
        }
        add(chain(r));
        actions(r);
    }

    private Paragraph line(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("referral-label");
        Paragraph p = new Paragraph(label, new Span(value));
        p.addClassName("referral-line");
        return p;
    }

    private Paragraph lineWith(String labelKey, com.vaadin.flow.component.Component value) {
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("referral-label");
        Paragraph p = new Paragraph(label, value);
        p.addClassName("referral-line");
        return p;
    }

    private OrderedList chain(ReferralRow r) {
        OrderedList steps = new OrderedList();
        steps.addClassName("referral-chain");
        step(steps, "referral.chain.sent", r.sentAt(), r.sentBy(), null);
        if (r.overdue()) {
            steps.add(new ListItem(getTranslation("referral.chain.overdue",
                    referrals.urgentWithin().toHours())));
        }
        step(steps, "referral.chain.accepted", r.acceptedAt(), r.acceptedBy(), null);
        step(steps, "referral.chain.declined", r.declinedAt(), r.declinedBy(), r.declineReason());
        step(steps, "referral.chain.completed", r.completedAt(), r.completedBy(), r.outcome() == null ? null
                : getTranslation("referral.outcome." + r.outcome().name())
                + (r.outcomeNote() == null ? "" : " — " + r.outcomeNote()));
        step(steps, "referral.chain.revoked", r.revokedAt(), r.revokedBy(), r.revokeReason());
        return steps;
    }

    private void step(OrderedList steps, String key, Instant at, String by, String detail) {
        if (at == null) {
            return;
        }
        ListItem item = new ListItem(getTranslation(key, Formats.dateTime(at, getLocale()), by));
        if (detail != null && !detail.isBlank()) {
            Span more = new Span(" " + detail);
            more.addClassName("referral-step-detail");
            item.add(more);
        }
        steps.add(item);
    }

    private void actions(ReferralRow r) {
        FieldAidUser me = currentUser.require();
        boolean receiver = r.toAgency().equals(me.getAgencyCode()) && me.has(Authority.REFERRAL_RECEIVE);
        boolean sender = r.fromAgency().equals(me.getAgencyCode()) && (r.sentBy().equals(me.getUsername())
                ? me.has(Authority.REFERRAL_SEND) : me.has(Authority.REFERRAL_SUPERVISE));
        if (receiver && r.status() == ReferralStatus.SENT) {
            Button accept = new Button(getTranslation("referral.accept"), e -> act(r,
                    () -> referrals.accept(r.id(), r.version()), "referral.accepted", Map.of()));
            accept.addThemeVariants(ButtonVariant.PRIMARY);
            accept.addClassName("referral-accept");
            reason.setLabel(getTranslation("referral.decline.reason"));
            reason.setMaxLength(500);
            reason.setWidth("min(22rem, 100%)");
            Button decline = new Button(getTranslation("referral.decline"), e -> act(r,
                    () -> referrals.decline(r.id(), r.version(), reason.getValue()), "referral.declined",
                    Map.of("reason", reason)));
            decline.addClassName("referral-decline");
            add(row(accept), row(reason, decline));
        }
        if (receiver && r.status() == ReferralStatus.ACCEPTED) {
            outcome.setLabel(getTranslation("referral.outcome"));
            outcome.setItems(Outcome.values());
            outcome.setItemLabelGenerator(o -> o == null ? "" : getTranslation("referral.outcome." + o.name()));
            outcome.setPlaceholder(getTranslation("referral.outcome.choose"));
            outcome.setWidth("min(16rem, 100%)");
            outcomeNote.setLabel(getTranslation("referral.outcome.note"));
            outcomeNote.setMaxLength(500);
            outcomeNote.setWidth("min(22rem, 100%)");
            Button complete = new Button(getTranslation("referral.complete"), e -> act(r,
                    () -> referrals.complete(r.id(), r.version(), outcome.getValue(), outcomeNote.getValue()),
                    "referral.completed", fields("outcome", outcome, "outcomeNote", outcomeNote)));
            complete.addThemeVariants(ButtonVariant.PRIMARY);
            complete.addClassName("referral-complete");
            FormShortcuts.click(complete, Key.KEY_S, KeyModifier.ALT);
            add(row(outcome, outcomeNote, complete));
        }
        if (sender && !r.status().ended()) {
            revokeReason.setLabel(getTranslation("referral.revoke.reason"));
            revokeReason.setMaxLength(500);
            revokeReason.setWidth("min(22rem, 100%)");
            Button revoke = new Button(getTranslation("referral.revoke"), e -> act(r,
                    () -> referrals.revoke(r.id(), r.version(), revokeReason.getValue()), "referral.revoked",
                    Map.of("reason", revokeReason)));
            revoke.addThemeVariants(ButtonVariant.ERROR);
            revoke.addClassName("referral-revoke");
            add(row(revokeReason, revoke));
        }
    }

    private static Map<String, HasValidation> fields(String k1, HasValidation f1, String k2, HasValidation f2) {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put(k1, f1);
        fields.put(k2, f2);
        return fields;
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.addClassName("referral-actions");
        return row;
    }

    private void act(ReferralRow r, Supplier<ReferralRow> action, String doneKey,
                     Map<String, ? extends HasValidation> fields) {
        FormErrors.clear(fields);
        try {
            ReferralRow now = action.get();
            Notifications.success(getTranslation(doneKey));
            changed.accept(now);
        } catch (InvalidInputException problem) {
            FormErrors.show(this, problem, fields).forEach(Notifications::error);
        } catch (ConcurrentEditException raced) {
            ReferralRow now = referrals.referral(r.id());
            String text = getTranslation("referral.error.concurrent", getTranslation("referral.status."
                    + now.status().name()));
            Notifications.error(text);
            ReferralCard fresh = new ReferralCard(referrals, currentUser, labels, now, linkHousehold, changed,
                    new Typed(reason.getValue(), outcome.getValue(), outcomeNote.getValue(), revokeReason.getValue()),
                    text);
            getParent().ifPresent(parent -> parent.getElement().insertChild(parent.getElement().indexOfChild(
                    getElement()), fresh.getElement()));
            removeFromParent();
        }
    }
}
