package org.fieldaid.aid.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldaid.aid.PackageTypeRow;
import org.fieldaid.aid.RoundRow;
import org.fieldaid.aid.WarehouseRow;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.settlement.SettlementRow;

/** Names of package types, places and warehouses in the reader's language, looked up once per view. */
final class AidLabels {

    private final Map<Long, PackageTypeRow> types;
    private final Map<Long, SettlementRow> places;
    private final Map<Long, WarehouseRow> warehouses;
    private final Locale locale;

    AidLabels(List<PackageTypeRow> types, List<SettlementRow> places, List<WarehouseRow> warehouses, Locale locale) {
        this.types = types.stream().collect(Collectors.toMap(PackageTypeRow::id, Function.identity()));
        this.places = places.stream().collect(Collectors.toMap(SettlementRow::id, Function.identity()));
        this.warehouses = warehouses.stream().collect(Collectors.toMap(WarehouseRow::id, Function.identity()));
        this.locale = locale;
    }

    String type(long id) {
        PackageTypeRow type = types.get(id);
        return type == null ? Long.toString(id) : type.name(locale);
    }

    String place(Long id) {
        SettlementRow place = id == null ? null : places.get(id);
        return place == null ? "" : place.label(locale);
    }

    String warehouse(long id) {
        WarehouseRow warehouse = warehouses.get(id);
        return warehouse == null ? Long.toString(id) : warehouse.name(locale) + " (" + place(warehouse.settlementId()) + ")";
    }

    /** Where a warehouse is: enough to tell the two ends of a transfer apart on a tablet. */
    String warehousePlace(long id) {
        WarehouseRow warehouse = warehouses.get(id);
        return warehouse == null ? Long.toString(id) : place(warehouse.settlementId());
    }

    String period(RoundRow round) {
        return round.periodStart().format(Formats.date(locale)) + " – " + round.periodEnd().format(Formats.date(locale));
    }

    String round(Component context, RoundRow round) {
        return context.getTranslation("aid.round.label", place(round.pointSettlementId()), period(round));
    }
}
