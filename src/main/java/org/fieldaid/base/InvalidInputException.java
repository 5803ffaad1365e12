package org.fieldaid.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input that a service refuses. Each entry names the field concerned and the translation keys of what is
 * wrong with it, so that a view can put the message at that field in the person's language.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, List<String>> problems;

    public InvalidInputException(Map<String, List<String>> problems) {
        super("Invalid input: " + problems);
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public static InvalidInputException of(String field, String messageKey) {
        return new InvalidInputException(Map.of(field, List.of(messageKey)));
    }

    public Map<String, List<String>> problems() {
        return problems;
    }
}
