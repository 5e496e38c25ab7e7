package org.yizhan.geo.planning;

import java.util.List;
import java.util.Map;

/**
 * Coverage of demand by stations.
 *
 * @param totalWeight all demand weight
 * @param coveredWeight weight within the radius of a station
 * @param byGroup per group key of the demand points, sorted by key; points without a group are only in the totals
 * @param uncoveredDemand indices into {@link CoverageProblem#demand()} of the uncovered points, ascending
 */
public record CoverageReport(
        double totalWeight, double coveredWeight, Map<String, GroupCoverage> byGroup, List<Integer> uncoveredDemand) {

    public CoverageReport {
        byGroup = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byGroup));
        uncoveredDemand = List.copyOf(uncoveredDemand);
    }

    /** Covered share of the weight, 0 to 1 (1 when there is no demand). */
    public double share() {
        return Coverage.share(coveredWeight, totalWeight);
    }
}
