package org.fieldaid.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One row of the append-only audit log. Immutable: Hibernate never issues an UPDATE for it. */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(name = "agency_code", length = 32)
    private String agencyCode;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(name = "entity_type", length = 64)
    private String entityType;

    @Column(name = "entity_id", length = 64)
    private String entityId;

    @Column(length = 500)
    private String summary;

    @Column(name = "before_value", length = 4000)
    private String beforeValue;

    @Column(name = "after_value", length = 4000)
    private String afterValue;

    @Column(name = "summary_key", length = 100)
    private String summaryKey;

    /** The summary key's arguments, separated by {@link AuditEntry#ARGUMENT_SEPARATOR}. */
    @Column(name = "summary_args", length = 1000)
    private String summaryArgs;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String agencyCode, String action, String entityType,
               String entityId, String summary, String beforeValue, String afterValue) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.agencyCode = agencyCode;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.summary = summary;
        this.beforeValue = beforeValue;
        this.afterValue = afterValue;
    }

    AuditEvent withSummaryKey(String key, String args) {
        this.summaryKey = key;
        this.summaryArgs = args;
        return this;
    }

    AuditEntry toEntry() {
        return new AuditEntry(id, occurredAt, actor, agencyCode, action, entityType, entityId, summary, beforeValue,
                afterValue, summaryKey, summaryArgs);
    }
}
