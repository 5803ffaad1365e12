package org.fieldaid.aid.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fieldaid.aid.Aid;
import org.fieldaid.aid.DeliveryRecord;
import org.fieldaid.aid.DeliveryRow;
import org.fieldaid.base.ui.AgencyNames;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.security.Authority;
import org.fieldaid.security.CurrentUser;
import org.fieldaid.settlement.Settlements;

/**
 * The printable list of a distribution point's day: every handover with its receipt number, voided ones struck
 * through, and the totals per package, for the point's paper file and the evening count of the stock.
 */
@Route(value = "aid/day-list", autoLayout = false)
@RolesAllowed(Authority.Codes.AID_READ)
@StyleSheet("aid-print.css")
class DayListView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final Aid aid;
    private final Settlements settlements;
    private final CurrentUser currentUser;
    private String title = "";

    DayListView(Aid aid, Settlements settlements, CurrentUser currentUser) {
        this.aid = aid;
        this.settlements = settlements;
        this.currentUser = currentUser;
        addClassName("print-page");
    }

    static String route(long pointSettlementId, LocalDate day) {
        return "aid/day-list?point=" + pointSettlementId + "&day=" + day;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var parameters = event.getLocation().getQueryParameters();
        Long point;
        LocalDate day;
        try {
            point = parameters.getSingleParameter("point").map(Long::valueOf).orElse(null);
            day = parameters.getSingleParameter("day").map(LocalDate::parse).orElse(LocalDate.now(Formats.ZONE));
        } catch (NumberFormatException | DateTimeParseException unreadable) {
            point = null;
            day = LocalDate.now(Formats.ZONE);
        }
        AidLabels labels = new AidLabels(aid.packageTypes(), settlements.all(), aid.warehouses(), getLocale());
        add(PrintPage.toolbar(this, "aid/rounds"));
        if (point == null) {
            title = getTranslation("aid.print.day-list-missing");
            add(new H1(title));
            return;
        }
        String date = day.format(Formats.date(getLocale()));
        title = getTranslation("aid.print.day-list-title", labels.place(point), date);
        var user = currentUser.require();
        Paragraph issuer = new Paragraph(AgencyNames.of(this, user.getAgencyCode(), user.agencyName()) + " · FieldAid");
        issuer.addClassName("print-issuer");
        add(issuer, new H1(title));
        List<DeliveryRecord> records = aid.deliveriesAt(point, day);
        if (records.isEmpty()) {
            add(new Paragraph(getTranslation("aid.print.day-list-empty")));
            return;
        }
        Element table = new Element("table");
        table.getClassList().add("print-table");
        Element head = new Element("tr");
        for (String key : List.of("aid.print.no", "aid.print.time", "aid.delivery.receipt", "aid.household.number",
                "aid.deliver.recipient", "aid.package", "aid.deliver.quantity", "aid.print.officer")) {
            head.appendChild(new Element("th").setText(getTranslation(key)));
        }
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        Map<String, int[]> totals = new TreeMap<>();
        int n = 0;
        for (DeliveryRecord r : records) {
            DeliveryRow d = r.delivery();
            String type = labels.type(r.packageTypeId());
            int[] total = totals.computeIfAbsent(type, k -> new int[2]);
            total[d.voided() ? 1 : 0] += d.quantity();
            Element row = new Element("tr");
            if (d.voided()) {
                row.getClassList().add("print-voided-row");
            }
            row.appendChild(cell(Integer.toString(++n)), cell(Formats.dateTime(d.deliveredAt(), getLocale())),
                    cell(d.receiptNumber() + (d.voided() ? " · " + getTranslation("aid.print.voided-short") : "")),
                    cell(r.registrationNumber()), cell(d.recipientName() + (d.proxyDocument() == null ? ""
                            : " · " + getTranslation("aid.delivery.proxy", d.proxyDocument()))),
                    cell(type), cell(Integer.toString(d.quantity())), cell(d.officer()));
            body.appendChild(row);
        }
        table.appendChild(body);
        getElement().appendChild(table);
        Div sums = new Div();
        sums.addClassName("print-totals");
        totals.forEach((type, t) -> sums.add(new Paragraph(getTranslation("aid.print.total-line", type, t[0], t[1]))));
        add(sums);
        Div signatures = new Div(PrintPage.signature(this, "aid.print.sign-point-lead"),
                PrintPage.signature(this, "aid.print.sign-storekeeper"));
        signatures.addClassName("print-signatures");
        add(signatures);
        add(new Span());
    }

    private static Element cell(String text) {
        return new Element("td").setText(text);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
