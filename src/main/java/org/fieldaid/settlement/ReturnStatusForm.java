package org.fieldaid.settlement;

import java.time.LocalDate;

/** A coordinator's decision on whether families may return to a settlement: the status, why, and from when. */
public record ReturnStatusForm(ReturnStatus status, String reason, LocalDate effectiveOn) {
}
