package org.fieldaid.household;

/**
 * What the household list filters on; any part may be null.
 *
 * @param text a name ("Oganesyan", "Оганесян Армен"), a registration number ("FA-2020-004217") or a document number
 */
public record HouseholdFilter(String text, Long originSettlementId, Long currentSettlementId,
                              HouseholdStatus status, Vulnerability vulnerability, String agencyCode) {

    /** A typed text is searched for as far as any stored text could hold it (decision 030). */
    public HouseholdFilter {
        text = org.fieldaid.base.TextInput.forSearch(text);
        agencyCode = org.fieldaid.base.TextInput.forSearch(agencyCode);
    }

    public static HouseholdFilter none() {
        return new HouseholdFilter(null, null, null, null, null, null);
    }

    public static HouseholdFilter text(String text) {
        return new HouseholdFilter(text, null, null, null, null, null);
    }
}
