package org.fieldaid.household;

import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.springframework.data.jpa.domain.Specification;

/**
 * Turns the list's search box and filters into an indexed query. The box takes a registration number, or words in
 * any order: family and given names in any script, and parts of document or registration numbers (decision 009).
 */
final class HouseholdSearch {

    private static final Pattern REGISTRATION = Pattern.compile("(?i)FA-?(\\d{4})(?:-?(\\d{1,6}))?");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    /**
     * The end of a registration number as typed: its last 3 to 6 digits, perhaps after the year (000301, 2026-000301).
     * Fewer digits would match a thousand households or more.
     */
    private static final Pattern REGISTRATION_TAIL = Pattern.compile("(?:\\d{1,4}-)?(\\d{3,6})");
    private static final Pattern WORDS = Pattern.compile("[\\s,;]+");
    static final int KEY_COLUMN = NameKeys.MAX_KEY_LENGTH;
    private static final int DOCUMENT_COLUMN = 32;

    private HouseholdSearch() {
    }

    /**
     * What the search box holds, read word by word. A household matches when it matches every word, or when the
     * whole text, spaces left out, is the start of one of its document numbers ("AN 123 4567").
     *
     * @param whole the whole text read as one number, or null when it has no digit
     * @param words each word; a household must match all of them
     */
    record Terms(NumberPart whole, List<Word> words) {

        /** Whether matching every word is a match of its own, beside the whole text read as one number. */
        boolean byWords() {
            return !words.isEmpty() && (whole == null || words.size() > 1);
        }

        boolean isEmpty() {
            return whole == null && words.isEmpty();
        }
    }

    /**
     * One word of the search box: a name, found among the household's family names and given names by their keys
     * (prefixes, so that what is typed so far finds the name), or a number.
     */
    record Word(Set<String> familyKeys, Set<String> givenKeys, NumberPart number) {
    }

    /**
     * A number, or part of one: the start of a document number (normalised), and, for 3 to 6 digits, the end of a
     * registration number (FA-2026-000301 ends with 000301 and 301).
     *
     * @param registrationTail the registration number's end, or null
     */
    record NumberPart(String documentPrefix, String registrationTail) {

        /**
         * The only ids whose registration number can end with the tail, up to the highest id: a registration number
         * is the year and the id with at least six digits, so its last digits are the id's. A few hundred ids for
         * three digits at 250,000 households, each then checked by primary key.
         */
        long[] registrationCandidates(long maxId) {
            String digits = registrationTail.substring(registrationTail.lastIndexOf('-') + 1);
            long step = LongStream.range(0, digits.length()).reduce(1, (p, i) -> p * 10);
            long rest = Long.parseLong(digits);
            return LongStream.iterate(rest == 0 ? step : rest, id -> id <= maxId, id -> id + step).toArray();
        }

        String registrationPattern() {
            return "%" + registrationTail;
        }

        String documentRangeEnd() {
            return documentPrefix + "Z".repeat(Math.max(0, DOCUMENT_COLUMN - documentPrefix.length()));
        }
    }

    /** Whether the text is a registration number or its start (FA-2020, FA-2020-0003): one range of its index. */
    static boolean isRegistration(String text) {
        return text != null && REGISTRATION.matcher(text.strip().replace(" ", "")).matches();
    }

    /** The words of the search box; empty for a registration number and for a box with nothing to search by. */
    static Terms terms(String text) {
        if (text == null || text.isBlank() || isRegistration(text)) {
            return new Terms(null, List.of());
        }
        String stripped = text.strip();
        List<Word> words = new ArrayList<>();
        for (String word : WORDS.split(stripped)) {
            Word read = HAS_DIGIT.matcher(word).matches() ? numberWord(word) : nameWord(word);
            if (read != null) {
                words.add(read);
            }
        }
        return new Terms(HAS_DIGIT.matcher(stripped).matches() ? number(stripped) : null, List.copyOf(words));
    }

    private static Word numberWord(String word) {
        NumberPart number = number(word);
        return number == null ? null : new Word(Set.of(), Set.of(), number);
    }

    private static NumberPart number(String text) {
        String document = DocumentType.normalise(text);
        if (document.isEmpty()) {
            return null;
        }
        var tail = REGISTRATION_TAIL.matcher(text.replace(" ", ""));
        return new NumberPart(document.length() > DOCUMENT_COLUMN ? document.substring(0, DOCUMENT_COLUMN) : document,
                tail.matches() ? tail.group() : null);
    }

    private static Word nameWord(String word) {
        if (NameKeys.fold(word).isEmpty()) {
            return null;
        }
        return new Word(atLeastTwoLetters(NameKeys.keys(word)), atLeastTwoLetters(NameKeys.givenKeys(word)), null);
    }

    /**
     * A one-letter key would be a prefix of a twentieth of all keys; it comes from an initial h read as left out
     * ("Ha" → "a"). The word's other reading stays.
     */
    private static Set<String> atLeastTwoLetters(Set<String> keys) {
        Set<String> longer = Set.copyOf(keys.stream().filter(k -> k.length() >= 2).toList());
        return longer.isEmpty() ? keys : longer;
    }

    /**
     * The generic query, for partner callers and for a text combined with other filters or another order.
     *
     * @param onlyConsented the caller may read only households that agreed to share with partners
     * @param maxId the highest household id, asked only when the text holds the end of a registration number
     */
    static Specification<Household> matching(HouseholdFilter f, boolean onlyConsented, String callerAgency,
                                             LongSupplier maxId) {
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
                where.add(text(f.text().strip(), root, query, cb, maxId));
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

    private static Predicate text(String text, Root<Household> root, CommonAbstractCriteria query, CriteriaBuilder cb,
                                  LongSupplier maxId) {
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
        Terms terms = terms(text);
        if (terms.isEmpty()) {
            return cb.conjunction();
        }
        List<Predicate> any = new ArrayList<>();
        if (terms.whole() != null) {
            any.add(number(terms.whole(), root, query, cb, maxId));
        }
        if (terms.byWords()) {
            any.add(cb.and(terms.words().stream().map(w -> w.number() != null ? number(w.number(), root, query, cb,
                    maxId) : name(w, root, query, cb)).toArray(Predicate[]::new)));
        }
        return cb.or(any.toArray(Predicate[]::new));
    }

    /**
     * A name word: any key of the household's family names or given names starts with one of the word's. One IN per
     * key: H2 reads an OR of ranges inside one subquery as a scan of the whole key table (decision 008).
     */
    private static Predicate name(Word word, Root<Household> root, CommonAbstractCriteria query, CriteriaBuilder cb) {
        List<Predicate> any = new ArrayList<>();
        for (String key : word.familyKeys()) {
            any.add(root.get("id").in(keyRange(query, cb, HouseholdNameKey.class, "nameKey", key)));
        }
        for (String key : word.givenKeys()) {
            any.add(root.get("id").in(keyRange(query, cb, HouseholdGivenKey.class, "givenKey", key)));
        }
        return cb.or(any.toArray(Predicate[]::new));
    }

    private static <K> Subquery<Long> keyRange(CommonAbstractCriteria query, CriteriaBuilder cb, Class<K> table,
                                               String column, String key) {
        Subquery<Long> range = query.subquery(Long.class);
        Root<K> k = range.from(table);
        Path<String> keyColumn = k.get("id").get(column);
        return range.select(k.get("id").get("householdId"))
                .where(cb.between(keyColumn, key, rangeEnd(key, KEY_COLUMN)));
    }

    /** A document number that starts with the number, or, for digits, a registration number that ends with them. */
    private static Predicate number(NumberPart number, Root<Household> root, CommonAbstractCriteria query,
                                    CriteriaBuilder cb, LongSupplier maxId) {
        Subquery<Long> documents = query.subquery(Long.class);
        Root<Person> p = documents.from(Person.class);
        documents.select(p.get("household").get("id")).where(cb.between(p.get("documentNormalised"),
                number.documentPrefix(), number.documentRangeEnd()));
        Predicate document = root.get("id").in(documents);
        if (number.registrationTail() == null) {
            return document;
        }
        long[] candidates = number.registrationCandidates(maxId.getAsLong());
        if (candidates.length == 0) {
            return document;
        }
        return cb.or(document, cb.and(root.get("id").in(Arrays.stream(candidates).boxed().toList()),
                cb.like(root.get("registrationNumber"), number.registrationPattern())));
    }

    /** The end of a prefix range over a column of [a-z] values. */
    static String rangeEnd(String start, int columnLength) {
        return start + "z".repeat(Math.max(0, columnLength - start.length()));
    }
}
