package org.fieldaid.report;

import java.util.Locale;
import org.fieldaid.base.ui.Formats;

/**
 * The one rule for small numbers: what a partner organisation sees shows a count from 1 to 4 as "&lt;5", so that no
 * family can be singled out from a table. Zero stays zero (nobody is singled out by it). The report masks the
 * counts before they leave its service, so no screen can print the true value by mistake.
 */
public final class SmallCounts {

    /** Counts below this, and above 0, are hidden from partners. */
    public static final int THRESHOLD = 5;

    /** What a hidden count is replaced with. */
    public static final long HIDDEN = -1;

    private SmallCounts() {
    }

    /** The count as the audience may see it: {@link #HIDDEN} for a small count shown to a partner. */
    public static long mask(long count, boolean partnerAudience) {
        return partnerAudience && count > 0 && count < THRESHOLD ? HIDDEN : count;
    }

    /** A masked count as text in the reader's language. */
    public static String text(long masked, Locale locale) {
        return masked == HIDDEN ? "<" + THRESHOLD : Formats.number(masked, locale);
    }

    public static boolean hidden(long masked) {
        return masked == HIDDEN;
    }
}
