package org.fieldaid.aid;

import static org.fieldaid.report.ColumnAccess.AGGREGATE;
import static org.fieldaid.report.ColumnAccess.PERSONAL;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldaid.report.ExportColumn;
import org.fieldaid.report.ExportSource;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.springframework.stereotype.Component;

/**
 * The aid lists as the exporter takes them (decision 021): a round's entitlements and deliveries, and a
 * warehouse's stock ledger. Rows stream through {@link Aid}, which checks that the caller reads aid. Places,
 * package types and warehouses are written by their English names, codes as they are stored.
 */
@Component
public class AidExports {

    private final Aid aid;
    private final Settlements settlements;

    AidExports(Aid aid, Settlements settlements) {
        this.aid = aid;
        this.settlements = settlements;
    }

    /** @param roundId the round shown, or null for every round and exception */
    public ExportSource<EntitlementRow> entitlements(Long roundId) {
        Names names = names();
        return ExportSource.of("entitlements", roundId == null ? "every round" : "round " + roundId, List.of(
                ExportColumn.number("entitlement_id", "#meta+id", AGGREGATE, EntitlementRow::id),
                ExportColumn.number("round_id", "#meta+round", AGGREGATE, EntitlementRow::roundId),
                ExportColumn.number("exception_id", "#meta+exception", AGGREGATE, EntitlementRow::exceptionId),
                ExportColumn.text("registration_number", "#affected+hh+code", PERSONAL,
                        EntitlementRow::registrationNumber),
                ExportColumn.text("package_code", "#item+code", AGGREGATE, EntitlementRow::packageCode),
                ExportColumn.text("package_name", "#item+name", AGGREGATE, e -> names.type(e.packageTypeId())),
                ExportColumn.number("quantity", "#targeted+num", AGGREGATE, EntitlementRow::quantity),
                ExportColumn.number("delivered_quantity", "#reached+num", AGGREGATE,
                        EntitlementRow::deliveredQuantity),
                ExportColumn.text("status", "#status", AGGREGATE, EntitlementRow::status),
                ExportColumn.text("basis_status", "#status+basis", AGGREGATE, EntitlementRow::roundStatus),
                ExportColumn.date("period_start", "#date+start", AGGREGATE, EntitlementRow::periodStart),
                ExportColumn.date("period_end", "#date+end", AGGREGATE, EntitlementRow::periodEnd),
                ExportColumn.text("distribution_point", "#loc+name+distribution", AGGREGATE,
                        e -> names.place(e.pointSettlementId())),
                ExportColumn.text("warehouse", "#loc+warehouse+name", AGGREGATE,
                        e -> names.warehouse(e.warehouseId())),
                ExportColumn.number("follow_up_of", "#meta+parent", AGGREGATE, EntitlementRow::parentId)),
                sink -> aid.forEachEntitlement(roundId, sink));
    }

    /** @param roundId the round shown, or null for every delivery */
    public ExportSource<DeliveryRecord> deliveries(Long roundId) {
        Names names = names();
        return ExportSource.of("deliveries", roundId == null ? "every round" : "round " + roundId, List.of(
                ExportColumn.text("receipt_number", "#meta+receipt", PERSONAL, d -> d.delivery().receiptNumber()),
                ExportColumn.date("delivered_at", "#date+delivered", AGGREGATE, d -> d.delivery().deliveredAt()),
                ExportColumn.text("status", "#status", AGGREGATE, d -> d.delivery().voided() ? "VOIDED" : "DELIVERED"),
                ExportColumn.number("round_id", "#meta+round", AGGREGATE, DeliveryRecord::roundId),
                ExportColumn.number("exception_id", "#meta+exception", AGGREGATE, DeliveryRecord::exceptionId),
                ExportColumn.text("registration_number", "#affected+hh+code", PERSONAL,
                        DeliveryRecord::registrationNumber),
                ExportColumn.text("package_code", "#item+code", AGGREGATE, DeliveryRecord::packageCode),
                ExportColumn.text("package_name", "#item+name", AGGREGATE, d -> names.type(d.packageTypeId())),
                ExportColumn.number("quantity", "#reached+num", AGGREGATE, d -> d.delivery().quantity()),
                ExportColumn.text("distribution_point", "#loc+name+distribution", AGGREGATE,
                        d -> names.place(d.delivery().pointSettlementId())),
                ExportColumn.text("warehouse", "#loc+warehouse+name", AGGREGATE, d -> names.warehouse(d.warehouseId())),
                ExportColumn.text("recipient_name", "#affected+name+recipient", PERSONAL,
                        d -> d.delivery().recipientName()),
                ExportColumn.text("proxy_document", "#meta+document+proxy", PERSONAL,
                        d -> d.delivery().proxyDocument()),
                ExportColumn.text("identity_checked", "#meta+identity+checked", AGGREGATE,
                        d -> d.delivery().identityChecked()),
                ExportColumn.text("officer", "#contact+name+officer", PERSONAL, d -> d.delivery().officer()),
                ExportColumn.date("voided_at", "#date+voided", AGGREGATE, d -> d.delivery().voidedAt()),
                ExportColumn.text("voided_by", "#contact+name+voided", PERSONAL, d -> d.delivery().voidedBy()),
                ExportColumn.text("void_reason", "#meta+reason+void", PERSONAL, d -> d.delivery().voidReason())),
                sink -> aid.forEachDelivery(roundId, sink));
    }

    /** @param packageTypeId the package type whose ledger is open, or null for the warehouse's whole ledger */
    public ExportSource<MovementRow> ledger(long warehouseId, Long packageTypeId) {
        Names names = names();
        return ExportSource.of("stock-ledger", "warehouse " + warehouseId
                        + (packageTypeId == null ? ", every package type" : ", package type " + packageTypeId)
                        + ", newest first", List.of(
                ExportColumn.number("movement_id", "#meta+id", AGGREGATE, MovementRow::id),
                ExportColumn.date("recorded_at", "#date", AGGREGATE, MovementRow::recordedAt),
                ExportColumn.text("warehouse", "#loc+warehouse+name", AGGREGATE, m -> names.warehouse(m.warehouseId())),
                ExportColumn.text("package_code", "#item+code", AGGREGATE, m -> names.typeCode(m.packageTypeId())),
                ExportColumn.text("package_name", "#item+name", AGGREGATE, m -> names.type(m.packageTypeId())),
                ExportColumn.text("kind", "#meta+movement", AGGREGATE, MovementRow::kind),
                ExportColumn.number("quantity_change", "#item+num+change", AGGREGATE, MovementRow::quantity),
                ExportColumn.text("source", "#org+name+source", AGGREGATE, MovementRow::source),
                ExportColumn.text("waybill", "#meta+waybill", AGGREGATE, MovementRow::waybill),
                ExportColumn.text("reason", "#meta+reason", AGGREGATE, MovementRow::reason),
                ExportColumn.number("delivery_id", "#meta+delivery", AGGREGATE, MovementRow::deliveryId),
                ExportColumn.text("note", "#description+note", PERSONAL, MovementRow::note),
                ExportColumn.text("recorded_by", "#contact+name+recorded", PERSONAL, MovementRow::recordedBy)),
                sink -> aid.forEachMovement(warehouseId, packageTypeId, sink));
    }

    private Names names() {
        return new Names(
                settlements.all().stream().collect(Collectors.toMap(SettlementRow::id, s -> s.label(Locale.ENGLISH))),
                aid.packageTypes().stream().collect(Collectors.toMap(PackageTypeRow::id, Function.identity())),
                aid.warehouses().stream().collect(Collectors.toMap(WarehouseRow::id, WarehouseRow::name)));
    }

    /** The catalogues a row's ids are named from, read once per export. */
    private record Names(Map<Long, String> places, Map<Long, PackageTypeRow> types, Map<Long, String> warehouses) {
        String place(long id) {
            return places.get(id);
        }

        String type(long id) {
            PackageTypeRow type = types.get(id);
            return type == null ? null : type.nameEn();
        }

        String typeCode(long id) {
            PackageTypeRow type = types.get(id);
            return type == null ? null : type.code();
        }

        String warehouse(long id) {
            return warehouses.get(id);
        }
    }
}
