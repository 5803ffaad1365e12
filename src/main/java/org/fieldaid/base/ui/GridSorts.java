package org.fieldaid.base.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import org.springframework.data.domain.Sort;

/** The order a grid shows now, for a service that reads the same rows again (an export). */
public final class GridSorts {

    private GridSorts() {
    }

    /** @param unsorted the list's own order when the person has not sorted it */
    public static Sort of(Grid<?> grid, Sort unsorted) {
        List<Sort.Order> orders = grid.getSortOrder().stream().filter(o -> o.getSorted().getKey() != null)
                .map(o -> o.getDirection() == SortDirection.ASCENDING ? Sort.Order.asc(o.getSorted().getKey())
                        : Sort.Order.desc(o.getSorted().getKey()))
                .toList();
        return orders.isEmpty() ? unsorted : Sort.by(orders);
    }
}
