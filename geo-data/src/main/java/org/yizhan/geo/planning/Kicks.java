package org.yizhan.geo.planning;

import java.util.SplittableRandom;

/**
 * Random moves for the iterated swap search: a candidate that covers a random uncovered demand
 * point, drawn in proportion to weight, so kicks head where coverage is missing rather than
 * anywhere in the area.
 */
final class Kicks {

    private static final int ATTEMPTS = 1_000;

    private final CoverState state;
    private final Csr coverers;
    private final double[] w;
    private final int[] coverable;
    private final double maxWeight;
    private final SplittableRandom random;

    Kicks(CoverageProblem problem, CoverState state, SplittableRandom random) {
        this.state = state;
        this.random = random;
        coverers = problem.openCoverers();
        w = problem.weights();
        IntList open = new IntList(64);
        double max = 0;
        for (int i = 0; i < coverers.rows(); i++) {
            if (coverers.size(i) > 0 && w[i] > 0) {
                open.add(i);
                max = Math.max(max, w[i]);
            }
        }
        coverable = open.toArray();
        maxWeight = max;
    }

    /** An unchosen candidate other than {@code except} covering uncovered demand, or -1 if none was found. */
    int candidateForUncoveredDemand(int except) {
        for (int attempt = 0; attempt < ATTEMPTS && coverable.length > 0; attempt++) {
            int i = coverable[random.nextInt(coverable.length)];
            // Rejection sampling: accept a point with probability weight / max weight.
            if (state.count(i) > 0 || random.nextDouble() * maxWeight > w[i]) {
                continue;
            }
            int c = coverers.items[coverers.start[i] + random.nextInt(coverers.size(i))];
            if (c != except && !state.isChosen(c)) {
                return c;
            }
        }
        return -1;
    }
}
