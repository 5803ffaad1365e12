package org.fieldaid.household;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lookup tables beside households and persons: phonetic name keys per person (for duplicates) and per
 * household (for the list's name search). Rewritten whole for a household on every save, in the same transaction.
 */
@Component
class HouseholdIndex {

    /**
     * A stored person that an indexed lookup found, in any household, drafts included: the duplicate check looks
     * everywhere, and the registry shows each hit only as far as the caller may see its household.
     */
    record Hit(long personId, long householdId, String registrationNumber, HouseholdStatus status,
               String familyName, String givenName, String givenFolded, String familyFolded, LocalDate birthDate,
               String documentNumber, String agencyCode) {
    }

    private static final String HIT_COLUMNS = """
            p.id, p.household_id, h.registration_number, h.status, p.family_name, p.given_name, p.given_folded,
            p.family_folded, p.birth_date, p.document_number, h.agency_code""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    HouseholdIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Drops the household's rows; call before a change that may remove members is flushed, since their key rows
     * refer to them.
     */
    void forget(long householdId) {
        jdbc.update("DELETE FROM person_name_key WHERE household_id = ?", householdId);
        jdbc.update("DELETE FROM household_name_key WHERE household_id = ?", householdId);
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
                    personKeys.add(new Object[] {key, Date.valueOf(person.getBirthDate()), person.getId(), id});
                }
            }
        }
        jdbc.batchUpdate(INSERT_PERSON_KEY, personKeys);
        jdbc.batchUpdate(INSERT_HOUSEHOLD_KEY, householdKeys(household.getMembers().stream()
                .map(Person::getFamilyName).toList(), id, draftAgency));
        jdbc.batchUpdate(INSERT_NEED, household.allVulnerabilities().stream()
                .map(v -> new Object[] {v.name(), id, draftAgency}).toList());
    }

    static final String INSERT_PERSON_KEY =
            "INSERT INTO person_name_key (name_key, birth_date, person_id, household_id) VALUES (?, ?, ?, ?)";

    static final String INSERT_NEED =
            "INSERT INTO household_vulnerability (code, household_id, draft_agency) VALUES (?, ?, ?)";

    static final String INSERT_HOUSEHOLD_KEY =
            "INSERT INTO household_name_key (name_key, household_id, draft_agency) VALUES (?, ?, ?)";

    /** Whose draft the household is, for its key rows; null once submitted, when every reader may find it. */
    static String draftAgency(HouseholdStatus status, String agencyCode) {
        return status == HouseholdStatus.DRAFT ? agencyCode : null;
    }

    /** The household left the draft state: other agencies' searches find it from now on. */
    void submitted(long householdId) {
        jdbc.update("UPDATE household_name_key SET draft_agency = NULL WHERE household_id = ?", householdId);
        jdbc.update("UPDATE household_vulnerability SET draft_agency = NULL WHERE household_id = ?", householdId);
    }

    /** The household_name_key rows of one household: each key of its members' family names once. */
    static List<Object[]> householdKeys(Collection<String> familyNames, long householdId, String draftAgency) {
        return familyNames.stream().flatMap(name -> NameKeys.keys(name).stream()).distinct()
                .map(key -> new Object[] {key, householdId, draftAgency}).toList();
    }

    /** Persons whose family name shares a key and whose birth date is within a year of the given one. */
    List<Hit> byNameKeys(Set<String> keys, LocalDate birthDate) {
        if (keys.isEmpty()) {
            return List.of();
        }
        var params = new MapSqlParameterSource().addValue("keys", keys)
                .addValue("from", Date.valueOf(birthDate.minusYears(1)))
                .addValue("to", Date.valueOf(birthDate.plusYears(1)));
        return named.query("SELECT DISTINCT " + HIT_COLUMNS + """
                 FROM person_name_key k JOIN person p ON p.id = k.person_id JOIN household h ON h.id = p.household_id
                WHERE k.name_key IN (:keys) AND k.birth_date BETWEEN :from AND :to""", params, this::hit);
    }

    /**
     * The households a one-word name search finds, newest first, for a caller who sees every household but other
     * agencies' drafts: read from the key index alone, one index range per key, and merged here (decision 008).
     * A range can hold two keys of one household (Petrosyan, Petrosyanova), and two keys can both belong to one
     * household (Hakobyan, Akopyan), so the ids are made distinct. The list's count is the length; its pages are
     * slices.
     */
    long[] idsByNameKeys(Set<String> keys, String callerAgency) {
        LongStream.Builder found = LongStream.builder();
        for (String key : keys) {
            collect(found, """
                    SELECT k.household_id FROM household_name_key k WHERE k.name_key BETWEEN :from AND :to
                       AND (k.draft_agency IS NULL OR k.draft_agency = :agency)""",
                    new MapSqlParameterSource("agency", callerAgency).addValue("from", key)
                            .addValue("to", HouseholdSearch.rangeEnd(key, HouseholdSearch.KEY_COLUMN)));
        }
        return newestFirst(found.build().toArray());
    }

    /**
     * The households with a need, newest first, for a caller who sees every household but other agencies' drafts:
     * one range of the need index, visibility included (decision 008). A need chosen as the only filter has no
     * narrower index on the household table to read.
     */
    long[] idsWithNeed(Vulnerability need, String callerAgency) {
        LongStream.Builder found = LongStream.builder();
        collect(found, """
                SELECT v.household_id FROM household_vulnerability v WHERE v.code = :code
                   AND (v.draft_agency IS NULL OR v.draft_agency = :agency)""",
                new MapSqlParameterSource("code", need.name()).addValue("agency", callerAgency));
        return newestFirst(found.build().toArray());
    }

    /**
     * The households a family and given name search finds (prefixes of both, folded), newest first, for a caller
     * who sees every household but other agencies' drafts. Two narrow ranges of the person name index: the family
     * name as typed, and the longer family names that start with it. One range over both would read every person
     * of a common family name to check the given name (decision 008).
     */
    long[] idsByFullName(String family, String given, String callerAgency) {
        var params = new MapSqlParameterSource("family", family)
                .addValue("longer", HouseholdSearch.longerFrom(family))
                .addValue("familyEnd", HouseholdSearch.nameRangeEnd(family))
                .addValue("given", given).addValue("givenEnd", HouseholdSearch.nameRangeEnd(given));
        LongStream.Builder persons = LongStream.builder();
        collect(persons, """
                SELECT p.household_id FROM person p WHERE p.family_folded = :family
                   AND p.given_folded BETWEEN :given AND :givenEnd
                UNION ALL
                SELECT p.household_id FROM person p WHERE p.family_folded BETWEEN :longer AND :familyEnd
                   AND p.given_folded BETWEEN :given AND :givenEnd""", params);
        long[] candidates = newestFirst(persons.build().toArray());
        if (candidates.length == 0) {
            return candidates;
        }
        // persons do not know whose draft their household is: ask the household rows, by primary key
        LongStream.Builder visible = LongStream.builder();
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT h.id FROM household h WHERE h.id = ANY (?)"
                    + " AND (h.status <> 'DRAFT' OR h.agency_code = ?)");
            statement.setArray(1, con.createArrayOf("bigint", Arrays.stream(candidates).boxed().toArray()));
            statement.setString(2, callerAgency);
            return statement;
        }, (java.sql.ResultSet rs) -> {
            visible.add(rs.getLong(1));
        });
        return newestFirst(visible.build().toArray());
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
                birthDate == null ? null : birthDate.toLocalDate(), rs.getString(10), rs.getString(11));
    }
}
