package org.yizhan.geo.planning;

/** Coverage of the demand points that carry one group key (e.g. one district). */
public record GroupCoverage(String group, double totalWeight, double coveredWeight, int points, int coveredPoints) {

    /** Covered share of the group's weight, 0 to 1 (1 when the group has no weight). */
    public double share() {
        return Coverage.share(coveredWeight, totalWeight);
    }
}
