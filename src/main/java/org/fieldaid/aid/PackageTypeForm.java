package org.fieldaid.aid;

/** A package type as the catalogue form edits it; the fields are named as the problems of a refused save. */
public record PackageTypeForm(String code, String nameEn, String nameRu, String nameHy, String nameAz,
                              String contents, String unit, Basis basis, Integer quantity, Integer cap,
                              Frequency frequency, Condition condition, boolean active) {

    /** The units a package type may be counted in; each has a translation {@code aid.unit.<unit>}. */
    public static final java.util.List<String> UNITS = java.util.List.of("parcel", "kit", "box");

    public static PackageTypeForm of(PackageTypeRow row) {
        EntitlementRule rule = row.rule();
        return new PackageTypeForm(row.code(), row.nameEn(), row.nameRu(), row.nameHy(), row.nameAz(), row.contents(),
                row.unit(), rule.basis(), rule.quantity(), rule.cap(), rule.frequency(), rule.condition(),
                row.active());
    }
}
