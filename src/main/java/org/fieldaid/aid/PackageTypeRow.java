package org.fieldaid.aid;

import java.util.Locale;

/** A package type of the catalogue with its entitlement rule. */
public record PackageTypeRow(long id, int version, String code, String nameEn, String nameRu, String nameHy,
                             String nameAz, String contents, String unit, EntitlementRule rule, boolean active) {

    /** The name in the reader's language; English where the language is not one of the four. */
    public String name(Locale locale) {
        return switch (locale.getLanguage()) {
            case "ru" -> nameRu;
            case "hy" -> nameHy;
            case "az" -> nameAz;
            default -> nameEn;
        };
    }
}
