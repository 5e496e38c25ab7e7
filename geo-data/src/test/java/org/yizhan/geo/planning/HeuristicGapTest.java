package org.yizhan.geo.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The quality bar: greedy + swap within 2% of the proven optimum on generated instances. */
class HeuristicGapTest {

    private static final int[] KS = {5, 10, 20, 30};

    @Test
    void heuristicReachesNinetyEightPercentOfTheProvenOptimum() {
        int proven = 0;
        double worst = 1;
        double sum = 0;
        for (long seed = 1; seed <= 24; seed++) {
            CoverageProblem problem = InstanceGenerator.generate(
                            InstanceGenerator.Spec.wuhai(700, 400, 7, seed).withSize(11_000))
                    .problem();
            int k = KS[(int) (seed % KS.length)];
            var exact = ExactMaximalCovering.solve(problem, k, Duration.ofSeconds(30));
            if (exact.isEmpty()) {
                continue;
            }
            double ratio =
                    ratio(MaximalCovering.solve(problem, k).gain(), exact.get().newlyCovered());
            assertThat(ratio).as("seed %d, k=%d", seed, k).isGreaterThanOrEqualTo(0.98);
            proven++;
            worst = Math.min(worst, ratio);
            sum += ratio;
        }
        System.out.printf(
                "heuristic / proven optimum (newly covered weight) on %d instances: worst %.4f, mean %.4f%n",
                proven, worst, sum / proven);
        assertThat(proven).isGreaterThanOrEqualTo(20);
    }

    static double ratio(double heuristic, double optimum) {
        return optimum > 0 ? heuristic / optimum : 1.0;
    }
}
