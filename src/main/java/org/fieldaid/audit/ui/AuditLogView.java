package org.fieldaid.audit.ui;

import org.fieldaid.base.ui.Pickers;
import org.fieldaid.base.ui.DateField;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fieldaid.audit.AuditEntry;
import org.fieldaid.audit.AuditExports;
import org.fieldaid.audit.AuditFilter;
import org.fieldaid.audit.AuditLog;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.AuditActions;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.GridSorts;
import org.fieldaid.base.ui.NarrowScreenColumns;
import org.fieldaid.report.Exports;
import org.fieldaid.report.ui.ExportDialog;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.security.Authority;
import org.springframework.data.domain.Sort;

/** The audit log: newest first, filtered in the database, loaded a page at a time. */
@Route("admin/audit")
@RolesAllowed(Authority.Codes.AUDIT_READ)
@Menu(title = "nav.admin.audit", order = 93, icon = "vaadin:archive")
class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private final AuditLog auditLog;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField actor = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final TextField entity = new TextField();
    private final DateField from = new DateField();
    private final DateField to = new DateField();
    private final Span count = new Span();

    AuditLogView(AuditLog auditLog, AuditExports auditExports, Exports exports) {
        this.auditLog = auditLog;
        addClassName("admin-view");
        setSizeFull();
        // exported by those who read it (decision 021)
        add(new ViewHeader(getTranslation("nav.admin.audit"), getTranslation("audit.description"))
                .withActions(ExportDialog.button(exports, getTranslation("nav.admin.audit"),
                        () -> List.of(auditExports.log(filter(), GridSorts.of(grid,
                                Sort.by(Sort.Direction.DESC, "occurredAt")), getLocale())))));

        actor.setLabel(getTranslation("audit.actor"));
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setClearButtonVisible(true);
        action.setLabel(getTranslation("audit.action"));
        // the reader's words; typing either the words or the code finds it
        action.setItemLabelGenerator(code -> AuditActions.label(this, code));
        action.setItems((code, typed) -> code.toLowerCase(getLocale()).contains(typed.toLowerCase(getLocale()))
                || AuditActions.label(this, code).toLowerCase(getLocale()).contains(typed.toLowerCase(getLocale())),
                auditLog.actions());
        action.setClearButtonVisible(true);
        Pickers.acceptTypedChoice(action);
        entity.setLabel(getTranslation("audit.entity-id"));
        entity.setValueChangeMode(ValueChangeMode.LAZY);
        entity.setClearButtonVisible(true);
        from.setLabel(getTranslation("audit.from"));
        to.setLabel(getTranslation("audit.to"));
        Div filters = new Div(actor, action, entity, from, to);
        filters.addClassName("filter-bar");
        actor.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        entity.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        count.addClassName("result-count");
        add(filters, count);

        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(e -> Formats.dateTime(e.occurredAt(), getLocale())).setHeader(getTranslation("audit.when"))
                .setKey("occurredAt").setSortable(true).setWidth("11rem").setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setKey("actor").setSortable(true)
                .setWidth("9rem").setFlexGrow(1);
        Grid.Column<AuditEntry> agency = grid.addColumn(e -> e.agencyCode() == null ? ""
                        : AgencyNames.of(this, e.agencyCode(), e.agencyCode()))
                .setHeader(getTranslation("audit.agency")).setTooltipGenerator(AuditEntry::agencyCode).setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(e -> AuditActions.label(this, e.action())).setHeader(getTranslation("audit.action"))
                .setKey("action").setSortable(true).setTooltipGenerator(AuditEntry::action).setWidth("10rem")
                .setFlexGrow(1);
        Grid.Column<AuditEntry> record = grid.addColumn(e -> e.entityType() == null ? ""
                        : e.entityType() + " " + e.entityId())
                .setHeader(getTranslation("audit.entity")).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(this::summary).setHeader(getTranslation("audit.summary")).setKey("summary").setWidth("12rem")
                .setFlexGrow(2)
                .setTooltipGenerator(this::summary);
        // on a tablet the agency and the record are read in the row's details
        NarrowScreenColumns.hideBelow(grid, 1000, List.of(agency, record));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setItems(query -> {
            var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            if (page.getSort().isUnsorted()) {
                page = page.withSort(Sort.by(Sort.Direction.DESC, "occurredAt"));
            }
            return auditLog.find(filter(), page).stream();
        }, query -> (int) auditLog.count(filter()));
        addAndExpand(grid);
        updateCount();
    }

    private String summary(AuditEntry e) {
        return AuditActions.summary(this, e.summaryKey(), e.arguments(), e.summary());
    }

    private Div details(AuditEntry e) {
        Div box = new Div();
        box.addClassName("audit-details");
        if (e.agencyCode() != null) {
            box.add(labelled("audit.agency", AgencyNames.of(this, e.agencyCode(), e.agencyCode())));
        }
        if (e.entityType() != null) {
            box.add(labelled("audit.entity", e.entityType() + " " + e.entityId()));
        }
        box.add(labelled("audit.before", e.before()), labelled("audit.after", e.after()));
        return box;
    }

    private Div labelled(String key, String value) {
        Pre pre = new Pre(value == null ? "—" : value.replace(", ", ",\n"));
        Div d = new Div(new Span(getTranslation(key)), pre);
        d.addClassName("audit-value");
        return d;
    }

    private AuditFilter filter() {
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(Formats.ZONE).toInstant();
        LocalDate last = to.getValue();
        Instant end = last == null ? null : last.plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
        return new AuditFilter(actor.getValue(), action.getValue(), null, entity.getValue(), start, end);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateCount();
    }

    private void updateCount() {
        count.setText(getTranslation("result.count", Formats.number(auditLog.count(filter()), getLocale())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.audit") + " · FieldAid";
    }
}
