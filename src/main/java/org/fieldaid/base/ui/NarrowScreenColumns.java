package org.fieldaid.base.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Grid columns that a tablet does without: hidden while the browser window is narrower than a given width, shown
 * again when it is wide enough, so that the grid fits instead of scrolling sideways. Every value stays reachable
 * on the record's own page.
 */
public final class NarrowScreenColumns {

    private NarrowScreenColumns() {
    }

    /** @param minWidth the window width in CSS pixels from which the columns are shown */
    public static void hideBelow(Grid<?> grid, int minWidth, List<? extends Grid.Column<?>> columns) {
        Registration[] resizing = new Registration[1];
        grid.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            // known from the bootstrap in Vaadin 25: hiding the columns before the grid first renders keeps a
            // later re-render from taking the focus off the view's first field on a tablet
            var known = page.getExtendedClientDetails();
            if (known != null && known.getWindowInnerWidth() > 0) {
                show(columns, known.getWindowInnerWidth() >= minWidth);
            } else {
                page.retrieveExtendedClientDetails(details -> show(columns, details.getWindowInnerWidth() >= minWidth));
            }
            resizing[0] = page.addBrowserWindowResizeListener(resize -> show(columns, resize.getWidth() >= minWidth));
        });
        grid.addDetachListener(detach -> resizing[0].remove());
    }

    private static void show(List<? extends Grid.Column<?>> columns, boolean visible) {
        columns.forEach(column -> column.setVisible(visible));
    }
}
