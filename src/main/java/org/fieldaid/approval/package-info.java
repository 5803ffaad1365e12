/**
 * Approval requests and the supervisors' inbox. Generic: a feature declares an {@link ApprovalKind} bean, asks
 * for approval with an {@link ApprovalRequested} event and learns the outcome from {@link ApprovalDecided}.
 */
package org.fieldaid.approval;
