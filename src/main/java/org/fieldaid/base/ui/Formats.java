package org.fieldaid.base.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates, times and numbers written the way the reader's locale writes them. */
public final class Formats {

    /** The response centre works on Armenia's time; the servers run on UTC. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Yerevan");

    private Formats() {
    }

    /**
     * A date as the reader's language writes it, day first: in English as written in this region ("20 Oct 2020",
     * never the American "Oct 20, 2020", which the other three languages' readers take for a typo).
     */
    public static DateTimeFormatter date(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(dayFirst(locale));
    }

    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(dayFirst(locale)).withZone(ZONE).format(instant);
    }

    private static Locale dayFirst(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.UK : locale;
    }

    public static String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }
}
