package org.fieldaid.approval;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The requests waiting for a decision, by kind, read from the database at each scrape: the number is the same on
 * every node, and it is right after a restart.
 */
@Component
class PendingApprovalsGauge implements MeterBinder {

    private final ApprovalRequestRepository requests;
    private final List<ApprovalKind> kinds;

    PendingApprovalsGauge(ApprovalRequestRepository requests, List<ApprovalKind> kinds) {
        this.requests = requests;
        this.kinds = kinds;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ApprovalKind kind : kinds) {
            Gauge.builder("fieldaid.approvals.pending", () -> requests.countByKindAndStatus(kind.code(),
                            ApprovalStatus.PENDING))
                    .tag("kind", kind.code())
                    .description("Approval requests waiting for a decision")
                    .register(registry);
        }
    }
}
