package org.fieldaid.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SmallCountsTest {

    @Test
    void aPartnerSeesCountsFromOneToFourAsLessThanFive() {
        for (long n = 1; n <= 4; n++) {
            assertThat(SmallCounts.mask(n, true)).as("count " + n).isEqualTo(SmallCounts.HIDDEN);
            assertThat(SmallCounts.text(SmallCounts.mask(n, true), Locale.ENGLISH)).isEqualTo("<5");
        }
    }

    @Test
    void zeroAndFiveOrMoreAreShownToAPartnerAsTheyAre() {
        assertThat(SmallCounts.mask(0, true)).isZero();
        assertThat(SmallCounts.mask(5, true)).isEqualTo(5);
        assertThat(SmallCounts.mask(1234, true)).isEqualTo(1234);
        assertThat(SmallCounts.text(SmallCounts.mask(1234, true), Locale.ENGLISH)).isEqualTo("1,234");
    }

    @Test
    void everyoneElseSeesTheTrueCount() {
        for (long n = 0; n <= 6; n++) {
            assertThat(SmallCounts.mask(n, false)).isEqualTo(n);
        }
        assertThat(SmallCounts.text(3, new Locale("ru"))).isEqualTo("3");
    }
}
