package org.fieldaid.aid;

/**
 * A request for a package outside the household's entitlement (a fire, a newborn).
 *
 * @param warehouseId the warehouse that will hand it out once approved
 * @param reason why the family needs it, for the supervisor who decides
 */
public record ExceptionForm(Long householdId, Long packageTypeId, Integer quantity, Long warehouseId, String reason) {
}
