package org.fieldaid.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntitlementRulesTest {

    private static final LocalDate ROUND_START = LocalDate.of(2026, 12, 1);

    /** Birth dates by age in years on the round's first day ("0.5" is six months old); empty for no members. */
    private static List<LocalDate> members(String ages) {
        if (ages == null || ages.isBlank()) {
            return List.of();
        }
        return Arrays.stream(ages.split(" ")).map(a -> ROUND_START.minusMonths(Math.round(Double.parseDouble(a) * 12)))
                .toList();
    }

    @ParameterizedTest(name = "{0} {1} per unit, cap {2}, {3}, {4}; members aged [{5}], already this season {6} -> {7}")
    @CsvSource(nullValues = "-", value = {
            // basis,  qty, cap, frequency,       condition,        members,        season, expected
            "HOUSEHOLD, 1,   -,  EVERY_ROUND,     NONE,             '40 38 10',     false, 1",
            "HOUSEHOLD, 2,   -,  EVERY_ROUND,     NONE,             '70',           false, 2",
            "PERSON,    1,   6,  EVERY_ROUND,     NONE,             '40 38 10',     false, 3",
            "PERSON,    1,   6,  EVERY_ROUND,     NONE,             '40 38 10 8 6 4 2 1', false, 6",
            "PERSON,    2,   5,  EVERY_ROUND,     NONE,             '40 38 10',     false, 5",
            "PERSON,    1,   -,  EVERY_ROUND,     NONE,             '1 2 3 4 5 6 7 8 9 10', false, 10",
            "PERSON,    1,   -,  EVERY_ROUND,     MEMBER_UNDER_TWO, '30 0.5',       false, 1",
            "PERSON,    1,   -,  EVERY_ROUND,     MEMBER_UNDER_TWO, '30 0.5 1.5',   false, 2",
            "PERSON,    1,   -,  EVERY_ROUND,     MEMBER_UNDER_TWO, '30 2 5',       false, 0",
            "HOUSEHOLD, 1,   -,  EVERY_ROUND,     MEMBER_UNDER_TWO, '30 0.5 1',     false, 1",
            "HOUSEHOLD, 1,   -,  EVERY_ROUND,     MEMBER_UNDER_TWO, '30 31',        false, 0",
            "HOUSEHOLD, 1,   -,  ONCE_PER_SEASON, NONE,             '30 31',        false, 1",
            "HOUSEHOLD, 1,   -,  ONCE_PER_SEASON, NONE,             '30 31',        true,  0",
            "HOUSEHOLD, 1,   -,  EVERY_ROUND,     NONE,             '30 31',        true,  1",
            "PERSON,    1,   -,  EVERY_ROUND,     NONE,             -,              false, 0"})
    void entitlementFollowsTheRuleOfThePackageType(Basis basis, int quantity, Integer cap, Frequency frequency,
                                                   Condition condition, String ages, boolean alreadyThisSeason,
                                                   int expected) {
        EntitlementRule rule = new EntitlementRule(basis, quantity, cap, frequency, condition);
        assertThat(EntitlementRules.quantity(rule, members(ages), ROUND_START, alreadyThisSeason)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is in the season {1} to {2}")
    @CsvSource({
            "2026-12-01, 2026-10-01, 2027-03-31",
            "2026-10-01, 2026-10-01, 2027-03-31",
            "2027-03-31, 2026-10-01, 2027-03-31",
            "2027-04-01, 2027-04-01, 2027-09-30",
            "2027-09-30, 2027-04-01, 2027-09-30"})
    void seasonsRunFromOctoberToMarchAndFromAprilToSeptember(LocalDate day, LocalDate start, LocalDate end) {
        assertThat(EntitlementRules.seasonStart(day)).isEqualTo(start);
        assertThat(EntitlementRules.seasonEnd(day)).isEqualTo(end);
    }
}
