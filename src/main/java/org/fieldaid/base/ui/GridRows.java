package org.fieldaid.base.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.grid.Grid;
import java.util.function.Consumer;

/** A list whose rows open with a click, and with Enter on the row the keyboard is on. */
public final class GridRows {

    private GridRows() {
    }

    public static <T> void openWith(Grid<T> grid, Consumer<T> open) {
        grid.addItemClickListener(e -> open.accept(e.getItem()));
        // the row under the keyboard focus; the grid moves it with the arrow keys and Tab
        Object[] focused = new Object[1];
        grid.addCellFocusListener(e -> focused[0] = e.getItem().orElse(null));
        Shortcuts.addShortcutListener(grid, () -> {
            @SuppressWarnings("unchecked")
            T item = (T) focused[0];
            if (item != null) {
                open.accept(item);
            }
        }, Key.ENTER).listenOn(grid);
    }
}
