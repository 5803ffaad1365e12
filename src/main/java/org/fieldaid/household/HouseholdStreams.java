package org.fieldaid.household;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Streams the households and persons of a filter for an export, a row at a time: columns only, no entities, so the
 * persistence context stays empty, and a fetch size, so PostgreSQL hands the rows over by cursor.
 */
@Component
class HouseholdStreams {

    static final int FETCH_SIZE = 1_000;
    private static final String FETCH_SIZE_HINT = "org.hibernate.fetchSize";
    private static final List<String> HOUSEHOLD_COLUMNS = List.of("id", "registrationNumber", "status",
            "headFamilyName", "headGivenName", "memberCount", "originSettlementId", "currentSettlementId",
            "currentAddress", "displacedOn", "phone", "consentSharePartners", "consentContact", "vulnerabilities",
            "sensitiveVulnerabilities", "agencyCode", "createdAt");

    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    HouseholdStreams(EntityManager entityManager, JdbcTemplate jdbc) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    void households(Specification<Household> filter, Sort sort, boolean sensitive, Consumer<HouseholdExportRow> sink) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Household> h = query.from(Household.class);
        query.multiselect(HOUSEHOLD_COLUMNS.stream().<Selection<?>>map(h::get).toList())
                .where(filter.toPredicate(h, query, cb))
                .orderBy(QueryUtils.toOrders(stable(sort), h, cb));
        try (Stream<Tuple> rows = entityManager.createQuery(query).setHint(FETCH_SIZE_HINT, FETCH_SIZE)
                .getResultStream()) {
            rows.forEach(t -> sink.accept(new HouseholdExportRow(t.get(0, Long.class), t.get(1, String.class),
                    t.get(2, HouseholdStatus.class), t.get(3, String.class), t.get(4, String.class),
                    t.get(5, Integer.class), t.get(6, Long.class), t.get(7, Long.class), t.get(8, String.class),
                    t.get(9, LocalDate.class), t.get(10, String.class), t.get(11, Boolean.class),
                    t.get(12, Boolean.class), codes(t.get(13, String.class)),
                    sensitive ? codes(t.get(14, String.class)) : null, t.get(15, String.class),
                    t.get(16, Instant.class))));
        }
    }

    /**
     * The members of the filter's households, household by household in the list's order, each in its order. The
     * filter picks the households, read through the criteria query with the five columns the persons take from
     * them; their members are then read in plain SQL, {@value #HOUSEHOLDS_PER_BATCH} households at a time, by the
     * index on {@code (household_id, position)}. Reading every member's sixteen columns through the criteria
     * query spent a third of the export's time in Hibernate's row reading.
     */
    void persons(Specification<Household> filter, Sort sort, boolean sensitive, Consumer<PersonExportRow> sink) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Household> h = query.from(Household.class);
        query.multiselect(h.get("id"), h.get("registrationNumber"), h.get("status"), h.get("originSettlementId"),
                        h.get("currentSettlementId"))
                .where(filter.toPredicate(h, query, cb)).orderBy(QueryUtils.toOrders(stable(sort), h, cb));
        List<Family> batch = new ArrayList<>(HOUSEHOLDS_PER_BATCH);
        try (Stream<Tuple> rows = entityManager.createQuery(query).setHint(FETCH_SIZE_HINT, FETCH_SIZE)
                .getResultStream()) {
            rows.forEach(t -> {
                batch.add(new Family(t.get(0, Long.class), t.get(1, String.class), t.get(2, HouseholdStatus.class),
                        t.get(3, Long.class), t.get(4, Long.class)));
                if (batch.size() == HOUSEHOLDS_PER_BATCH) {
                    membersOf(batch, sensitive, sink);
                    batch.clear();
                }
            });
        }
        membersOf(batch, sensitive, sink);
    }

    static final int HOUSEHOLDS_PER_BATCH = 500;

    private static final String MEMBERS_OF = """
            SELECT household_id, relation, family_name, given_name, patronymic, sex, birth_date,
                   birth_date_estimated, document_type, document_number, vulnerabilities, sensitive_vulnerabilities,
                   returned
              FROM person WHERE household_id = ANY (?) ORDER BY household_id, position""";

    /** What a member's row takes from the household. */
    private record Family(long id, String registrationNumber, HouseholdStatus status, Long origin, Long current) {
    }

    private void membersOf(List<Family> families, boolean sensitive, Consumer<PersonExportRow> sink) {
        if (families.isEmpty()) {
            return;
        }
        Map<Long, Family> byId = new HashMap<>(families.size() * 2);
        families.forEach(f -> byId.put(f.id(), f));
        Map<Long, List<PersonExportRow>> members = new HashMap<>(families.size() * 2);
        jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(MEMBERS_OF);
            statement.setArray(1, con.createArrayOf("bigint", byId.keySet().toArray()));
            return statement;
        }, (ResultSet rs) -> {
            Family f = byId.get(rs.getLong(1));
            members.computeIfAbsent(f.id(), id -> new ArrayList<>(4)).add(new PersonExportRow(
                    f.registrationNumber(), f.status(), Relation.valueOf(rs.getString(2)), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6) == null ? null : Sex.valueOf(rs.getString(6)),
                    rs.getObject(7, LocalDate.class), rs.getBoolean(8),
                    rs.getString(9) == null ? null : DocumentType.valueOf(rs.getString(9)), rs.getString(10),
                    codes(rs.getString(11)), sensitive ? codes(rs.getString(12)) : null, f.origin(), f.current(),
                    rs.getBoolean(13)));
        });
        for (Family f : families) {
            List<PersonExportRow> ofFamily = members.get(f.id());
            if (ofFamily != null) {
                ofFamily.forEach(sink);
            }
        }
    }

    private static Sort stable(Sort sort) {
        return sort.getOrderFor("id") != null ? sort : sort.and(Sort.by(Sort.Direction.DESC, "id"));
    }

    /** The stored ",LOST_HOME,PREGNANT," form, as the export writes it: "LOST_HOME,PREGNANT". */
    static String codes(String stored) {
        if (stored == null) {
            return null;
        }
        int from = 0;
        int to = stored.length();
        while (from < to && stored.charAt(from) == ',') {
            from++;
        }
        while (to > from && stored.charAt(to - 1) == ',') {
            to--;
        }
        return from == to ? null : stored.substring(from, to);
    }
}
