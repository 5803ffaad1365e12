package org.fieldaid.aid.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.ExceptionRow;
import org.fieldaid.aid.StockLevel;
import org.fieldaid.approval.SubjectPreview;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.settlement.Settlements;

/** Shows a package asked for outside the entitlement inside the inbox: what, for whom, why, and the stock for it. */
@org.springframework.stereotype.Component
class ExceptionPreview implements SubjectPreview {

    private final Aid aid;
    private final Settlements settlements;

    ExceptionPreview(Aid aid, Settlements settlements) {
        this.aid = aid;
        this.settlements = settlements;
    }

    @Override
    public String kind() {
        return Aid.EXCEPTION_APPROVAL_KIND;
    }

    @Override
    public Component render(long subjectId) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        AidLabels labels = new AidLabels(aid.packageTypes(), settlements.all(), aid.warehouses(), locale);
        ExceptionRow x = aid.exception(subjectId);
        int inStock = aid.stock(x.warehouseId()).stream().filter(s -> s.packageTypeId() == x.packageTypeId())
                .findFirst().map(StockLevel::quantity).orElse(0);
        Div preview = new Div();
        preview.addClassName("aid-exception-preview");
        preview.add(new H3(preview.getTranslation("aid.exception.preview-title", labels.type(x.packageTypeId()),
                x.quantity(), x.registrationNumber())));
        preview.add(new Paragraph(preview.getTranslation("aid.exception.preview-line", x.requestedBy(),
                Formats.dateTime(x.requestedAt(), locale), labels.warehouse(x.warehouseId()), inStock)));
        preview.add(AidHouseholdTab.exceptionBadge(preview, x));
        return preview;
    }
}
