package org.yizhan.geo.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimum number of new sites covering every open demand point that some candidate covers.
 * Greedy by newly covered points (the classic ln(n) + 1 guarantee), then sites that ended up
 * covering nothing alone are dropped, latest first; that keeps every point covered.
 */
public final class SetCover {

    private SetCover() {}

    public static SetCoverPlan solve(CoverageProblem problem) {
        long t0 = System.nanoTime();
        CoverState state = new CoverState(problem);
        LazyGreedy greedy = new LazyGreedy(state, LazyGreedy.POINTS);
        List<Integer> chosen = new ArrayList<>();
        for (int c = greedy.next(); c >= 0; c = greedy.next()) {
            state.add(c);
            chosen.add(c);
        }
        for (int j = chosen.size() - 1; j >= 0; j--) {
            int c = chosen.get(j);
            if (state.lossPoints(c) == 0) {
                state.remove(c);
                chosen.remove(j);
            }
        }
        List<PlannedSite> sites = replayInOrder(problem, chosen);
        Csr coverers = problem.openCoverers();
        List<Integer> uncoverable = new ArrayList<>();
        double uncoverableWeight = 0;
        for (int i = 0; i < problem.demand().size(); i++) {
            if (!problem.isCoveredByExisting(i) && coverers.size(i) == 0) {
                uncoverable.add(i);
                uncoverableWeight += problem.weight(i);
            }
        }
        double before = Coverage.coveredByExisting(problem);
        return new SetCoverPlan(
                sites,
                uncoverable,
                problem.totalWeight(),
                before,
                before + state.coveredOpenWeight(),
                uncoverableWeight,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Marginal gains in the order picked (after dropping redundant sites). */
    private static List<PlannedSite> replayInOrder(CoverageProblem problem, List<Integer> chosen) {
        CoverState replay = new CoverState(problem);
        List<PlannedSite> sites = new ArrayList<>();
        for (int c : chosen) {
            sites.add(new PlannedSite(c, problem.candidates().get(c), replay.gain(c), replay.gainPoints(c)));
            replay.add(c);
        }
        return sites;
    }
}
