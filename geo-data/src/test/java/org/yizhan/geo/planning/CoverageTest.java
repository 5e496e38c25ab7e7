package org.yizhan.geo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoverageTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void coverageByExistingEqualsDirectGeodesicComputation(long seed) {
        CoverageProblem problem = PlanningFixtures.smallInstance(seed).problem();

        assertMatchesBruteForce(problem, Coverage.of(problem), new int[0]);
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void coverageWithAddedCandidatesEqualsDirectGeodesicComputation(long seed) {
        CoverageProblem problem = PlanningFixtures.smallInstance(seed).problem();
        int[] added = {0, 7, 19, 33};

        assertMatchesBruteForce(problem, Coverage.of(problem, added), added);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1_000, 300})
    void rimPointsCountExactlyWhenInside(double radius) {
        CoverageProblem problem = PlanningFixtures.rimInstance(radius).problem(radius);

        CoverageReport report = Coverage.of(problem);

        assertMatchesBruteForce(problem, report, new int[0]);
        assertThat(report.byGroup()).containsOnlyKeys("east", "west");
    }

    private static void assertMatchesBruteForce(CoverageProblem problem, CoverageReport report, int[] added) {
        List<Integer> uncovered = new ArrayList<>();
        Map<String, double[]> groups = new HashMap<>();
        double covered = 0;
        for (int i = 0; i < problem.demand().size(); i++) {
            DemandPoint d = problem.demand().get(i);
            boolean in = problem.existing().stream().anyMatch(s -> BruteForce.covers(s, d, problem.radiusMeters()));
            for (int c : added) {
                in |= BruteForce.covers(problem.candidates().get(c), d, problem.radiusMeters());
            }
            double[] g = groups.computeIfAbsent(d.group(), k -> new double[2]);
            g[0] += d.weight();
            if (in) {
                covered += d.weight();
                g[1] += d.weight();
            } else {
                uncovered.add(i);
            }
        }
        assertThat(report.coveredWeight()).isCloseTo(covered, within(1e-9));
        assertThat(report.share()).isCloseTo(covered / problem.totalWeight(), within(1e-12));
        assertThat(report.uncoveredDemand()).isEqualTo(uncovered);
        assertThat(report.byGroup()).hasSameSizeAs(groups);
        report.byGroup().forEach((key, g) -> {
            assertThat(g.totalWeight()).isCloseTo(groups.get(key)[0], within(1e-9));
            assertThat(g.coveredWeight()).isCloseTo(groups.get(key)[1], within(1e-9));
        });
        assertThat(report.byGroup().values().stream()
                        .mapToDouble(GroupCoverage::coveredWeight)
                        .sum())
                .isCloseTo(covered, within(1e-9));
    }
}
