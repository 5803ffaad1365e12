package org.fieldaid.base.ui;

import com.vaadin.flow.component.Component;

/**
 * What an audit action code ({@code USER_UPDATED}) means, in the reader's language (decision 022). Every code the
 * system writes has a text under {@code audit.action.CODE} (a test checks it); a code from an older version
 * without one is shown as it is stored.
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
    public static String summary(Component where, String key, java.util.List<String> args, String recorded) {
        if (key == null || !Translations.exists(SUMMARY_PREFIX + key)) {
            return recorded == null ? "" : recorded;
        }
        return where.getTranslation(SUMMARY_PREFIX + key, args.toArray());
    }
}
