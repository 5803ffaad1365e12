package org.fieldaid.approval.ui;

import org.fieldaid.base.ui.GridRows;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldaid.approval.ApprovalExports;
import org.fieldaid.approval.ApprovalKind;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.approval.AlreadyDecided;
import org.fieldaid.approval.ApprovalStatus;
import org.fieldaid.approval.FourEyesViolation;
import org.fieldaid.approval.InboxFilter;
import org.fieldaid.approval.SubjectPreview;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.GridSorts;
import org.fieldaid.base.ui.NarrowScreenColumns;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.report.Exports;
import org.fieldaid.report.ui.ExportDialog;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.springframework.data.domain.Sort;

/** One inbox for every kind of decision a supervisor may take; the oldest requests first. */
@Route("approvals")
@RolesAllowed({Authority.Codes.HOUSEHOLD_APPROVE, Authority.Codes.AID_APPROVE, Authority.Codes.JOURNEY_APPROVE})
@Menu(title = "nav.approvals", order = 20, icon = "vaadin:inbox")
class ApprovalInboxView extends VerticalLayout implements HasDynamicTitle {

    /** Age filter choices, in days; 0 means any age. */
    private static final List<Integer> AGES = List.of(0, 1, 3, 7);

    private final Approvals approvals;
    private final Map<String, SubjectPreview> previews;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Grid<ApprovalView> grid = new Grid<>();
    private final Select<ApprovalKind> kind = new Select<>();
    private final Select<Integer> age = new Select<>();
    private final Span count = new Span();

    ApprovalInboxView(Approvals approvals, List<SubjectPreview> previews, CurrentUser currentUser, Clock clock,
                      ApprovalExports approvalExports, Exports exports) {
        this.approvals = approvals;
        this.previews = previews.stream().collect(Collectors.toMap(SubjectPreview::kind, Function.identity()));
        this.currentUser = currentUser;
        this.clock = clock;
        addClassName("admin-view");
        setSizeFull();
        // the inbox is exported by those who decide it (decision 021)
        add(new ViewHeader(getTranslation("nav.approvals"), getTranslation("approval.description"))
                .withActions(ExportDialog.button(exports, getTranslation("nav.approvals"),
                        () -> List.of(approvalExports.inbox(filter(), GridSorts.of(grid, Sort.by("requestedAt")))))));

        kind.setLabel(getTranslation("approval.kind"));
        kind.setItems(approvals.decidableKinds());
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("approval.kind.any")
                : getTranslation("approval.kind." + k.code()));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("approval.kind.any"));
        age.setLabel(getTranslation("approval.age"));
        age.setItems(AGES);
        age.setItemLabelGenerator(d -> d == 0 ? getTranslation("approval.age.any")
                : getTranslation("approval.age.older", d));
        age.setValue(0);
        kind.addValueChangeListener(e -> refresh());
        age.addValueChangeListener(e -> refresh());
        Div filters = new Div(kind, age);
        filters.addClassName("filter-bar");
        count.addClassName("result-count");
        add(filters, count);

        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addClassName("compact-grid");
        grid.addColumn(r -> getTranslation("approval.kind." + r.kind())).setHeader(getTranslation("approval.kind"))
                .setWidth("8rem").setFlexGrow(0);
        grid.addColumn(ApprovalView::subjectLabel).setHeader(getTranslation("approval.subject")).setWidth("12rem")
                .setFlexGrow(2);
        grid.addColumn(r -> AgencyNames.of(this, r.agencyCode(), r.agencyCode())).setHeader(getTranslation("audit.agency"))
                .setTooltipGenerator(ApprovalView::agencyCode).setWidth("9rem").setFlexGrow(1);
        var requestedBy = grid.addColumn(ApprovalView::requestedBy).setHeader(getTranslation("approval.requested-by"))
                .setWidth("8rem").setFlexGrow(1);
        grid.addColumn(r -> Formats.dateTime(r.requestedAt(), getLocale()))
                .setHeader(getTranslation("approval.requested-at")).setKey("requestedAt").setSortable(true)
                .setWidth("8rem").setFlexGrow(0);
        grid.addComponentColumn(r -> r.note() == null ? new Span() : badge(getTranslation("approval.has-note")))
                .setHeader(getTranslation("approval.note")).setWidth("8rem").setFlexGrow(0);
        // on a tablet the requester is read in the request itself
        NarrowScreenColumns.hideBelow(grid, 1000, List.of(requestedBy));
        grid.setItems(query -> {
            var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            if (page.getSort().isUnsorted()) {
                page = page.withSort(Sort.by("requestedAt"));
            }
            return approvals.inbox(filter(), page).stream();
        }, query -> (int) approvals.countInbox(filter()));
        GridRows.openWith(grid, this::open);
        addAndExpand(grid);
        updateCount();
    }

    private InboxFilter filter() {
        Integer days = age.getValue();
        Instant olderThan = days == null || days == 0 ? null : clock.instant().minus(Duration.ofDays(days));
        return new InboxFilter(kind.getValue() == null ? null : kind.getValue().code(), olderThan);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateCount();
    }

    private void updateCount() {
        count.setText(getTranslation("approval.count", Formats.number(approvals.countInbox(filter()), getLocale())));
    }

    private void open(ApprovalView request) {
        Dialog dialog = new Dialog(getTranslation("approval.kind." + request.kind()) + " · " + request.subjectLabel());
        dialog.setWidth("min(900px, 96vw)");
        dialog.addClassName("edit-dialog");
        Div meta = new Div(new Paragraph(getTranslation("approval.requested", request.requestedBy(),
                AgencyNames.of(this, request.agencyCode(), request.agencyCode()),
                Formats.dateTime(request.requestedAt(), getLocale()))));
        if (request.note() != null) {
            Div note = new Div(new H3(getTranslation("approval.note")), new Paragraph(request.note()));
            note.addClassName("approval-note");
            meta.add(note);
        }
        approvals.kind(request.kind()).ifPresent(k ->
                meta.add(new Anchor(k.routeTo(request.subjectId()), getTranslation("approval.open-record"))));
        dialog.add(meta);
        SubjectPreview preview = previews.get(request.kind());
        if (preview != null) {
            dialog.add(preview.render(request.subjectId()));
        }
        TextArea reason = new TextArea(getTranslation("approval.reason"));
        reason.setWidthFull();
        reason.setHelperText(getTranslation("approval.reason.help"));
        dialog.add(reason);

        String me = currentUser.get().map(u -> u.getUsername()).orElse(null);
        boolean own = request.wroteOrRequestedBy(me);
        Button approve = new Button(getTranslation("approval.approve"), e -> decide(dialog, request, true, reason));
        approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        Button reject = new Button(getTranslation("approval.reject"), e -> decide(dialog, request, false, reason));
        reject.addThemeVariants(ButtonVariant.ERROR);
        if (own) {
            approve.setEnabled(false);
            reject.setEnabled(false);
            // the requester is told so; whoever wrote the data since its last decision is told that instead
            Paragraph fourEyes = new Paragraph(getTranslation(Objects.equals(me, request.requestedBy())
                    ? "approval.four-eyes" : "approval.four-eyes.contributor"));
            fourEyes.addClassName("form-message");
            dialog.add(fourEyes);
        }
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), reject, approve);
        dialog.open();
    }

    private void decide(Dialog dialog, ApprovalView request, boolean approve, TextArea reason) {
        try {
            if (approve) {
                approvals.approve(request.id(), request.version());
            } else {
                approvals.reject(request.id(), request.version(), reason.getValue());
            }
            Notifications.success(getTranslation(approve ? "approval.approved" : "approval.rejected"));
            dialog.close();
            refresh();
        } catch (InvalidInputException ex) {
            FormErrors.show(this, ex, Map.of("reason", reason));
        } catch (FourEyesViolation ex) {
            Notifications.error(getTranslation("approval.four-eyes.contributor"));
        } catch (AlreadyDecided ex) {
            Notifications.error(alreadyDecided(ex.request()));
            dialog.close();
            refresh();
        } catch (ConcurrentEditException ex) {
            Notifications.error(getTranslation("approval.already-decided"));
            dialog.close();
            refresh();
        }
    }

    /** Who was first, and what they decided, so that the second supervisor knows where the request stands. */
    private String alreadyDecided(ApprovalView now) {
        if (now.status() == ApprovalStatus.APPROVED || now.status() == ApprovalStatus.REJECTED) {
            return getTranslation("approval.already-decided.by." + now.status().name().toLowerCase(), now.decidedBy());
        }
        return getTranslation("approval.already-decided.withdrawn");
    }

    private static Span badge(String text) {
        Span badge = new Span(text);
        badge.addClassNames("badge", "badge-warning");
        return badge;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.approvals") + " · FieldAid";
    }
}
