package org.yizhan.locator.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StarGradeTest {

    @Test
    void withoutRatingsTheGradeIsThePrior() {
        assertThat(StarGrade.of(0, 0, 0, 0, false)).isEqualTo(new StarGrade(3.5, 4));
    }

    @Test
    void oneFiveStarRatingDoesNotMakeAFiveStarStation() {
        assertThat(StarGrade.of(1, 5, 0, 0, false).stars()).isEqualTo(4);
        assertThat(StarGrade.of(40, 200, 0, 0, false).stars()).isEqualTo(5);
    }

    @Test
    void unresolvedReportsFromSeveralNetworksAndStalenessPullTheGradeDownToAtLeastOneStar() {
        // (200 + 17.5) / 45 = 4.833; two networks: -1.0; five: capped at -1.5; nine others: capped at -1.
        assertThat(StarGrade.of(40, 200, 2, 0, false).score()).isEqualTo(3.83);
        assertThat(StarGrade.of(40, 200, 5, 0, false).score()).isEqualTo(3.33);
        assertThat(StarGrade.of(40, 200, 0, 9, false).score()).isEqualTo(3.83);
        assertThat(StarGrade.of(10, 10, 3, 4, true)).isEqualTo(new StarGrade(1.0, 1));
    }

    @Test
    void reportsFromASingleNetworkDoNotScore() {
        assertThat(StarGrade.of(40, 200, 1, 1, false)).isEqualTo(StarGrade.of(40, 200, 0, 0, false));
    }
}
