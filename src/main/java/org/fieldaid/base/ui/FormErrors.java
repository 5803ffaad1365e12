package org.fieldaid.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fieldaid.base.InvalidInputException;

/**
 * Puts every problem of a form at its field at once, in the person's language, and brings the first one (in the
 * form's order, top to bottom) into view with the focus on it. Problems are keyed by the names the service uses
 * ({@code origin}, {@code member.2.birthDate}) and hold translation keys.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * @param fields the form's fields by the names the service uses, in the order the form shows them
     * @return the problems no field was named for (already translated), for a message beside the form's buttons
     */
    public static List<String> show(Component context, Map<String, List<String>> problems,
                                    Map<String, ? extends HasValidation> fields) {
        clear(fields);
        HasValidation first = null;
        for (var field : fields.entrySet()) {
            List<String> keys = problems.get(field.getKey());
            if (keys == null || keys.isEmpty()) {
                continue;
            }
            field.getValue().setErrorMessage(translate(context, keys));
            field.getValue().setInvalid(true);
            if (first == null) {
                first = field.getValue();
            }
        }
        if (first instanceof Component component) {
            component.scrollIntoView();
        }
        if (first instanceof Focusable<?> focusable) {
            focusable.focus();
        }
        return problems.entrySet().stream()
                .filter(e -> !fields.containsKey(e.getKey()))
                .map(e -> translate(context, e.getValue()))
                .toList();
    }

    public static List<String> show(Component context, InvalidInputException problem,
                                    Map<String, ? extends HasValidation> fields) {
        return show(context, problem.problems(), fields);
    }

    /** How many fields {@link #show} marked for these problems. */
    public static long marked(Map<String, List<String>> problems, Map<String, ? extends HasValidation> fields) {
        return problems.keySet().stream().filter(fields::containsKey).count();
    }

    /** The date fields whose text is not a date; the service only sees them empty. */
    public static Map<String, List<String>> unreadableDates(Map<String, ? extends HasValidation> fields) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            if (field instanceof DateField date && date.hasUnreadableInput()) {
                problems.put(name, List.of("validation.date-unreadable"));
            }
        });
        return problems;
    }

    /** Both sets of problems, the first one's keys first for a field named in both. */
    public static Map<String, List<String>> merge(Map<String, List<String>> first, Map<String, List<String>> second) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        first.forEach((k, v) -> all.put(k, new ArrayList<>(v)));
        second.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(
                v.stream().filter(key -> !all.get(k).contains(key)).toList()));
        return all;
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    private static String translate(Component context, List<String> keys) {
        return keys.stream().map(context::getTranslation).collect(Collectors.joining(" "));
    }
}
