package org.fieldaid.aid;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;

/** The entitlement rule of a package type applied to one household: how many it gets in a round, 0 for none. */
final class EntitlementRules {

    private EntitlementRules() {
    }

    /**
     * @param birthDates the members' birth dates
     * @param alreadyThisSeason whether the household holds an entitlement to this type in another round of the season
     */
    static int quantity(EntitlementRule rule, List<LocalDate> birthDates, LocalDate roundStart,
                        boolean alreadyThisSeason) {
        if (rule.frequency() == Frequency.ONCE_PER_SEASON && alreadyThisSeason) {
            return 0;
        }
        long counted = switch (rule.condition()) {
            case NONE -> birthDates.size();
            case MEMBER_UNDER_TWO -> birthDates.stream().filter(b -> b.plusYears(2).isAfter(roundStart)).count();
        };
        if (counted == 0) {
            return 0;
        }
        long total = rule.basis() == Basis.HOUSEHOLD ? rule.quantity() : rule.quantity() * counted;
        return (int) (rule.cap() == null ? total : Math.min(total, rule.cap()));
    }

    /** The first day of the season a date falls in: 1 October for the winter season, 1 April for the summer one. */
    static LocalDate seasonStart(LocalDate day) {
        if (day.getMonthValue() >= Month.OCTOBER.getValue()) {
            return LocalDate.of(day.getYear(), Month.OCTOBER, 1);
        }
        if (day.getMonthValue() < Month.APRIL.getValue()) {
            return LocalDate.of(day.getYear() - 1, Month.OCTOBER, 1);
        }
        return LocalDate.of(day.getYear(), Month.APRIL, 1);
    }

    static LocalDate seasonEnd(LocalDate day) {
        return seasonStart(day).plusMonths(6).minusDays(1);
    }
}
