package org.yizhan.geo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.geo.LatLng;

class CoverageProblemTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void coverListsEqualDirectGeodesicComparison(long seed) {
        assertCoverListsMatchBruteForce(PlanningFixtures.smallInstance(seed).problem());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1_000, 50, 25_000, 100_000})
    void pointsNearTheRimAreDecidedByTheGeodesic(double radius) {
        CoverageProblem problem = PlanningFixtures.rimInstance(radius).problem(radius);

        assertCoverListsMatchBruteForce(problem);
        // Half the offsets on each ring are inside: 24 azimuths × 4.
        assertThat(problem.demandCoveredByExisting(0)).hasSize(96);
    }

    @Test
    void largeRadiusOverAWideAreaEqualsDirectGeodesicComparison() {
        InstanceGenerator.Instance wide = InstanceGenerator.generate(
                InstanceGenerator.Spec.wuhai(300, 30, 5, 9).withSize(400_000));

        assertCoverListsMatchBruteForce(wide.problem(60_000));
    }

    @Test
    void openDemandIsWhatNoExistingStationCovers() {
        CoverageProblem problem = PlanningFixtures.smallInstance(4).problem();
        boolean[][] m = BruteForce.matrix(problem);

        for (int i = 0; i < problem.demand().size(); i++) {
            int count = 0;
            for (int e = 0; e < problem.existing().size(); e++) {
                count += m[e][i] ? 1 : 0;
            }
            assertThat(problem.existingCoverCount(i)).isEqualTo(count);
            assertThat(problem.isCoveredByExisting(i)).isEqualTo(count > 0);
        }
    }

    @Test
    void emptyInputsGiveAnEmptyProblem() {
        CoverageProblem problem = CoverageProblem.of(List.of(), List.of(), List.of());

        assertThat(problem.totalWeight()).isZero();
        assertThat(problem.radiusMeters()).isEqualTo(1_000);
        assertThat(Coverage.of(problem).share()).isEqualTo(1.0);
    }

    @Test
    void sitesWithoutDemandCoverNothing() {
        Site site = new Site("a", LatLng.of(39.65, 106.82));

        CoverageProblem problem = CoverageProblem.of(List.of(site), List.of(site), List.of());

        assertThat(problem.demandCoveredByCandidate(0)).isEmpty();
    }

    @Test
    void rejectsRadiusOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CoverageProblem.of(List.of(), List.of(), List.of(), 0))
                .withMessageContaining("radius");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CoverageProblem.of(List.of(), List.of(), List.of(), 100_001));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CoverageProblem.of(List.of(), List.of(), List.of(), Double.NaN));
    }

    @Test
    void rejectsNegativeDemandWeight() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DemandPoint(LatLng.of(0, 0), -1));
    }

    private static void assertCoverListsMatchBruteForce(CoverageProblem problem) {
        boolean[][] m = BruteForce.matrix(problem);
        int e = problem.existing().size();
        for (int s = 0; s < m.length; s++) {
            boolean[] row = m[s];
            int[] expected = IntStream.range(0, row.length).filter(i -> row[i]).toArray();
            int[] actual = s < e ? problem.demandCoveredByExisting(s) : problem.demandCoveredByCandidate(s - e);
            assertThat(actual).as("site %d", s).containsExactly(expected);
        }
    }
}
