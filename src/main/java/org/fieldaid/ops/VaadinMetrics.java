package org.fieldaid.ops;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Vaadin sessions and UIs open now, and opened since start (`vaadin_uis_opened_total`: Prometheus keeps "_created" for itself), counted from Vaadin's own session and UI events: the
 * figure that memory per active user is multiplied by.
 */
@Component
class VaadinMetrics implements VaadinServiceInitListener, MeterBinder {

    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger uis = new AtomicInteger();
    private volatile Counter sessionsOpened;
    private volatile Counter uisOpened;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("vaadin.sessions.active", sessions, AtomicInteger::get)
                .description("Vaadin sessions open on this node").register(registry);
        Gauge.builder("vaadin.uis.active", uis, AtomicInteger::get)
                .description("Vaadin UIs (browser tabs) open on this node").register(registry);
        sessionsOpened = Counter.builder("vaadin.sessions.opened").description("Vaadin sessions opened")
                .register(registry);
        uisOpened = Counter.builder("vaadin.uis.opened").description("Vaadin UIs opened").register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> {
            sessions.incrementAndGet();
            increment(sessionsOpened);
        });
        event.getSource().addSessionDestroyListener(e -> sessions.decrementAndGet());
        event.getSource().addUIInitListener(e -> {
            uis.incrementAndGet();
            increment(uisOpened);
            // a UI leaves when its tab closes, it times out, or its session ends
            e.getUI().addDetachListener(detach -> uis.decrementAndGet());
        });
    }

    private static void increment(Counter counter) {
        if (counter != null) {
            counter.increment();
        }
    }
}
