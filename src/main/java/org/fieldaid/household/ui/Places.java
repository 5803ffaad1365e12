package org.fieldaid.household.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldaid.base.ui.Pickers;
import org.fieldaid.settlement.SettlementRow;

/** The settlements for one view: labels with every name, and pickers that search all of them. */
final class Places {

    private final List<SettlementRow> all;
    private final Map<Long, SettlementRow> byId;
    private final Locale locale;

    Places(List<SettlementRow> all, Locale locale) {
        this.all = all;
        this.byId = all.stream().collect(Collectors.toMap(SettlementRow::id, Function.identity()));
        this.locale = locale;
    }

    /** "—" where a draft does not say yet. */
    String label(Long id) {
        if (id == null) {
            return NOT_YET;
        }
        SettlementRow row = byId.get(id);
        return row == null ? "#" + id : row.label(locale);
    }

    /** What a list or a card shows for a value a draft does not have yet. */
    static final String NOT_YET = "—";

    /** @param reception true: reception locations only; false: settlements of origin only; null: all */
    ComboBox<SettlementRow> picker(String label, Boolean reception) {
        ComboBox<SettlementRow> box = new ComboBox<>(label);
        List<SettlementRow> items = all.stream().filter(s -> reception == null || s.reception() == reception)
                .sorted(java.util.Comparator.comparing(s -> s.label(locale))).toList();
        // every name of a place matches what is typed, in any script
        box.setItems((row, typed) -> matches(row, typed), items);
        Pickers.acceptTypedChoice(box, typed -> items.stream().filter(row -> matches(row, typed)).findFirst());
        box.setItemLabelGenerator(s -> s.label(locale));
        box.setClearButtonVisible(true);
        return box;
    }

    private boolean matches(SettlementRow row, String typed) {
        return typed.isBlank() || row.names().values().stream()
                .anyMatch(n -> n.toLowerCase(locale).contains(typed.toLowerCase(locale)));
    }

    SettlementRow get(Long id) {
        return id == null ? null : byId.get(id);
    }
}
