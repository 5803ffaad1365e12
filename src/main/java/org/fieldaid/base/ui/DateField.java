package org.fieldaid.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A date typed the way people in the region write it: day first, in every language, with dots, slashes or dashes
 * (31.10.2020, 31/10/2020, 31-10-2020, 1.2.2020), and ISO 2020-10-31 as well. The browser parses what is typed;
 * text it cannot read as a real date (31.02.2020) is an error at the field, never an empty value.
 */
public class DateField extends DatePicker {

    /** What the field shows, and the first format it tries. */
    public static final String DISPLAY_FORMAT = "dd.MM.yyyy";

    /** Further formats it reads; day first, because in this region nobody writes the month first. */
    static final List<String> INPUT_FORMATS = List.of("d.M.yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy",
            "d-M-yyyy", "yyyy-MM-dd");

    public DateField() {
        Locale locale = getLocale();
        setLocale(locale);
        DatePickerI18n i18n = new DatePickerI18n();
        i18n.setDateFormats(DISPLAY_FORMAT, INPUT_FORMATS.toArray(String[]::new));
        i18n.setMonthNames(Arrays.stream(Month.values())
                .map(m -> capitalised(m.getDisplayName(TextStyle.FULL_STANDALONE, locale), locale)).toList());
        // the picker's week starts with Sunday in these arrays, whatever the first day shown
        List<DayOfWeek> sundayFirst = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        i18n.setWeekdays(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList());
        i18n.setWeekdaysShort(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale))
                .toList());
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(getTranslation("date.today"));
        i18n.setCancel(getTranslation("date.cancel"));
        i18n.setBadInputErrorMessage(getTranslation("validation.date-unreadable"));
        i18n.setMaxErrorMessage(getTranslation("validation.date-in-future"));
        i18n.setMinErrorMessage(getTranslation("validation.date-too-early"));
        setI18n(i18n);
        setPlaceholder(getTranslation("date.placeholder"));
        // typed dates are the rule: an overlay opening on the first digit takes the next Tab into the calendar,
        // and the date is not committed; the calendar still opens with the button or Arrow Down
        setAutoOpen(false);
    }

    public DateField(String label) {
        this();
        setLabel(label);
    }

    /** Something is typed that is not a date: the value is empty, but the person did not leave it empty. */
    public boolean hasUnreadableInput() {
        return isInputUnparsable();
    }

    private static String capitalised(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
