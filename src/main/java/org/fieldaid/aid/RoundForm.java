package org.fieldaid.aid;

import java.time.LocalDate;
import java.util.Set;

/** A distribution round as a supervisor plans it. */
public record RoundForm(Long pointSettlementId, Long warehouseId, Set<Long> packageTypeIds, LocalDate periodStart,
                        LocalDate periodEnd) {
}
