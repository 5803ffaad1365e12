package org.fieldaid.approval;

import org.fieldaid.base.ConcurrentEditException;

/** Somebody else decided (or the requester withdrew) the request first; says who and how. */
public class AlreadyDecided extends ConcurrentEditException {

    private final ApprovalView request;

    AlreadyDecided(ApprovalView request) {
        super("Approval request", request.id(), "status=" + request.status() + ", decidedBy=" + request.decidedBy());
        this.request = request;
    }

    /** The request as it is now. */
    public ApprovalView request() {
        return request;
    }
}
