package org.fieldaid.aid;

import java.util.List;

/**
 * What became of a handover. Running out of stock, a package already handed over and a possible duplicate family
 * are ordinary answers at a distribution point, not failures, so they come back as outcomes with the message to show.
 *
 * @param delivery the recorded delivery for DELIVERED and ALREADY_RECORDED; null otherwise
 * @param duplicates for DUPLICATE_WARNING: what possible duplicates of the family already received
 */
public record DeliveryOutcome(Result result, DeliveryRow delivery, List<DuplicateDelivery> duplicates) {

    public enum Result {
        DELIVERED, ALREADY_RECORDED, ALREADY_DELIVERED, OUT_OF_STOCK,
        /** Nothing was handed over: the officer must confirm first (see {@link DeliveryForm#duplicateConfirmed}). */
        DUPLICATE_WARNING
    }

    public DeliveryOutcome {
        duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
    }

    public DeliveryOutcome(Result result, DeliveryRow delivery) {
        this(result, delivery, List.of());
    }

    public String messageKey() {
        return "aid.deliver.result." + result.name();
    }

    public boolean recorded() {
        return result == Result.DELIVERED || result == Result.ALREADY_RECORDED;
    }
}
