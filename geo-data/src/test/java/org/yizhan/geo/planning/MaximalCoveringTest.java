package org.yizhan.geo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaximalCoveringTest {

    private static final double GREEDY_BOUND = 1 - 1 / Math.E;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void greedyIsWithinItsBoundAndSwapNeverWorseNorAboveTheOptimum(long seed) {
        CoverageProblem problem = PlanningFixtures.tinyInstance(seed).problem();
        double before = Coverage.of(problem).coveredWeight();

        for (int k = 1; k <= 4; k++) {
            double optimumGain = BruteForce.maxCoveredWeight(problem, k) - before;
            CoveringPlan greedy = MaximalCovering.solve(problem, k, MaximalCovering.Options.GREEDY_ONLY);
            CoveringPlan plainSwap = MaximalCovering.solve(problem, k, new MaximalCovering.Options(true, 0, 1));
            CoveringPlan swapped = MaximalCovering.solve(problem, k);

            assertThat(greedy.gain()).as("k=%d", k).isGreaterThanOrEqualTo(GREEDY_BOUND * optimumGain - 1e-9);
            assertThat(plainSwap.gain()).as("k=%d", k).isGreaterThanOrEqualTo(greedy.gain() - 1e-9);
            assertThat(swapped.gain()).as("k=%d", k).isGreaterThanOrEqualTo(plainSwap.gain() - 1e-9);
            assertThat(swapped.gain()).as("k=%d", k).isLessThanOrEqualTo(optimumGain + 1e-9);
            assertThat(swapped.greedyWeightAfter()).isEqualTo(greedy.weightAfter());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void reportedCoverageAndMarginalGainsAgreeWithDirectComputation(long seed) {
        CoverageProblem problem = PlanningFixtures.smallInstance(seed).problem();

        CoveringPlan plan = MaximalCovering.solve(problem, 6);

        CoverageReport after = Coverage.of(problem, plan.candidateIndices());
        assertThat(plan.weightBefore()).isCloseTo(Coverage.of(problem).coveredWeight(), within(1e-9));
        assertThat(plan.weightAfter()).isCloseTo(after.coveredWeight(), within(1e-9));
        assertThat(plan.shareAfter()).isCloseTo(after.share(), within(1e-12));
        assertThat(plan.sites().stream().mapToDouble(PlannedSite::marginalGain).sum())
                .isCloseTo(plan.gain(), within(1e-9));
        for (int j = 1; j < plan.sites().size(); j++) {
            assertThat(plan.sites().get(j).marginalGain())
                    .isLessThanOrEqualTo(plan.sites().get(j - 1).marginalGain());
        }
        assertThat(plan.sites())
                .allSatisfy(
                        s -> assertThat(s.site()).isEqualTo(problem.candidates().get(s.candidateIndex())));
    }

    @Test
    void stopsWhenNoCandidateAddsCoverage() {
        CoverageProblem problem = PlanningFixtures.tinyInstance(3).problem();

        CoveringPlan plan = MaximalCovering.solve(problem, 50);

        assertThat(plan.sites()).hasSizeLessThanOrEqualTo(problem.candidates().size());
        assertThat(plan.sites()).allSatisfy(s -> assertThat(s.marginalGain()).isPositive());
        assertThat(plan.weightAfter()).isCloseTo(BruteForce.maxCoveredWeight(problem, 10), within(1e-9));
    }

    @Test
    void zeroSitesChangeNothing() {
        CoverageProblem problem = PlanningFixtures.tinyInstance(4).problem();

        CoveringPlan plan = MaximalCovering.solve(problem, 0);

        assertThat(plan.sites()).isEmpty();
        assertThat(plan.weightAfter()).isEqualTo(plan.weightBefore());
    }

    @Test
    void rejectsNegativeK() {
        CoverageProblem problem = PlanningFixtures.tinyInstance(4).problem();

        assertThatIllegalArgumentException().isThrownBy(() -> MaximalCovering.solve(problem, -1));
    }

    @Test
    void sameInputGivesSameSites() {
        CoverageProblem problem = PlanningFixtures.smallInstance(5).problem();

        assertThat(MaximalCovering.solve(problem, 8).candidateIndices())
                .containsExactly(MaximalCovering.solve(problem, 8).candidateIndices());
    }
}
