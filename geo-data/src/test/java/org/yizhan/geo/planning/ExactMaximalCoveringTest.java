package org.yizhan.geo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactMaximalCoveringTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void agreesWithExhaustiveSearch(long seed) {
        CoverageProblem problem = PlanningFixtures.tinyInstance(seed).problem();
        double before = Coverage.of(problem).coveredWeight();

        for (int k = 1; k <= 4; k++) {
            ExactMaximalCovering.Result exact = ExactMaximalCovering.solve(problem, k, Duration.ofSeconds(20))
                    .orElseThrow();

            assertThat(before + exact.newlyCovered())
                    .as("k=%d", k)
                    .isCloseTo(BruteForce.maxCoveredWeight(problem, k), within(1e-6));
            assertThat(exact.chosen().length).isLessThanOrEqualTo(k);
        }
    }
}
