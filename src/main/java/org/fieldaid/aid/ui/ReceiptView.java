package org.fieldaid.aid.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.DeliveryRecord;
import org.fieldaid.aid.DeliveryRow;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.settlement.Settlements;

/**
 * One delivery's receipt, to print and hand to the family or file with the point's papers. A page of its own, outside
 * the application's layout, so that the print holds the receipt and nothing else.
 */
@Route(value = "aid/receipt", autoLayout = false)
@RolesAllowed(Authority.Codes.AID_READ)
@StyleSheet("aid-print.css")
class ReceiptView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final Aid aid;
    private final Settlements settlements;
    private final CurrentUser currentUser;
    private String title = "";

    ReceiptView(Aid aid, Settlements settlements, CurrentUser currentUser) {
        this.aid = aid;
        this.settlements = settlements;
        this.currentUser = currentUser;
        addClassName("print-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String receiptNumber) {
        removeAll();
        DeliveryRecord record = aid.receipt(receiptNumber);
        DeliveryRow d = record.delivery();
        AidLabels labels = new AidLabels(aid.packageTypes(), settlements.all(), aid.warehouses(), getLocale());
        PackageTypeRow type = aid.packageTypes().stream().filter(t -> t.id() == record.packageTypeId()).findFirst()
                .orElseThrow();
        title = getTranslation("aid.print.receipt-title", d.receiptNumber());
        add(PrintPage.toolbar(this, "aid/distribute"));
        var user = currentUser.require();
        Paragraph issuer = new Paragraph(AgencyNames.of(this, user.getAgencyCode(), user.agencyName()) + " · FieldAid");
        issuer.addClassName("print-issuer");
        add(issuer, new H1(title));
        if (d.voided()) {
            Div voided = new Div(getTranslation("aid.print.voided", d.voidReason(), d.voidedBy(),
                    Formats.dateTime(d.voidedAt(), getLocale())));
            voided.addClassName("print-voided");
            add(voided);
        }
        Div fields = new Div(
                PrintPage.field(getTranslation("aid.household.number"), record.registrationNumber()),
                PrintPage.field(getTranslation("aid.deliver.recipient"), d.recipientName()
                        + (d.proxyDocument() == null ? "" : " · " + getTranslation("aid.delivery.proxy",
                        d.proxyDocument()))),
                PrintPage.field(getTranslation("aid.print.identity"), getTranslation(d.identityChecked()
                        ? "aid.print.identity-checked" : "aid.print.identity-not-checked")),
                PrintPage.field(getTranslation("aid.package"), type.name(getLocale()) + " × " + d.quantity()),
                PrintPage.field(getTranslation("aid.packages.contents"), type.contents()),
                PrintPage.field(getTranslation("aid.print.point"), labels.place(d.pointSettlementId())),
                PrintPage.field(getTranslation("aid.warehouse"), labels.warehouse(record.warehouseId())),
                PrintPage.field(getTranslation("aid.print.basis"), record.roundId() != null
                        ? getTranslation("aid.print.basis-round", record.roundId())
                        : getTranslation("aid.print.basis-exception", record.exceptionId())),
                PrintPage.field(getTranslation("aid.ledger.when"), Formats.dateTime(d.deliveredAt(), getLocale())),
                PrintPage.field(getTranslation("aid.print.officer"), d.officer()));
        fields.addClassName("print-fields");
        add(fields);
        Div signatures = new Div(PrintPage.signature(this, "aid.print.sign-recipient"),
                PrintPage.signature(this, "aid.print.sign-officer"));
        signatures.addClassName("print-signatures");
        add(signatures);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
