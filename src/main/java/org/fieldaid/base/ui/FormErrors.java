package org.fieldaid.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fieldaid.base.InvalidInputException;

/** Puts a service's refusal at the fields concerned, in the person's language, and focuses the first one. */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * @param fields the form's fields by the names the service uses
     * @return the problems no field was named for (already translated), for a message above the form
     */
    public static List<String> show(Component context, InvalidInputException problem,
                                    Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        boolean focused = false;
        for (var entry : problem.problems().entrySet()) {
            HasValidation field = fields.get(entry.getKey());
            if (field == null) {
                continue;
            }
            field.setErrorMessage(translate(context, entry.getValue()));
            field.setInvalid(true);
            if (!focused && field instanceof Focusable<?> focusable) {
                focusable.focus();
                focused = true;
            }
        }
        return problem.problems().entrySet().stream()
                .filter(e -> !fields.containsKey(e.getKey()))
                .map(e -> translate(context, e.getValue()))
                .toList();
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    private static String translate(Component context, List<String> keys) {
        return keys.stream().map(context::getTranslation).collect(Collectors.joining(" "));
    }
}
