package org.fieldaid.journey.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.journey.ConvoyRow;
import org.fieldaid.journey.Journeys;
import org.fieldaid.journey.ManifestLine;
import org.fieldaid.journey.VehicleRow;
import org.fieldaid.security.Authority;

/**
 * A convoy's manifest for paper: vehicles, and per vehicle the travellers with their documents. Outside the main
 * layout, so that the printed page holds the manifest only; the print rules are in journey-print.css.
 */
@Route(value = "journeys/convoys/manifest", autoLayout = false)
@RolesAllowed(Authority.Codes.CONVOY_MANAGE)
@StyleSheet("journey-print.css")
class ManifestView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final Journeys journeys;
    private String title = "";

    ManifestView(Journeys journeys) {
        this.journeys = journeys;
        addClassName("manifest");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        ConvoyRow convoy = journeys.convoy(id);
        List<ManifestLine> lines = journeys.manifest(id);
        String date = Formats.date(getLocale()).format(convoy.date());
        title = getTranslation("journey.manifest.title", date);
        Button print = new Button(getTranslation("journey.manifest.print"),
                e -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.addClassName("manifest-no-print");
        add(print, new H1(title), new Paragraph(getTranslation("journey.manifest.convoy", convoy.route(),
                convoy.checkpoint(), convoy.escortUnit(), lines.size())));
        for (VehicleRow v : convoy.vehicles()) {
            List<ManifestLine> aboard = lines.stream().filter(l -> l.vehicleId() == v.id()).toList();
            Div vehicle = new Div(new H2(getTranslation("journey.manifest.vehicle", v.seq(),
                    getTranslation("journey.vehicle.kind." + v.kind()), v.plate(), aboard.size(), v.seats())));
            vehicle.addClassName("manifest-vehicle");
            Element table = new Element("table");
            Element head = new Element("tr");
            for (String key : List.of("journey.manifest.no", "journey.household", "journey.traveller",
                    "journey.manifest.born", "journey.manifest.document", "journey.manifest.checked")) {
                head.appendChild(new Element("th").setText(getTranslation(key)));
            }
            table.appendChild(head);
            int n = 1;
            for (ManifestLine line : aboard) {
                Element row = new Element("tr");
                row.appendChild(cell(Integer.toString(n++)), cell(line.registrationNumber()), cell(line.fullName()),
                        cell(line.birthDate() == null ? "" : Formats.date(getLocale()).format(line.birthDate())),
                        cell(line.documentType() == null ? "—" : getTranslation("document." + line.documentType())
                                + " " + line.documentNumber()), cell("☐"));
                table.appendChild(row);
            }
            if (aboard.isEmpty()) {
                Element row = new Element("tr");
                row.appendChild(new Element("td").setAttribute("colspan", "6")
                        .setText(getTranslation("journey.manifest.empty")));
                table.appendChild(row);
            }
            vehicle.getElement().appendChild(table);
            add(vehicle);
        }
        Paragraph signed = new Paragraph(getTranslation("journey.manifest.signatures"));
        signed.addClassName("manifest-signatures");
        add(signed);
    }

    private static Element cell(String text) {
        return new Element("td").setText(text);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
