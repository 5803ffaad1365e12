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

    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZONE).format(instant);
    }

    public static String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }
}
