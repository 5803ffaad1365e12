package org.fieldaid.household;

import java.util.ArrayList;
import java.util.List;

/**
 * The household list's name search written by hand as one SQL statement, for the benchmark's baseline: the same
 * key ranges as the list reads (the keys are the registry's own, since folding names is not SQL's job), each word
 * a UNION of its ranges, the words an INTERSECT, and the caller's visibility in every range. The database then does
 * everything the registry does in Java.
 */
public final class SearchSqlForTests {

    private SearchSqlForTests() {
    }

    /** The ids of the households the text finds, as one statement, with the caller's agency as a literal. */
    public static String matchingIds(String text, String callerAgency) {
        HouseholdSearch.Terms terms = HouseholdSearch.terms(text);
        if (terms.words().isEmpty() || terms.words().stream().anyMatch(w -> w.number() != null)) {
            throw new IllegalArgumentException("Names only: " + text);
        }
        List<String> words = new ArrayList<>();
        for (HouseholdSearch.Word word : terms.words()) {
            List<String> ranges = new ArrayList<>();
            word.familyKeys().forEach(k -> ranges.add(range("household_name_key", "name_key", k, callerAgency)));
            word.givenKeys().forEach(k -> ranges.add(range("household_given_key", "given_key", k, callerAgency)));
            words.add("(" + String.join(" UNION ", ranges) + ")");
        }
        return String.join(" INTERSECT ", words);
    }

    private static String range(String table, String column, String key, String agency) {
        return "SELECT household_id FROM " + table + " WHERE " + column + " BETWEEN '" + key + "' AND '"
                + HouseholdSearch.rangeEnd(key, HouseholdSearch.KEY_COLUMN) + "' AND (draft_agency IS NULL OR "
                + "draft_agency = '" + agency + "')";
    }
}
