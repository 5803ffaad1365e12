package org.fieldaid.settlement;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A settlement with every name it has. */
public record SettlementRow(long id, int version, String code, String district, BigDecimal latitude,
                            BigDecimal longitude, SettlementKind kind, boolean reception, ReturnStatus returnStatus,
                            Map<NameKey, String> names) {

    /**
     * Both traditions' names side by side, each written for the reader's language where we have it, else in
     * Latin script: "Stepanakert / Khankendi", "Степанакерт / Ханкенди". The Armenian name comes first only
     * because the list must have an order; both are always shown.
     */
    public String label(Locale locale) {
        Set<String> parts = new LinkedHashSet<>();
        for (NameTradition tradition : NameTradition.values()) {
            String name = names.get(new NameKey(tradition, locale.getLanguage()));
            if (name == null) {
                name = names.get(new NameKey(tradition, "en"));
            }
            if (name != null) {
                parts.add(name);
            }
        }
        return parts.isEmpty() ? code : String.join(" / ", parts);
    }

    public String name(NameTradition tradition, String lang) {
        return names.get(new NameKey(tradition, lang));
    }
}
