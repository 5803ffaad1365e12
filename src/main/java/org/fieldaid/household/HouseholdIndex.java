package org.fieldaid.household;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lookup tables beside households and persons: phonetic name keys per person (for duplicates) and per
 * household, of family and of given names (for the list's search). Rewritten whole for a household on every save,
 * in the same transaction.
 */
@Component
class HouseholdIndex {

    /**
     * A stored person that an indexed lookup found, in any household, drafts included: the duplicate check looks
     * everywhere, and the registry shows each hit only as far as the caller may see its household.
     */
    record Hit(long personId, long householdId, String registrationNumber, HouseholdStatus status,
               String familyName, String givenName, String givenFolded, String familyFolded, LocalDate birthDate,
               String documentNumber, String agencyCode, Sex sex) {
    }

    private static final String HIT_COLUMNS = """
            p.id, p.household_id, h.registration_number, h.status, p.family_name, p.given_name, p.given_folded,
            p.family_folded, p.birth_date, p.document_number, h.agency_code, p.sex""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final SearchResults results;

    HouseholdIndex(JdbcTemplate jdbc, SearchResults results) {
        this.jdbc = jdbc;
        this.results = results;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Drops the household's rows; call before a change that may remove members is flushed, since their key rows
     * refer to them.
     */
    void forget(long householdId) {
        results.changing();
        jdbc.update("DELETE FROM person_name_key WHERE household_id = ?", householdId);
        jdbc.update("DELETE FROM household_name_key WHERE household_id = ?", householdId);
        jdbc.update("DELETE FROM household_given_key WHERE household_id = ?", householdId);
        jdbc.update("DELETE FROM household_vulnerability WHERE household_id = ?", householdId);
    }

    void rewrite(Household household) {
        long id = household.getId();
        forget(id);
        String draftAgency = draftAgency(household.getStatus(), household.getAgencyCode());
        List<Object[]> personKeys = new ArrayList<>();
        for (Person person : household.getMembers()) {
            // the duplicate check pairs a name with a birth date; a draft may not know it yet
            if (person.getBirthDate() != null) {
                for (String key : NameKeys.keys(person.getFamilyName())) {
                    personKeys.add(personKey(key, person.getBirthDate(), person.getId(), id, person.getGivenFolded(),
                            person.getSex()));
                }
            }
        }
        jdbc.batchUpdate(INSERT_PERSON_KEY, personKeys);
        jdbc.batchUpdate(INSERT_HOUSEHOLD_KEY, householdKeys(household.getMembers().stream()
                .map(Person::getFamilyName).toList(), id, draftAgency));
        jdbc.batchUpdate(INSERT_GIVEN_KEY, householdGivenKeys(household.getMembers().stream()
                .map(Person::getGivenName).toList(), id, draftAgency));
        jdbc.batchUpdate(INSERT_NEED, household.allVulnerabilities().stream()
                .map(v -> new Object[] {v.name(), id, draftAgency}).toList());
    }

    static final String INSERT_PERSON_KEY = "INSERT INTO person_name_key (name_key, birth_date, person_id,"
            + " household_id, given_folded, sex) VALUES (?, ?, ?, ?, ?, ?)";

    /** A person_name_key row: the key of the family name, and what the duplicate check's first step weighs. */
    static Object[] personKey(String key, LocalDate birthDate, long personId, long householdId, String givenFolded,
                              Sex sex) {
        return new Object[] {key, Date.valueOf(birthDate), personId, householdId, givenFolded == null ? ""
                : givenFolded, sex == null ? null : sex.name()};
    }

    static final String INSERT_NEED =
            "INSERT INTO household_vulnerability (code, household_id, draft_agency) VALUES (?, ?, ?)";

    static final String INSERT_HOUSEHOLD_KEY =
            "INSERT INTO household_name_key (name_key, household_id, draft_agency) VALUES (?, ?, ?)";

    static final String INSERT_GIVEN_KEY =
            "INSERT INTO household_given_key (given_key, household_id, draft_agency) VALUES (?, ?, ?)";

    /** Whose draft the household is, for its key rows; null once submitted, when every reader may find it. */
    static String draftAgency(HouseholdStatus status, String agencyCode) {
        return status == HouseholdStatus.DRAFT ? agencyCode : null;
    }

    /** The household left the draft state: other agencies' searches find it from now on. */
    void submitted(long householdId) {
        results.changing();
        jdbc.update("UPDATE household_name_key SET draft_agency = NULL WHERE household_id = ?", householdId);
        jdbc.update("UPDATE household_given_key SET draft_agency = NULL WHERE household_id = ?", householdId);
        jdbc.update("UPDATE household_vulnerability SET draft_agency = NULL WHERE household_id = ?", householdId);
    }

    /** The household_name_key rows of one household: each key of its members' family names once. */
    static List<Object[]> householdKeys(Collection<String> familyNames, long householdId, String draftAgency) {
        return familyNames.stream().flatMap(name -> NameKeys.keys(name).stream()).distinct()
                .map(key -> new Object[] {key, householdId, draftAgency}).toList();
    }

    /** The household_given_key rows of one household: each key of its members' given names once. */
    static List<Object[]> householdGivenKeys(Collection<String> givenNames, long householdId, String draftAgency) {
        return givenNames.stream().flatMap(name -> NameKeys.givenKeys(name).stream()).distinct()
                .map(key -> new Object[] {key, householdId, draftAgency}).toList();
    }

    /**
     * A person that the duplicate check's first step found by family name key and birth date, with what decides
     * whether they may be the member: the given name, folded, and the sex.
     */
    record Candidate(long personId, String givenFolded, Sex sex) {
    }

    /**
     * Persons whose family name has one of the keys and whose birth date is within a year of the given one, read
     * from one index alone: one range of (name_key, birth_date) per key. An IN over the keys was read as every person
     * of each key, and each was then read from the person and household tables.
     */
    List<Candidate> candidatesByNameKeys(Set<String> keys, LocalDate birthDate) {
        if (keys.isEmpty()) {
            return List.of();
        }
        var params = new MapSqlParameterSource().addValue("from", Date.valueOf(birthDate.minusYears(1)))
                .addValue("to", Date.valueOf(birthDate.plusYears(1)));
        List<String> ranges = new ArrayList<>();
        for (String key : keys) {
            params.addValue("key" + ranges.size(), key);
            ranges.add("SELECT k.person_id, k.given_folded, k.sex FROM person_name_key k WHERE k.name_key = :key"
                    + ranges.size() + " AND k.birth_date BETWEEN :from AND :to");
        }
        Map<Long, Candidate> distinct = new java.util.LinkedHashMap<>();
        named.query(String.join(" UNION ALL ", ranges), params, (java.sql.ResultSet rs) -> {
            long personId = rs.getLong(1);
            distinct.putIfAbsent(personId, new Candidate(personId, rs.getString(2),
                    rs.getString(3) == null ? null : Sex.valueOf(rs.getString(3))));
        });
        return List.copyOf(distinct.values());
    }

    /** The persons, whole, with their households: those the duplicate check's first step kept. */
    List<Hit> byPersonIds(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT " + HIT_COLUMNS + """
                 FROM person p JOIN household h ON h.id = p.household_id
                WHERE p.id IN (:ids)""", new MapSqlParameterSource("ids", personIds), this::hit);
    }

    /**
     * The households the search box finds, newest first, for a caller who sees every household but other agencies'
     * drafts (decision 009): those that match every word, and those whose document number starts with the whole
     * text read as one number. A name word is one range of the key index per key, of family names and of given
     * names, visibility included; the ranges are read one by one and merged here, because H2 reads an OR of ranges
     * as a scan of the whole key table and materialises an IN subquery as a distinct set (decision 008). The
     * households of the words are then intersected, the narrowest first. The list's count is the length; its pages
     * are slices.
     */
    long[] idsMatching(HouseholdSearch.Terms terms, String callerAgency, LongSupplier maxId) {
        long[] found = terms.whole() == null ? new long[0] : idsByNumber(terms.whole(), callerAgency, maxId);
        if (terms.byWords()) {
            List<long[]> perWord = new ArrayList<>();
            for (HouseholdSearch.Word word : terms.words()) {
                long[] ids = word.number() != null ? idsByNumber(word.number(), callerAgency, maxId)
                        : idsByName(word, callerAgency);
                if (ids.length == 0) {
                    return found;
                }
                perWord.add(ids);
            }
            perWord.sort(java.util.Comparator.comparingInt(ids -> ids.length));
            long[] all = perWord.get(0);
            for (int i = 1; i < perWord.size() && all.length > 0; i++) {
                all = intersection(all, perWord.get(i));
            }
            found = newestFirst(LongStream.concat(Arrays.stream(found), Arrays.stream(all)).toArray());
        }
        return found;
    }

    /**
     * Households with a family or given name key that starts with one of the word's keys: one range per key, each
     * its own statement (an OR of ranges in one SELECT is a scan of the whole table on H2), merged here. One UNION ALL
     * of the ranges read the same rows, but H2 copied each into a result of the union first: 6.4 MB allocated for a
     * family and a given name at 250,000 households against 1.7 MB, and a quarter more CPU time.
     */
    private long[] idsByName(HouseholdSearch.Word word, String callerAgency) {
        LongStream.Builder found = LongStream.builder();
        for (String key : word.familyKeys()) {
            collect(found, keyRange("household_name_key", "name_key"), keyParams(key, callerAgency));
        }
        for (String key : word.givenKeys()) {
            collect(found, keyRange("household_given_key", "given_key"), keyParams(key, callerAgency));
        }
        return newestFirst(found.build().toArray());
    }

    private static String keyRange(String table, String column) {
        return "SELECT k.household_id FROM " + table + " k WHERE k." + column + " BETWEEN :from AND :to"
                + " AND (k.draft_agency IS NULL OR k.draft_agency = :agency)";
    }

    private static MapSqlParameterSource keyParams(String key, String callerAgency) {
        return new MapSqlParameterSource("from", key)
                .addValue("to", HouseholdSearch.rangeEnd(key, HouseholdSearch.KEY_COLUMN))
                .addValue("agency", callerAgency);
    }

    /**
     * Households with a document number that starts with the number, or a registration number that ends with it.
     * Neither persons nor registration numbers know whose draft a household is, so the candidates are checked on
     * the household rows, by primary key.
     */
    private long[] idsByNumber(HouseholdSearch.NumberPart number, String callerAgency, LongSupplier maxId) {
        LongStream.Builder documents = LongStream.builder();
        collect(documents, """
                SELECT p.household_id FROM person p WHERE p.document_normalised BETWEEN :from AND :to""",
                new MapSqlParameterSource("from", number.documentPrefix()).addValue("to", number.documentRangeEnd()));
        long[] found = visible(newestFirst(documents.build().toArray()), null, callerAgency);
        if (number.registrationTail() != null) {
            long[] registrations = visible(number.registrationCandidates(maxId.getAsLong()),
                    number.registrationPattern(), callerAgency);
            found = newestFirst(LongStream.concat(Arrays.stream(found), Arrays.stream(registrations)).toArray());
        }
        return found;
    }

    /** Those of the households that the caller sees (and whose registration number is like the pattern, if any). */
    private long[] visible(long[] candidates, String registrationPattern, String callerAgency) {
        if (candidates.length == 0) {
            return candidates;
        }
        LongStream.Builder visible = LongStream.builder();
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT h.id FROM household h WHERE h.id = ANY (?)"
                    + " AND (h.status <> 'DRAFT' OR h.agency_code = ?)"
                    + (registrationPattern == null ? "" : " AND h.registration_number LIKE ?"));
            statement.setArray(1, con.createArrayOf("bigint", Arrays.stream(candidates).boxed().toArray()));
            statement.setString(2, callerAgency);
            if (registrationPattern != null) {
                statement.setString(3, registrationPattern);
            }
            return statement;
        }, (java.sql.ResultSet rs) -> {
            visible.add(rs.getLong(1));
        });
        return newestFirst(visible.build().toArray());
    }

    /** The ids in both, each list distinct and highest first. */
    private static long[] intersection(long[] a, long[] b) {
        long[] both = new long[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                both[n++] = a[i];
                i++;
                j++;
            } else if (a[i] > b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(both, n);
    }

    /**
     * How many households with the need the caller sees (all but other agencies' drafts): one range of the need
     * index, visibility included, counted in the database (decision 008), for a need that more than
     * {@value #FEW_WITH_NEED} households have. Their pages walk the households newest first, and a need that one
     * household in three has fills a page after a hundred or so.
     */
    long countWithNeed(Vulnerability need, String callerAgency) {
        // two ranges of (code, draft_agency, household_id), each counted alone: H2 checked the OR of the two on
        // every entry of the need's range, about twice the time at 150,000 households with a lost home
        var params = new MapSqlParameterSource("code", need.name()).addValue("agency", callerAgency);
        return named.queryForObject("""
                SELECT COUNT(*) FROM household_vulnerability v WHERE v.code = :code AND v.draft_agency IS NULL""",
                params, Long.class) + named.queryForObject("""
                SELECT COUNT(*) FROM household_vulnerability v WHERE v.code = :code AND v.draft_agency = :agency""",
                params, Long.class);
    }

    /**
     * At most this many households with one need are read from the need index for a list; a need that more have
     * is paged by walking the households newest first, where a page of 50 fills after a few hundred rows.
     */
    static final int FEW_WITH_NEED = 20_000;

    /**
     * Every household with the need that the caller sees, newest first, when there are at most
     * {@value #FEW_WITH_NEED}; null when there are more. One range of the need index, read no further than that:
     * walking every household for a need that few or none have read the whole table (695 ms at p95 at 250,000).
     */
    long[] idsWithFewWithNeed(Vulnerability need, String callerAgency) {
        var params = new MapSqlParameterSource("code", need.name()).addValue("agency", callerAgency);
        LongStream.Builder submitted = LongStream.builder();
        collect(submitted, """
                SELECT v.household_id FROM household_vulnerability v WHERE v.code = :code AND v.draft_agency IS NULL
                 FETCH FIRST %d ROWS ONLY""".formatted(FEW_WITH_NEED + 1), params);
        long[] found = submitted.build().toArray();
        if (found.length > FEW_WITH_NEED) {
            return null;
        }
        LongStream.Builder drafts = LongStream.builder();
        collect(drafts, """
                SELECT v.household_id FROM household_vulnerability v WHERE v.code = :code
                   AND v.draft_agency = :agency FETCH FIRST %d ROWS ONLY""".formatted(FEW_WITH_NEED + 1 - found.length),
                params);
        found = LongStream.concat(Arrays.stream(found), drafts.build()).toArray();
        return found.length > FEW_WITH_NEED ? null : newestFirst(found);
    }

    /** Adds the first column of every row, a household id, without boxing each one. */
    private void collect(LongStream.Builder into, String sql, MapSqlParameterSource params) {
        named.query(sql, params, (java.sql.ResultSet rs) -> {
            into.add(rs.getLong(1));
        });
    }

    /** Distinct, highest first. */
    private static long[] newestFirst(long[] ids) {
        Arrays.sort(ids);
        int distinct = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                ids[distinct++] = ids[i];
            }
        }
        long[] result = new long[distinct];
        for (int i = 0; i < distinct; i++) {
            result[i] = ids[distinct - 1 - i];
        }
        return result;
    }

    List<Hit> byDocument(Collection<String> normalisedNumbers) {
        if (normalisedNumbers.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT " + HIT_COLUMNS + """
                 FROM person p JOIN household h ON h.id = p.household_id
                WHERE p.document_normalised IN (:numbers)""", new MapSqlParameterSource("numbers", normalisedNumbers),
                this::hit);
    }

    private Hit hit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Date birthDate = rs.getDate(9);
        return new Hit(rs.getLong(1), rs.getLong(2), rs.getString(3), HouseholdStatus.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                birthDate == null ? null : birthDate.toLocalDate(), rs.getString(10), rs.getString(11),
                rs.getString(12) == null ? null : Sex.valueOf(rs.getString(12)));
    }
}
