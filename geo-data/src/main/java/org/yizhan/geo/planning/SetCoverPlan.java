package org.yizhan.geo.planning;

import java.time.Duration;
import java.util.List;

/**
 * The fewest new sites (greedy, within ln(n) + 1 of the minimum) that cover all open demand that
 * any candidate can cover.
 *
 * @param sites chosen sites in pick order with marginal gains
 * @param uncoverableDemand indices of open demand that no candidate covers, ascending: needs new candidates
 * @param totalWeight all demand weight
 * @param weightBefore weight covered by existing stations
 * @param weightAfter weight covered with the chosen sites
 * @param uncoverableWeight weight of {@code uncoverableDemand}
 * @param time time to solve
 */
public record SetCoverPlan(
        List<PlannedSite> sites,
        List<Integer> uncoverableDemand,
        double totalWeight,
        double weightBefore,
        double weightAfter,
        double uncoverableWeight,
        Duration time) {

    public SetCoverPlan {
        sites = List.copyOf(sites);
        uncoverableDemand = List.copyOf(uncoverableDemand);
    }

    public double shareBefore() {
        return Coverage.share(weightBefore, totalWeight);
    }

    public double shareAfter() {
        return Coverage.share(weightAfter, totalWeight);
    }
}
