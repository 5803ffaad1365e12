package org.fieldaid.household;

import com.ibm.icu.text.Transliterator;
import java.util.regex.Pattern;

/**
 * Identity documents the families carry, each with the format of its number after normalisation (upper case,
 * Latin letters, no spaces or dashes). Numbers typed with Cyrillic or Armenian look-alike letters are folded to
 * Latin first, so "АН 1234567" and "AH1234567" are the same number.
 */
public enum DocumentType {
    ARMENIAN_PASSPORT("[A-Z]{2}[0-9]{7}", "AN1234567"),
    ARMENIAN_ID_CARD("[0-9]{9}", "004512345"),
    ARTSAKH_PASSPORT("[A-Z]{2}[0-9]{7}", "AA0123456"),
    AZERBAIJANI_ID_CARD("(AZE[0-9]{8}|AA[0-9]{7})", "AA1234567"),
    RUSSIAN_PASSPORT("[0-9]{10}", "45 06 123456"),
    BIRTH_CERTIFICATE("[A-Z0-9]{6,16}", "II-AB 123456"),
    OTHER("[A-Z0-9]{4,20}", "X12345");

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Upper"));

    private final Pattern format;
    private final String example;

    DocumentType(String format, String example) {
        this.format = Pattern.compile(format);
        this.example = example;
    }

    public String example() {
        return example;
    }

    public boolean accepts(String number) {
        return format.matcher(normalise(number)).matches();
    }

    /** The number as it is compared and indexed, whatever the document type. */
    public static String normalise(String number) {
        if (number == null) {
            return "";
        }
        return TO_LATIN.get().transliterate(number).replaceAll("[^A-Z0-9]", "");
    }
}
