package org.yizhan.geo.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Maximal covering location problem: keep the existing stations and choose at most k candidates
 * that cover the most demand weight not yet covered.
 *
 * <p>Lazy greedy (within 1 - 1/e of the optimum, since coverage is submodular), then 1-swap local
 * search: for each chosen site the best unchosen replacement is found from maintained gains and
 * losses plus the overlap on demand only the outgoing site covers, so a pass costs
 * O(k·(m + neighbourhood)) rather than re-evaluating coverage per pair. A 1-swap optimum can
 * still miss moves that need two sites to move together, so the search is iterated: swap a few
 * random sites for candidates covering random uncovered demand (drawn by weight), descend again
 * with the kicked-out sites barred, and keep the best (worse results are reverted). Deterministic for a given {@link Options#seed()}: ties go to the lower index.
 */
public final class MaximalCovering {

    /** Safety stop for one descent; each swap strictly improves coverage and 2-8 passes are typical. */
    static final int MAX_PASSES = 100;

    /**
     * How hard to search.
     *
     * @param swap whether to run the swap search after greedy
     * @param perturbations kicks of the iterated search after the first descent (0: plain 1-swap)
     * @param seed random seed for the kicks
     */
    public record Options(boolean swap, int perturbations, long seed) {

        public static final Options DEFAULT = new Options(true, 200, 1);
        public static final Options GREEDY_ONLY = new Options(false, 0, 1);

        public Options {
            if (perturbations < 0) {
                throw new IllegalArgumentException("perturbations must be >= 0, got " + perturbations);
            }
        }
    }

    private MaximalCovering() {}

    /** Greedy plus iterated swap search with {@link Options#DEFAULT}. */
    public static CoveringPlan solve(CoverageProblem problem, int k) {
        return solve(problem, k, Options.DEFAULT);
    }

    /** Chooses up to {@code k} candidates; stops early when no candidate adds coverage. */
    public static CoveringPlan solve(CoverageProblem problem, int k, Options options) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        long t0 = System.nanoTime();
        CoverState state = new CoverState(problem);
        LazyGreedy greedy = new LazyGreedy(state, LazyGreedy.WEIGHT);
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < k) {
            int c = greedy.next();
            if (c < 0) {
                break;
            }
            state.add(c);
            chosen.add(c);
        }
        double greedyOpen = state.coveredOpenWeight();
        long t1 = System.nanoTime();
        int passes = 0;
        int swaps = 0;
        if (options.swap() && !chosen.isEmpty()) {
            SwapSearch search = new SwapSearch(problem, state);
            passes = search.descend(chosen, MAX_PASSES);
            if (options.perturbations() > 0) {
                iterate(problem, state, search, chosen, options);
                passes += search.descend(chosen, MAX_PASSES);
            }
            swaps = search.swaps();
        }
        long t2 = System.nanoTime();
        double before = Coverage.coveredByExisting(problem);
        return new CoveringPlan(
                inPickOrder(problem, chosen),
                problem.totalWeight(),
                before,
                before + state.coveredOpenWeight(),
                before + greedyOpen,
                greedy.evaluations(),
                passes,
                swaps,
                Duration.ofNanos(t1 - t0),
                Duration.ofNanos(t2 - t1));
    }

    /** Iterated local search from a 1-swap optimum; leaves the best set found in {@code chosen}. */
    private static void iterate(
            CoverageProblem problem, CoverState state, SwapSearch search, List<Integer> chosen, Options options) {
        SplittableRandom random = new SplittableRandom(options.seed());
        double epsilon = 1e-9 * Math.max(1, problem.totalWeight());
        List<Integer> best = new ArrayList<>(chosen);
        double bestValue = state.coveredOpenWeight();
        Kicks kicks = new Kicks(problem, state, random);
        for (int it = 0; it < options.perturbations(); it++) {
            int r = 1 + random.nextInt(Math.min(3, chosen.size()));
            List<Integer> out = new ArrayList<>();
            for (int j = 0; j < r; j++) {
                int slot = random.nextInt(chosen.size());
                int s = chosen.get(slot);
                if (out.contains(s)) {
                    continue;
                }
                state.remove(s);
                search.setTabu(s, true);
                out.add(s);
                int c = kicks.candidateForUncoveredDemand(s);
                search.markAround(chosen, s);
                if (c >= 0) {
                    state.add(c);
                    chosen.set(slot, c);
                    search.markAround(chosen, c);
                } else {
                    chosen.remove(slot);
                }
            }
            search.descendAround(chosen);
            out.forEach(s -> search.setTabu(s, false));
            double value = state.coveredOpenWeight();
            if (value > bestValue + epsilon) {
                best = new ArrayList<>(chosen);
                bestValue = value;
            } else if (value < bestValue - epsilon || chosen.size() < best.size()) {
                restore(state, chosen, best);
            }
        }
    }

    private static void restore(CoverState state, List<Integer> chosen, List<Integer> best) {
        Set<Integer> keep = new HashSet<>(best);
        for (int c : chosen) {
            if (!keep.contains(c)) {
                state.remove(c);
            }
        }
        Set<Integer> have = new HashSet<>(chosen);
        for (int c : best) {
            if (!have.contains(c)) {
                state.add(c);
            }
        }
        chosen.clear();
        chosen.addAll(best);
    }

    /** Orders a chosen set greedily so each site's marginal gain says what it adds to those before it. */
    static List<PlannedSite> inPickOrder(CoverageProblem problem, List<Integer> chosen) {
        CoverState replay = new CoverState(problem);
        List<Integer> left = new ArrayList<>(chosen);
        left.sort(null);
        List<PlannedSite> sites = new ArrayList<>();
        while (!left.isEmpty()) {
            int best = 0;
            for (int j = 1; j < left.size(); j++) {
                if (replay.gain(left.get(j)) > replay.gain(left.get(best))) {
                    best = j;
                }
            }
            int c = left.remove(best);
            sites.add(new PlannedSite(c, problem.candidates().get(c), replay.gain(c), replay.gainPoints(c)));
            replay.add(c);
        }
        return sites;
    }
}
