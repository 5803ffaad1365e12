package org.fieldaid.settlement;

import java.math.BigDecimal;
import java.util.Map;

public record SettlementForm(String code, String district, BigDecimal latitude, BigDecimal longitude,
                             SettlementKind kind, boolean reception, ReturnStatus returnStatus,
                             Map<NameKey, String> names) {
}
