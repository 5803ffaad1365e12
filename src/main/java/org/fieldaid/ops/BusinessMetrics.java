package org.fieldaid.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.fieldaid.base.AuditRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The business counters, read from the audit records every feature already publishes in the transaction of its
 * change. A record counts once its transaction has committed, so a registration or handover that rolled back is
 * not counted; an export publishes its record in a transaction of its own.
 */
@Component
class BusinessMetrics {

    /** The audit actions that are counted: the counter each goes to, and the tag that tells them apart. */
    private static final Map<String, Meter> COUNTED = Map.of(
            "HOUSEHOLD_CREATED", new Meter("fieldaid.registrations", "step", "drafted"),
            "HOUSEHOLD_SUBMITTED", new Meter("fieldaid.registrations", "step", "submitted"),
            "HOUSEHOLD_REGISTERED", new Meter("fieldaid.registrations", "step", "registered"),
            "HOUSEHOLD_REJECTED", new Meter("fieldaid.registrations", "step", "rejected"),
            "AID_DELIVERED", new Meter("fieldaid.deliveries", "outcome", "delivered"),
            "AID_DELIVERY_VOIDED", new Meter("fieldaid.deliveries", "outcome", "voided"),
            "JOURNEY_CROSSED", new Meter("fieldaid.crossings", "checkpoint", "logged"),
            "EXPORT", new Meter("fieldaid.exports", "outcome", "complete"),
            "EXPORT_STOPPED", new Meter("fieldaid.exports", "outcome", "stopped"));

    private record Meter(String name, String tag, String value) {
    }

    private final Map<String, Counter> counters;

    BusinessMetrics(MeterRegistry registry) {
        // registered at start, so that every series reads 0 before its first event rather than being missing
        this.counters = COUNTED.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> Counter.builder(e.getValue().name()).tag(e.getValue().tag(),
                        e.getValue().value()).register(registry)));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void on(AuditRecord record) {
        Counter counter = counters.get(record.action());
        if (counter != null) {
            counter.increment();
        }
    }
}
