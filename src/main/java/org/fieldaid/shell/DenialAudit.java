package org.fieldaid.shell;

import org.fieldaid.base.AuditRecord;
import org.fieldaid.base.RecordNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes to the audit log every page or record that was refused to a signed-in person, so that somebody probing
 * for records or pages leaves a trace. The person is told the same thing in every case; the log tells an
 * administrator which case it was.
 */
@Component
class DenialAudit {

    static final String ACCESS_DENIED = "ACCESS_DENIED";
    static final String NOT_FOUND = "NOT_FOUND";

    private final ApplicationEventPublisher events;

    DenialAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** A route the person's role does not open. */
    @Transactional
    public void pageDenied(String path) {
        events.publishEvent(AuditRecord.of(ACCESS_DENIED, "PAGE", page(path), "Page not open to this user", null,
                null).saying("page-denied"));
    }

    /** An address that is no page at all. */
    @Transactional
    public void pageNotFound(String path) {
        events.publishEvent(AuditRecord.of(NOT_FOUND, "PAGE", page(path), "No such page", null, null)
                .saying("page-not-found"));
    }

    /** A record asked for by its id that is missing or hidden from this person. */
    @Transactional
    public void recordRefused(RecordNotFoundException refused, String path) {
        events.publishEvent(AuditRecord.of(refused.existsButHidden() ? ACCESS_DENIED : NOT_FOUND,
                refused.entityType(), refused.entityId(), (refused.existsButHidden()
                        ? "Record exists but is not visible to this user" : "Record does not exist")
                        + " (" + page(path) + ")", null, null)
                .saying(refused.existsButHidden() ? "record-hidden" : "record-missing", page(path)));
    }

    /** A service refused the call (method security, data scope). */
    @Transactional
    public void actionDenied(String what, String path) {
        events.publishEvent(AuditRecord.of(ACCESS_DENIED, "PAGE", page(path), "Refused: " + what, null, null)
                .saying("refused", what));
    }

    private static String page(String path) {
        return "/" + (path == null ? "" : path);
    }
}
