package org.fieldaid.household;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Component;

/**
 * One page of the household list, ids first: the ids of the page come from the filter's covering index, and only
 * those households are then read. Selecting whole rows made the database read every row the filter matched,
 * thousands of them, to sort them and keep 50 (H2 does not walk an index in order past equality columns;
 * decision 008).
 */
@Component
class HouseholdPages {

    private final EntityManager entityManager;
    private final HouseholdRepository households;

    HouseholdPages(EntityManager entityManager, HouseholdRepository households) {
        this.entityManager = entityManager;
        this.households = households;
    }

    /** Must run in a transaction. The slice knows whether a next page exists; it does not count. */
    Slice<Household> find(Specification<Household> filter, Pageable page) {
        if (page.isUnpaged()) {
            throw new IllegalArgumentException("The household list is read a page at a time");
        }
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Household> root = query.from(Household.class);
        query.select(root.get("id")).where(filter.toPredicate(root, query, cb))
                .orderBy(QueryUtils.toOrders(stable(page.getSort()), root, cb));
        List<Long> ids = entityManager.createQuery(query).setFirstResult(Math.toIntExact(page.getOffset()))
                .setMaxResults(page.getPageSize() + 1).getResultList();
        boolean hasNext = ids.size() > page.getPageSize();
        return load(hasNext ? ids.subList(0, page.getPageSize()) : ids, page, hasNext);
    }

    /**
     * One page of households whose ids are already known, all of them and in order (a name search reads them from
     * the key index). Only the 50 or so of the page are read.
     */
    Slice<Household> find(long[] orderedIds, Pageable page) {
        int from = (int) Math.min(page.getOffset(), orderedIds.length);
        int to = (int) Math.min((long) from + page.getPageSize(), orderedIds.length);
        return load(Arrays.stream(orderedIds, from, to).boxed().toList(), page, to < orderedIds.length);
    }

    private Slice<Household> load(List<Long> ids, Pageable page, boolean hasNext) {
        Map<Long, Household> byId = households.findAllById(ids).stream()
                .collect(Collectors.toMap(Household::getId, Function.identity()));
        return new SliceImpl<>(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), page, hasNext);
    }

    /** Rows that tie on the chosen order keep one order from page to page: newest first. */
    private static Sort stable(Sort sort) {
        return sort.getOrderFor("id") != null ? sort : sort.and(Sort.by(Sort.Direction.DESC, "id"));
    }
}
