package org.yizhan.geo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetCoverTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void coversEverythingCoverableWithinTheGreedyBoundOfTheMinimum(long seed) {
        CoverageProblem problem = PlanningFixtures.tinyInstance(seed).problem();
        int all = (1 << problem.candidates().size()) - 1;
        double coverable = BruteForce.coveredWeight(problem, BruteForce.matrix(problem), all);

        SetCoverPlan plan = SetCover.solve(problem);

        int[] picks =
                plan.sites().stream().mapToInt(PlannedSite::candidateIndex).toArray();
        assertThat(Coverage.of(problem, picks).coveredWeight()).isCloseTo(coverable, within(1e-9));
        assertThat(plan.weightAfter()).isCloseTo(coverable, within(1e-9));
        int minimum = BruteForce.minSetCoverSize(problem);
        int n = problem.demand().size();
        double harmonic = 0;
        for (int j = 1; j <= n; j++) {
            harmonic += 1.0 / j;
        }
        assertThat(plan.sites().size()).isBetween(minimum, (int) Math.floor(harmonic * minimum));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void reportsDemandNoCandidateCoversAndKeepsNoRedundantSite(long seed) {
        CoverageProblem problem = PlanningFixtures.smallInstance(seed).problem();
        boolean[][] m = BruteForce.matrix(problem);
        int e = problem.existing().size();
        List<Integer> uncoverable = new ArrayList<>();
        double uncoverableWeight = 0;
        for (int i = 0; i < problem.demand().size(); i++) {
            boolean any = false;
            for (int s = 0; s < m.length; s++) {
                any |= m[s][i];
            }
            if (!any) {
                uncoverable.add(i);
                uncoverableWeight += problem.demand().get(i).weight();
            }
        }

        SetCoverPlan plan = SetCover.solve(problem);

        assertThat(plan.uncoverableDemand()).isEqualTo(uncoverable);
        assertThat(plan.uncoverableWeight()).isCloseTo(uncoverableWeight, within(1e-9));
        assertThat(plan.weightAfter() + plan.uncoverableWeight()).isCloseTo(plan.totalWeight(), within(1e-9));
        int[] picks =
                plan.sites().stream().mapToInt(PlannedSite::candidateIndex).toArray();
        for (int drop = 0; drop < picks.length; drop++) {
            int[] without = new int[picks.length - 1];
            for (int j = 0, t = 0; j < picks.length; j++) {
                if (j != drop) {
                    without[t++] = picks[j];
                }
            }
            assertThat(Coverage.of(problem, without).uncoveredDemand())
                    .as("without site %d", picks[drop])
                    .hasSizeGreaterThan(uncoverable.size());
        }
        assertThat(plan.sites()).allSatisfy(s -> assertThat(s.marginalPoints()).isPositive());
        assertThat(e).isPositive();
    }
}
