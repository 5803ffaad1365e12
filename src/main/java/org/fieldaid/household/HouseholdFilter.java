package org.fieldaid.household;

/**
 * What the household list filters on; any part may be null.
 *
 * @param text a name ("Oganesyan", "Оганесян Армен"), a registration number ("FA-2020-004217") or a document number
 */
public record HouseholdFilter(String text, Long originSettlementId, Long currentSettlementId,
                              HouseholdStatus status, Vulnerability vulnerability, String agencyCode) {

    public static HouseholdFilter none() {
        return new HouseholdFilter(null, null, null, null, null, null);
    }

    public static HouseholdFilter text(String text) {
        return new HouseholdFilter(text, null, null, null, null, null);
    }
}
