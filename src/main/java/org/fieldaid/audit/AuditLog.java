package org.fieldaid.audit;

import org.fieldaid.base.RecordNotFoundException;
import static org.fieldaid.security.Authority.Codes.AUDIT_READ;
import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_READ;
import static org.fieldaid.security.Authority.Codes.HOUSEHOLD_READ_CONSENTED;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.fieldaid.base.Caller;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.TextInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log. Other modules publish {@link AuditRecord}s; they are written in the publisher's
 * transaction, so an operation that rolls back leaves no audit row, and one that commits always has one.
 */
@Service
public class AuditLog {

    private static final int MAX_VALUE = 4000;

    /** A term argument: a translation key prefix, the term mark, and the code. */
    private static final Pattern TERM_ARGUMENT = Pattern.compile("([a-z][a-zA-Z0-9_.-]*\\.)" + AuditRecord.TERM
            + "([^" + AuditRecord.TERM + "]*)", Pattern.DOTALL);

    private static final java.util.Set<String> SORTABLE = java.util.Set.of("occurredAt", "actor", "action");

    private final AuditEventRepository events;
    private final ObjectProvider<HistoryAccess> access;
    private final Caller caller;
    private final Clock clock;
    private final EntityManager entityManager;

    /** The history access beans are looked up when asked: the features that declare them depend on this log. */
    AuditLog(AuditEventRepository events, ObjectProvider<HistoryAccess> access, Caller caller, Clock clock,
             EntityManager entityManager) {
        this.events = events;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AuditRecord record) {
        String actor = record.actor();
        String agency = record.agencyCode();
        if (actor == null) {
            actor = caller.name().orElse("system");
        }
        if (agency == null && actor.equals(caller.name().orElse(null))) {
            agency = caller.agencyCode().orElse(null);
        }
        AuditEvent event = new AuditEvent(clock.instant(), clip(actor, 64), clip(agency, 32), record.action(),
                clip(record.entityType(), 64), clip(record.entityId(), 64), clip(record.summary(), 500),
                clip(record.before(), MAX_VALUE), clip(record.after(), MAX_VALUE));
        String args = record.summaryArgs() == null ? null : String.join(AuditEntry.ARGUMENT_SEPARATOR,
                record.summaryArgs().stream().map(AuditLog::argument).toList());
        // a key whose arguments do not fit is not kept: the English summary stands alone then
        if (record.summaryKey() != null && (args == null || args.length() <= 1000)) {
            event.withSummaryKey(clip(record.summaryKey(), 100), args);
        }
        events.save(event);
    }

    /**
     * An argument as kept: invisible characters written out, except the one mark of a term ({@link AuditRecord#term}),
     * which must stay to be read as a translated code. Only a key prefix may stand before that mark.
     */
    private static String argument(String value) {
        Matcher term = TERM_ARGUMENT.matcher(value);
        if (term.matches()) {
            return term.group(1) + AuditRecord.TERM + TextInput.escapeInvisible(term.group(2));
        }
        return TextInput.escapeInvisible(value);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + AUDIT_READ + "')")
    public Slice<AuditEntry> find(AuditFilter filter, Pageable page) {
        return events.findBy(matching(filter), q -> q.sortBy(page.getSort()).slice(page)).map(AuditEvent::toEntry);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + AUDIT_READ + "')")
    public long count(AuditFilter filter) {
        return events.count(matching(filter));
    }

    /**
     * The history of one record, oldest first, for the people who may see the record: the feature that owns the
     * entity type answers that ({@link HistoryAccess}); the auditors read every record. A record the caller may
     * not see looks like one that does not exist.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('" + AUDIT_READ + "', '" + HOUSEHOLD_READ + "', '" + HOUSEHOLD_READ_CONSENTED + "')")
    public List<AuditEntry> historyOf(String entityType, String entityId) {
        if (!caller.hasAuthority(AUDIT_READ)) {
            HistoryAccess records = access.orderedStream().filter(a -> a.entityType().equals(entityType)).findFirst()
                    .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
                            "The history of " + entityType + " is read with " + AUDIT_READ));
            if (!records.maySee(entityId)) {
                throw RecordNotFoundException.hidden(entityType, entityId);
            }
        }
        return events.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(entityType, entityId).stream()
                .map(AuditEvent::toEntry).toList();
    }

    /**
     * Every entry of the filter, in the list's order, handed to the sink one at a time, for an export: records, not
     * entities, read with a fetch size, so the persistence context stays empty and PostgreSQL hands them over by
     * cursor.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + AUDIT_READ + "')")
    public void forEach(AuditFilter filter, Sort sort, Consumer<AuditEntry> sink) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditEvent> e = query.from(AuditEvent.class);
        query.select(cb.construct(AuditEntry.class, e.get("id"), e.get("occurredAt"), e.get("actor"),
                        e.get("agencyCode"), e.get("action"), e.get("entityType"), e.get("entityId"), e.get("summary"),
                        e.get("beforeValue"), e.get("afterValue"), e.get("summaryKey"), e.get("summaryArgs")))
                .where(matching(filter).toPredicate(e, query, cb))
                .orderBy(QueryUtils.toOrders(listOrder(sort), e, cb));
        try (Stream<AuditEntry> rows = entityManager.createQuery(query).setHint(HibernateHints.HINT_FETCH_SIZE, 1_000)
                .getResultStream()) {
            rows.forEach(sink);
        }
    }

    /** The list's own orders, newest first when none, and the id last so that equal times keep one order. */
    private static Sort listOrder(Sort sort) {
        Sort own = Sort.by(sort.stream().filter(o -> SORTABLE.contains(o.getProperty())).toList());
        if (own.isUnsorted()) {
            own = Sort.by(Sort.Direction.DESC, "occurredAt");
        }
        return own.and(Sort.by(Sort.Direction.DESC, "id"));
    }

    /** The kinds of action the log holds, for the filter. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + AUDIT_READ + "')")
    public List<String> actions() {
        return events.distinctActions();
    }

    private static Specification<AuditEvent> matching(AuditFilter f) {
        return (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>();
            if (hasText(f.actor())) {
                where.add(cb.like(cb.lower(root.get("actor")), prefix(f.actor()), '\\'));
            }
            if (hasText(f.action())) {
                where.add(cb.equal(root.get("action"), f.action()));
            }
            if (hasText(f.entityType())) {
                where.add(cb.equal(root.get("entityType"), f.entityType()));
            }
            if (hasText(f.entityId())) {
                where.add(cb.like(cb.lower(root.get("entityId")), prefix(f.entityId()), '\\'));
            }
            if (f.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), f.from()));
            }
            if (f.to() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), f.to()));
            }
            return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String prefix(String s) {
        return s.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** What the database can hold of a text (decision 030), cut to its column without halving a letter. */
    private static String clip(String s, int max) {
        String text = TextInput.escapeInvisible(s);
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }
}
