package org.fieldaid.household;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
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
    private static final List<String> PERSON_COLUMNS = List.of("relation", "familyName", "givenName", "patronymic",
            "sex", "birthDate", "birthDateEstimated", "documentType", "documentNumber", "vulnerabilities",
            "sensitiveVulnerabilities", "returned");

    private final EntityManager entityManager;

    HouseholdStreams(EntityManager entityManager) {
        this.entityManager = entityManager;
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
     * filter applies to the households the members are joined to, so no list of matching households is built first.
     */
    void persons(Specification<Household> filter, Sort sort, boolean sensitive, Consumer<PersonExportRow> sink) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Household> h = query.from(Household.class);
        Join<Household, Person> p = h.join("members");
        List<Selection<?>> columns = new java.util.ArrayList<>(List.of(h.get("registrationNumber"), h.get("status"),
                h.get("originSettlementId"), h.get("currentSettlementId")));
        PERSON_COLUMNS.forEach(c -> columns.add(p.get(c)));
        var orders = new java.util.ArrayList<>(QueryUtils.toOrders(stable(sort), h, cb));
        orders.add(cb.asc(p.get("position")));
        query.multiselect(columns).where(filter.toPredicate(h, query, cb)).orderBy(orders);
        try (Stream<Tuple> rows = entityManager.createQuery(query).setHint(FETCH_SIZE_HINT, FETCH_SIZE)
                .getResultStream()) {
            rows.forEach(t -> sink.accept(new PersonExportRow(t.get(0, String.class), t.get(1, HouseholdStatus.class),
                    t.get(4, Relation.class), t.get(5, String.class), t.get(6, String.class), t.get(7, String.class),
                    t.get(8, Sex.class), t.get(9, LocalDate.class), t.get(10, Boolean.class),
                    t.get(11, DocumentType.class), t.get(12, String.class), codes(t.get(13, String.class)),
                    sensitive ? codes(t.get(14, String.class)) : null, t.get(2, Long.class), t.get(3, Long.class),
                    t.get(15, Boolean.class))));
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
