package org.fieldaid.aid;

/**
 * What became of a handover. Running out of stock and a package already handed over are ordinary answers at a
 * distribution point, not failures, so they come back as outcomes with the message to show.
 *
 * @param delivery the recorded delivery for DELIVERED and ALREADY_RECORDED; null otherwise
 */
public record DeliveryOutcome(Result result, DeliveryRow delivery) {

    public enum Result {
        DELIVERED, ALREADY_RECORDED, ALREADY_DELIVERED, OUT_OF_STOCK
    }

    public String messageKey() {
        return "aid.deliver.result." + result.name();
    }

    public boolean recorded() {
        return result == Result.DELIVERED || result == Result.ALREADY_RECORDED;
    }
}
