package org.fieldaid.household;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.data.jpa.domain.Specification;

/**
 * Turns the list's search box and filters into an indexed query. The box takes a registration number, a
 * document number or a name; names are folded to Latin first, so Cyrillic, Armenian and Latin spellings all work.
 */
final class HouseholdSearch {

    private static final Pattern REGISTRATION = Pattern.compile("(?i)FA-?(\\d{4})(?:-?(\\d{1,6}))?");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    /** Folded names are [a-z] only; a prefix range ends with the prefix padded with 'z' to the column length. */
    private static final int NAME_COLUMN = 100;
    static final int KEY_COLUMN = NameKeys.MAX_KEY_LENGTH;
    /** Shorter words are matched as typed only: a two-letter phonetic prefix would match half the registry. */
    private static final int PHONETIC_FROM = 3;

    private HouseholdSearch() {
    }

    /** @param onlyConsented the caller may read only households that agreed to share with partners */
    static Specification<Household> matching(HouseholdFilter f, boolean onlyConsented, String callerAgency) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (onlyConsented) {
                where.add(cb.isTrue(root.get("consentSharePartners")));
                where.add(root.get("status").in(HouseholdStatus.REGISTERED, HouseholdStatus.RETURNED,
                        HouseholdStatus.CLOSED));
            } else {
                where.add(cb.or(cb.notEqual(root.get("status"), HouseholdStatus.DRAFT),
                        cb.equal(root.get("agencyCode"), callerAgency)));
            }
            if (f.text() != null && !f.text().isBlank()) {
                where.add(text(f.text().strip(), root, query, cb));
            }
            if (f.originSettlementId() != null) {
                where.add(cb.equal(root.get("originSettlementId"), f.originSettlementId()));
            }
            if (f.currentSettlementId() != null) {
                where.add(cb.equal(root.get("currentSettlementId"), f.currentSettlementId()));
            }
            if (f.status() != null) {
                where.add(cb.equal(root.get("status"), f.status()));
            }
            if (f.agencyCode() != null) {
                where.add(cb.equal(root.get("agencyCode"), f.agencyCode()));
            }
            if (f.vulnerability() != null) {
                where.add(cb.like(root.get("needs"), "%" + Vulnerability.marker(f.vulnerability()) + "%"));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static Predicate text(String text, Root<Household> root, jakarta.persistence.criteria.CommonAbstractCriteria query,
                                  CriteriaBuilder cb) {
        var registration = REGISTRATION.matcher(text.replace(" ", ""));
        if (registration.matches()) {
            String year = registration.group(1);
            String number = registration.group(2);
            if (number != null && number.length() == 6) {
                return cb.equal(root.get("registrationNumber"), "FA-" + year + "-" + number);
            }
            String prefix = "FA-" + year + "-" + (number == null ? "" : number);
            return cb.between(root.get("registrationNumber"), prefix, prefix + "9".repeat(20 - prefix.length()));
        }
        if (HAS_DIGIT.matcher(text).matches()) {
            Subquery<Long> sub = query.subquery(Long.class);
            Root<Person> p = sub.from(Person.class);
            sub.select(p.get("household").get("id"))
                    .where(cb.equal(p.get("documentNormalised"), DocumentType.normalise(text)));
            return root.get("id").in(sub);
        }
        List<String> words = words(text);
        java.util.Set<String> keys = phoneticKeys(text);
        if (!keys.isEmpty()) {
            // one word: every spelling of the family name, and what is typed so far of it (Оганесян and
            // "Hovhann" both find Hovhannisyan), through one index range per phonetic key. One IN per key: H2
            // reads an OR of ranges inside one subquery as a scan of the whole key table (decision 008).
            return cb.or(keys.stream().map(key -> {
                Subquery<Long> phonetic = query.subquery(Long.class);
                Root<HouseholdNameKey> k = phonetic.from(HouseholdNameKey.class);
                phonetic.select(k.get("id").get("householdId"))
                        .where(prefix(cb, k.get("id").get("nameKey"), key, KEY_COLUMN));
                return root.get("id").in(phonetic);
            }).toArray(Predicate[]::new));
        }
        Subquery<Long> sub = query.subquery(Long.class);
        Root<Person> p = sub.from(Person.class);
        List<Predicate> name = new ArrayList<>();
        if (!words.isEmpty()) {
            name.add(prefix(cb, p.get("familyFolded"), words.get(0), NAME_COLUMN));
        }
        if (words.size() > 1) {
            name.add(prefix(cb, p.get("givenFolded"), words.get(1), NAME_COLUMN));
        }
        sub.select(p.get("household").get("id")).where(name.toArray(Predicate[]::new));
        return root.get("id").in(sub);
    }

    /** A family and a given name (prefixes, folded), when that is what the search box holds. */
    record FullName(String family, String given) {
    }

    static java.util.Optional<FullName> fullName(String text) {
        if (!isName(text)) {
            return java.util.Optional.empty();
        }
        List<String> words = words(text);
        return words.size() == 2 ? java.util.Optional.of(new FullName(clip(words.get(0)), clip(words.get(1))))
                : java.util.Optional.empty();
    }

    private static String clip(String word) {
        return word.length() > NAME_COLUMN ? word.substring(0, NAME_COLUMN) : word;
    }

    /** The first value after every value that starts with {@code start} but is longer, in a column of [a-z]. */
    static String longerFrom(String start) {
        return start + "a";
    }

    static String nameRangeEnd(String start) {
        return rangeEnd(start, NAME_COLUMN);
    }

    /**
     * The phonetic keys a one-word name search reads (empty for anything else): Оганесян and "Hovhann" both
     * reach Hovhannisyan through a prefix range per key.
     */
    static java.util.Set<String> phoneticKeys(String text) {
        if (!isName(text)) {
            return java.util.Set.of();
        }
        List<String> words = words(text);
        return words.size() == 1 && words.get(0).length() >= PHONETIC_FROM ? NameKeys.keys(text.strip())
                : java.util.Set.of();
    }

    /** Not a registration number and not a document number: a name. */
    private static boolean isName(String text) {
        return text != null && !text.isBlank() && !REGISTRATION.matcher(text.strip().replace(" ", "")).matches()
                && !HAS_DIGIT.matcher(text).matches();
    }

    /** The words of a name, folded to [a-z]. */
    private static List<String> words(String text) {
        return Arrays.stream(text.strip().toLowerCase(Locale.ROOT).split("[\\s,]+")).map(NameKeys::fold)
                .filter(w -> !w.isEmpty()).toList();
    }

    /** The end of a prefix range over a column of [a-z] values. */
    static String rangeEnd(String start, int columnLength) {
        return start + "z".repeat(Math.max(0, columnLength - start.length()));
    }

    private static Predicate prefix(CriteriaBuilder cb, jakarta.persistence.criteria.Path<String> column, String word,
                                    int columnLength) {
        String start = word.length() > columnLength ? word.substring(0, columnLength) : word;
        return cb.between(column, start, rangeEnd(start, columnLength));
    }
}
