package org.fieldaid.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.fieldaid.base.AuditRecord;

/**
 * What an audit action code ({@code USER_UPDATED}) means, in the reader's language (decision 022). Every code the
 * system writes has a text under {@code audit.action.CODE} (a test checks it); a code from an older version
 * without one is shown as it is stored. Summaries read the same way, with their arguments that are codes.
 */
public final class AuditActions {

    public static final String PREFIX = "audit.action.";
    public static final String SUMMARY_PREFIX = "audit.summary.";

    private AuditActions() {
    }

    public static String label(Component where, String code) {
        if (code == null) {
            return "";
        }
        return Translations.exists(PREFIX + code) ? where.getTranslation(PREFIX + code) : code;
    }

    /**
     * A summary in the reader's language when it was recorded with a key that has a text; otherwise the English
     * summary as it was recorded.
     */
    public static String summary(Component where, String key, List<String> args, String recorded) {
        return summary(where::getTranslation, key, args, recorded);
    }

    /** The same, for a reader away from the screen (an export) whose language is known. */
    public static String summary(I18NProvider texts, Locale reader, String key, List<String> args, String recorded) {
        return summary((k, params) -> texts.getTranslation(k, reader, params), key, args, recorded);
    }

    private static String summary(BiFunction<String, Object[], String> texts, String key, List<String> args,
                                  String recorded) {
        if (key == null || !Translations.exists(SUMMARY_PREFIX + key)) {
            return recorded == null ? "" : recorded;
        }
        return texts.apply(SUMMARY_PREFIX + key, args.stream().map(a -> argument(texts, a)).toArray());
    }

    /** An argument recorded as a term ({@link AuditRecord#term}) reads as its text, or as its code without one. */
    private static String argument(BiFunction<String, Object[], String> texts, String recorded) {
        int mark = recorded.indexOf(AuditRecord.TERM);
        if (mark < 0) {
            return recorded;
        }
        String code = recorded.substring(mark + AuditRecord.TERM.length());
        String key = recorded.substring(0, mark) + code;
        return Translations.exists(key) ? texts.apply(key, new Object[0]) : code;
    }
}
