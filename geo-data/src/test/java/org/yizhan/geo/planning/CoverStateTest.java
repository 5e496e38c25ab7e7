package org.yizhan.geo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoverStateTest {

    @Test
    void incrementalGainsAndLossesEqualRecomputedOnesAfterEveryAddAndRemove() {
        CoverageProblem problem = PlanningFixtures.smallInstance(7).problem();
        CoverState state = new CoverState(problem);
        boolean[] chosen = new boolean[problem.candidates().size()];
        SplittableRandom random = new SplittableRandom(7);

        for (int step = 0; step < 300; step++) {
            int c = random.nextInt(chosen.length);
            if (chosen[c]) {
                state.remove(c);
            } else {
                state.add(c);
            }
            chosen[c] = !chosen[c];
            assertAgreesWithRecomputation(problem, state, chosen);
        }
    }

    @Test
    void greedyStepsKeepGainsExact() {
        CoverageProblem problem = PlanningFixtures.smallInstance(8).problem();
        CoverState state = new CoverState(problem);
        LazyGreedy greedy = new LazyGreedy(state, LazyGreedy.WEIGHT);
        boolean[] chosen = new boolean[problem.candidates().size()];

        for (int c = greedy.next(); c >= 0; c = greedy.next()) {
            double best = 0;
            for (int other = 0; other < chosen.length; other++) {
                best = Math.max(best, chosen[other] ? 0 : recomputedGain(problem, chosen, other));
            }
            assertThat(recomputedGain(problem, chosen, c))
                    .as("lazy pick is a true maximum")
                    .isCloseTo(best, within(1e-9));
            state.add(c);
            chosen[c] = true;
            assertAgreesWithRecomputation(problem, state, chosen);
        }
    }

    private static void assertAgreesWithRecomputation(CoverageProblem problem, CoverState state, boolean[] chosen) {
        for (int c = 0; c < chosen.length; c++) {
            assertThat(state.gain(c)).as("gain of %d", c).isCloseTo(recomputedGain(problem, chosen, c), within(1e-9));
            if (chosen[c]) {
                assertThat(state.loss(c))
                        .as("loss of %d", c)
                        .isCloseTo(recomputedLoss(problem, chosen, c), within(1e-9));
            }
        }
    }

    private static int chosenCovering(CoverageProblem problem, boolean[] chosen, int demand) {
        int count = 0;
        for (int c = 0; c < chosen.length; c++) {
            if (chosen[c] && java.util.Arrays.binarySearch(problem.demandCoveredByCandidate(c), demand) >= 0) {
                count++;
            }
        }
        return count;
    }

    private static double recomputedGain(CoverageProblem problem, boolean[] chosen, int c) {
        double sum = 0;
        for (int i : problem.demandCoveredByCandidate(c)) {
            if (!problem.isCoveredByExisting(i) && chosenCovering(problem, chosen, i) == 0) {
                sum += problem.demand().get(i).weight();
            }
        }
        return sum;
    }

    private static double recomputedLoss(CoverageProblem problem, boolean[] chosen, int c) {
        double sum = 0;
        for (int i : problem.demandCoveredByCandidate(c)) {
            if (!problem.isCoveredByExisting(i) && chosenCovering(problem, chosen, i) == 1) {
                sum += problem.demand().get(i).weight();
            }
        }
        return sum;
    }
}
