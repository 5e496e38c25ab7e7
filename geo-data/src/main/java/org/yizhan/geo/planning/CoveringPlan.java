package org.yizhan.geo.planning;

import java.time.Duration;
import java.util.List;

/**
 * The answer to "where should the next k stations go": the chosen sites in pick order with their
 * marginal gains (they sum to {@code weightAfter - weightBefore}), and coverage before and after.
 *
 * @param sites chosen sites, ordered greedily by marginal gain; fewer than k when nothing more can be covered
 * @param totalWeight all demand weight
 * @param weightBefore weight covered by existing stations
 * @param weightAfter weight covered by existing stations plus the chosen sites
 * @param greedyWeightAfter weight covered after the greedy phase, before the swap search
 * @param greedyEvaluations gain evaluations (heap pops) in the greedy phase
 * @param swapPasses passes of the swap search over the chosen sites, summed over all descents of the iterated search
 * @param swaps improving swaps made (including those undone when a kick led nowhere)
 * @param greedyTime time in the greedy phase
 * @param swapTime time in the (iterated) swap search
 */
public record CoveringPlan(
        List<PlannedSite> sites,
        double totalWeight,
        double weightBefore,
        double weightAfter,
        double greedyWeightAfter,
        int greedyEvaluations,
        int swapPasses,
        int swaps,
        Duration greedyTime,
        Duration swapTime) {

    public CoveringPlan {
        sites = List.copyOf(sites);
    }

    /** Weight the new sites add. */
    public double gain() {
        return weightAfter - weightBefore;
    }

    public double shareBefore() {
        return Coverage.share(weightBefore, totalWeight);
    }

    public double shareAfter() {
        return Coverage.share(weightAfter, totalWeight);
    }

    /** Candidate indices of the chosen sites, in pick order. */
    public int[] candidateIndices() {
        return sites.stream().mapToInt(PlannedSite::candidateIndex).toArray();
    }
}
