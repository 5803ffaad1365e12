package org.fieldaid.aid;

import java.util.Locale;

/** A warehouse with its name in each language; the English name stands in where a translation is missing. */
public record WarehouseRow(long id, String code, String name, String nameRu, String nameHy, String nameAz,
                           String agencyCode, long settlementId) {

    public String name(Locale locale) {
        String translated = switch (locale.getLanguage()) {
            case "ru" -> nameRu;
            case "hy" -> nameHy;
            case "az" -> nameAz;
            default -> name;
        };
        return translated == null || translated.isBlank() ? name : translated;
    }
}
