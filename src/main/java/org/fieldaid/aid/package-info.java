/**
 * Aid: the package catalogue, warehouses and their stock ledger, distribution rounds with their entitlements, and
 * deliveries. {@link org.fieldaid.aid.Aid} is the only way in.
 */
package org.fieldaid.aid;
