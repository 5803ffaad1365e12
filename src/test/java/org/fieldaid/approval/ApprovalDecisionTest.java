package org.fieldaid.approval;

import org.fieldaid.support.IntegrationTest;

/** {@link ApprovalDecisionContract} on PostgreSQL. */
@IntegrationTest
class ApprovalDecisionTest extends ApprovalDecisionContract {
}
