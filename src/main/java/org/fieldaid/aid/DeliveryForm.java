package org.fieldaid.aid;

/**
 * One handover at a distribution point. The recipient is a member ({@code memberId}) or a proxy (name and
 * document).
 *
 * @param quantity what is handed over; less than the entitlement is a partial delivery
 * @param requestKey made once per handover by the screen; a resent request with the same key records nothing new
 * @param duplicateConfirmed the officer was warned that a possible duplicate of the family already received this
 *                           package in this round, and confirms the handover anyway
 */
public record DeliveryForm(Long entitlementId, Integer quantity, Long memberId, String memberName, String proxyName,
                           String proxyDocument, boolean identityChecked, String requestKey,
                           boolean duplicateConfirmed) {

    public DeliveryForm(Long entitlementId, Integer quantity, Long memberId, String memberName, String proxyName,
                        String proxyDocument, boolean identityChecked, String requestKey) {
        this(entitlementId, quantity, memberId, memberName, proxyName, proxyDocument, identityChecked, requestKey,
                false);
    }

    public DeliveryForm confirmingDuplicate() {
        return new DeliveryForm(entitlementId, quantity, memberId, memberName, proxyName, proxyDocument,
                identityChecked, requestKey, true);
    }
}
